using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// A condition told as the harm a treatment did ("ciclosporin (hypertension, stopped)", "the pred gave him steroid
/// diabetes", "got a DVT on it so they took her off", "came off pred because of diabetes getting worse") is that
/// drug's adverse effect, which the treatment history records, not a comorbidity the patient brings. Read from the
/// grammar around the condition's words in its own sentence: a causing verb before it, a drug's cause after it, or the
/// drug stopped for it.
/// </summary>
internal static partial class DrugHarmStory
{
    public static bool IsHarm(string normalized, int start, int end)
    {
        var from = normalized.LastIndexOfAny(SentenceEnds, Math.Max(0, start - 1)) + 1;
        var to = normalized.IndexOfAny(SentenceEnds, end);
        var before = normalized[from..start];
        var after = normalized[end..(to < 0 ? normalized.Length : to)];
        // "made his diabetes much worse": a condition owned before the drug is the patient's own. "her sugars", "his BP"
        // own a reading, not a disease: the reading may still be the drug's harm.
        if (!Reading().IsMatch(normalized.AsSpan(start, end - start)) && Owned().IsMatch(before))
        {
            return false;
        }

        return CausedBefore().IsMatch(before) || InducedBefore().IsMatch(before) || StoppedForBefore().IsMatch(before)
            || CausedByAfter().IsMatch(after) || StoppedAfter().IsMatch(after);
    }

    [GeneratedRegex(@"\b(?:his|her|my|their|your)\s+(?:\w+\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Owned();

    [GeneratedRegex(@"^(?:blood\s+)?(?:sugar|sugars|sugar's|glucose|bp|pressure|lfts?|liver tests?|liver enzymes?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Reading();

    private static readonly char[] SentenceEnds = ['.', ';', '!', '?', '\n', '|'];

    // "gave him tremor and kidney problems", "caused a DVT", "left her with high BP": a causing verb shortly before.
    [GeneratedRegex(@"\b(?:gave|given|gives|giving|caused|causes|causing|made|pushed|pushes|sent|sends|drove|drives|triggered|induced|provoked|precipitated|brought on|led to|resulted in|left (?:me|her|him|them) with)\b[^,;(]{0,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex CausedBefore();

    // "steroid diabetes", "steroid-induced diabetes", "drug-induced liver injury", "intolerant (HTN)".
    [GeneratedRegex(@"(?:\b(?:steroid|steroids|drug|treatment|medication)(?:[\s-]+induced)?|\binduced|\bintolerant\s*\(?|\bside[\s-]effects?\s*(?:of|:|-)?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex InducedBefore();

    // "came off pred before that because of diabetes", "stopped for hypertension", "stopped them when his sugar shot up".
    [GeneratedRegex(@"\b(?:stopped|stop|discontinued|withdrawn|came off|come off|taken off|took (?:me|her|him|them) off|switched)\b[^;]{0,40}\b(?:because of|due to|for|after|when|once|as)\s+(?:a |an |the |her |his |my |their )?(?:blood )?$", RegexOptions.CultureInvariant)]
    private static partial Regex StoppedForBefore();

    // "got diabetes from it", "diabetes from the steroids", "HTN on fostamatinib" is not taken: only a cause.
    [GeneratedRegex(@"^\s*(?:\w+\s+){0,2}?(?:from|because of|due to|caused by|induced by|secondary to)\s+(?:it|them|that|the (?:steroids?|tablets?|drugs?|treatment|pred|medication|medicine|injections?)|steroids?|pred\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CausedByAfter();

    // "(hypertension, stopped)", "BP up so we stopped", "a portal vein thrombosis so it was stopped", "a DVT in her leg
    // so they took her off": the drug stopped for it, in the same sentence.
    [GeneratedRegex(@"^[^;]{0,40}?(?:,|\bso\b|\band\b|\bthen\b|-)\s*(?:(?:it|they|we|she|he|i|that|this)\s+)?(?:(?:was|were|had to|got|have|has|had)\s+)?(?:been\s+)?(?:stopped|stop|discontinued|withdrawn|held|switched|came off|come off|taken off|took (?:me|her|him|them) off|went|dropped|abandoned)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StoppedAfter();
}
