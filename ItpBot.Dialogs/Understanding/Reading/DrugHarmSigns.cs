using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// A symptom told as a drug's harm ("Promacta gave him terrible headaches", "IVIg gave her headaches and meningism",
/// "eltrombopag is giving me headaches") is an adverse effect the speaker attributes to the drug, not a new sign of a
/// bleed: such signs leave the red-flag rules. Bleeding itself is never taken out ("warfarin caused a GI bleed"), nor
/// is a sign in another clause. The causative verbs are the outcome reader's (outcome-frames.yaml 'cause').
/// </summary>
internal static class DrugHarmSigns
{
    private static readonly string[] BleedingTags = ["explicit-critical", "explicit-severe", "bleeding", "mucosal", "skin-bleed", "blood-seen"];

    private static readonly Lazy<Regex> Cause = new(() => new Regex(
        @"\b" + LexiconRegex.Alternation(ReadingLexicon.Default, "outcome-frame", "cause") + @"(?!\w)", RegexOptions.CultureInvariant | RegexOptions.Compiled));

    // A drug given up for the sign, said as its reason: "pred x3 intol (delirium)", "intolerant - psychosis", "dex stopped
    // due to confusion", "eltrombopag discontinued (headaches)". The reason must be joined to the stop by a bracket or
    // "due to"-type words: "romiplostim stopped, now confused" is a new sign, not the reason. An intolerance word may also
    // take a dash or colon ("intol: delirium"); a stop verb may not ("stopped: confused and vomiting" may be today's).
    private static readonly Lazy<Regex> StoppedFor = new(() => new Regex(
        @"(?:\b(?:intol\w*|(?:not|poorly) tolerated)\s*[(:\-]\s*|" +
        @"\b" + LexiconRegex.Alternation(ReadingLexicon.Default, "outcome-frame", "stop") + @"\s*\(\s*)" +
        @"(?:(?:due to|because of|owing to|secondary to)\s+)?(?:\w+\s+){0,2}$|" +
        @"\b(?:intol\w*|(?:not|poorly) tolerated|" + LexiconRegex.Alternation(ReadingLexicon.Default, "outcome-frame", "stop") + @")\s+" +
        @"(?:due to|because of|owing to|secondary to)\s+(?:\w+\s+){0,2}$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled));

    public static IReadOnlyList<SignFinding> Without(
        IReadOnlyList<SignFinding> signs, MessageTokens tokens, IReadOnlyList<TherapyMention> drugs)
    {
        if (drugs.Count == 0 || signs.Count == 0)
        {
            return signs;
        }

        var kept = signs.Where(s => !IsDrugHarm(s, tokens, drugs)).ToList();
        return kept.Count == signs.Count ? signs : kept;
    }

    private static bool IsDrugHarm(SignFinding sign, MessageTokens tokens, IReadOnlyList<TherapyMention> drugs)
    {
        if (BleedingTags.Any(sign.Sign.Tags.Contains) || sign.Start < 0)
        {
            return false;
        }

        var clause = ClauseStart(tokens.Text, sign.Start);
        foreach (var drug in drugs)
        {
            if (drug.Start < clause || drug.Start + drug.Length > sign.Start)
            {
                continue;
            }

            // Told as past ("gave", "caused", "brought on"): a harm the drug did. A harm it is doing now ("is giving
            // her headaches, plt 8") is still a headache today, and with a low count it is still looked into.
            var between = tokens.Text[(drug.Start + drug.Length)..sign.Start];
            if (between.Length <= 60 && (Cause.Value.Matches(between).Any(m => !IsPresent(m.Value)) || StoppedFor.Value.IsMatch(between)))
            {
                return true;
            }
        }

        return false;
    }

    // Tense from the verb's ending, not a word list: the class's present forms end in -s or -ing ("gives", "causing");
    // its past forms do not ("gave", "caused", "brought on", "left her with").
    private static bool IsPresent(string verb)
    {
        var first = verb.Split(' ')[0];
        return first.EndsWith("ing", StringComparison.Ordinal) || first.EndsWith('s');
    }

    // Back to the last sentence end or semicolon: "Nplate did nothing. Now a sudden headache" keeps its headache.
    private static int ClauseStart(string text, int at)
    {
        var i = text.LastIndexOfAny(['.', ';', '!', '?', '\n'], Math.Max(0, at - 1));
        return i < 0 ? 0 : i + 1;
    }
}
