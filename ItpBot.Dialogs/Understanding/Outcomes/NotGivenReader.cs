using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Dialogs.Understanding.Outcomes;

/// <summary>
/// A drug named but never given: declined, refused, never started, never gone ahead with, the plan for later
/// ("splenectomy declined", "we thought about rituximab but never started it", "IVIG near term is the plan"). Such a
/// drug is no prior treatment (contract: a treatment taken). The words are a class in Lexicon/outcome-frames.yaml
/// ('not-given'); the frame here is where they may stand: a few words after the drug, with no other drug between,
/// and not as the verb of a drug named after them ("pred, declined IVIG" declines the IVIG, not the pred).
/// </summary>
internal static partial class NotGivenReader
{
    private const int MaxWordsBetween = 5;

    private static readonly Regex NotGiven = new(
        @"\b" + LexiconRegex.Alternation(ReadingLexicon.Default, "outcome-frame", "not-given") + @"(?!\w)",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static bool IsNotGiven(string normalized, TherapyMention mention, IReadOnlyList<TherapyMention> mentions)
    {
        var next = mentions.Where(m => m.Start >= mention.End).Select(m => m.Start).DefaultIfEmpty(normalized.Length).Min();
        var sentenceEnd = SentenceEnd().Match(normalized, mention.End) is { Success: true } end ? end.Index : normalized.Length;
        var windowEnd = Math.Min(next, sentenceEnd);
        if (DeclinedRightAfter().IsMatch(normalized, mention.End) || RefusedBefore().IsMatch(normalized.AsSpan(0, mention.Start)))
        {
            return true;
        }

        var found = NotGiven.Match(normalized, mention.End, windowEnd - mention.End);
        if (!found.Success || Words().Matches(normalized[mention.End..found.Index]).Count > MaxWordsBetween)
        {
            return false;
        }

        // "never started IVIG": the phrase is the verb of the drug right after it.
        return next >= sentenceEnd || Words().Matches(normalized[(found.Index + found.Length)..next]).Count > 2;
    }

    // "splenectomy declined", "splenectomy - offered, declined": only right after the drug, since "declined" is also
    // a count that fell ("count declined to 20", outcome-frames.yaml 'count-down').
    [GeneratedRegex(@"\G\s*(?:[-:(]\s*)?(?:(?:was|were|has been|had been|is)\s+)?(?:offered\s*,?\s*(?:but\s+|and\s+)?)?declined\b(?!\s+(?:to|from|after|over|by(?!\s+(?:the\s+)?(?:patient|pt|her|him|them|family|parents|mum|dad|mother|father|wife|husband)\b)|in|steadily|slowly|again|further)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex DeclinedRightAfter();

    // "she declined rituximab", "refused the splenectomy": the drug is the object of a refusal.
    [GeneratedRegex(@"\b(?:declined|refused|turned down|said no to|decided against|opted against)\s+(?:the\s+|a\s+|an\s+|any\s+|more\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RefusedBefore();

    [GeneratedRegex(@"[.;!?\n]", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\w'-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
