using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Word lists that fill a slot in a recogniser's grammar ("52 M", "10 st 7 lb", "my daughter is 17"): units and
/// person words. Their phrases are plain words (no phrase grammar), because the grammar around them is in code and
/// sees characters, not words ("70kg" is one word).
/// </summary>
internal static class LexiconWords
{
    /// <summary>Categories whose phrases must be plain words, with the meanings each may have.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Categories = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["unit"] = new HashSet<string>(["kilogram", "pound", "stone", "year", "duration", "weight-name"], StringComparer.Ordinal),
        ["person"] = new HashSet<string>(
            ["female", "male", "woman", "man", "gent", "female-abbreviation", "male-abbreviation", "female-title", "male-title", "female-person", "male-person", "person", "sex-label"],
            StringComparer.Ordinal),
        ["lab"] = new HashSet<string>(
            ["haemoglobin-name", "alt-name", "liver-test-name", "link", "upper-limit", "reference-range", "range-link", "twice", "three-times",
             "surface-antigen", "core-antibody", "hbv-name", "result-positive", "result-negative"],
            StringComparer.Ordinal),
        ["ancestry"] = new HashSet<string>(["east-asian", "not-east-asian", "not-east-asian-with-cue", "ancestry-word", "relative"], StringComparer.Ordinal),
        ["access"] = new HashSet<string>(["access-word", "denial", "refusal", "doubt", "other-subject", "all-of-them", "none-of-them"], StringComparer.Ordinal),
        ["count"] = new HashSet<string>(["platelet-name", "earlier", "latest", "story-value", "lapse"], StringComparer.Ordinal),
        ["diagnosis"] = new HashSet<string>(["cue", "cue-beginning", "first-found", "phase", "has-had", "the-disease", "lead", "plain-lead", "plain-tail", "year-lead", "age-lead"], StringComparer.Ordinal),
        ["definition-word"] = new HashSet<string>(["definition-word"], StringComparer.Ordinal),
        ["register"] = new HashSet<string>(["third-person", "third-person-noun", "everyday", "everyday-stem", "clinical", "clinical-stem"], StringComparer.Ordinal),
    };

    /// <summary>
    /// Categories whose words are cues to how a message is written (register.yaml), not words a message is read for:
    /// they are kept out of the spelling index and the statement vocabulary, so "pmh" or a typo near "refractory" reads
    /// as it did before the words moved into data. The question words (question-kinds.yaml, question-openings.yaml,
    /// definition-words.yaml) are cues to what a message asks, and access-answers.yaml, access-parties.yaml and the access frames (access-before.yaml, access-after.yaml,
    /// access-places.yaml) to what is said about access:
    /// kept out for the same reason.
    /// </summary>
    public static readonly IReadOnlySet<string> CueCategories =
        new HashSet<string>(["register", "question-kind", "question-opening", "definition-word", "access-answer", "access-party", "access-before", "access-after", "access-place", "reference"], StringComparer.Ordinal);

    /// <summary>The meanings a message's words are read against (every category but <see cref="CueCategories"/>).</summary>
    public static IEnumerable<LexiconMeaning> ReadWords(ReadingLexicon lexicon) => lexicon.Meanings.Where(m => !CueCategories.Contains(m.Category));

    /// <summary>The tags a person word may carry: its sex, and the grammar slots it fills.</summary>
    public static readonly IReadOnlySet<string> PersonTags = new HashSet<string>(["female", "male", "states-sex", "with-age", "person"], StringComparer.Ordinal);

    private static readonly char[] Grammar = ['*', '|', '?', '(', ')', '#'];

    /// <summary>What is wrong with a phrase of a plain-word category, or null.</summary>
    public static string? ProblemWith(string phrase) =>
        phrase.IndexOfAny(Grammar) >= 0 || phrase.Contains("..", StringComparison.Ordinal)
            ? $"'{phrase}' must be a plain word, without phrase grammar (* | ? ( ) # ..)"
            : null;

    /// <summary>The plain words of the meanings (or of the meanings carrying <paramref name="tag"/>).</summary>
    public static IEnumerable<string> Of(ReadingLexicon lexicon, string category, Func<LexiconMeaning, bool> which) =>
        lexicon.Category(category).Where(which).SelectMany(m => m.Phrases).Select(p => UnderstandingText.Normalize(p.Source)).Distinct(StringComparer.Ordinal);

    /// <summary>The words as a regex alternation, longest first, so "kilograms" is tried before "kilo".</summary>
    public static string Alternation(IEnumerable<string> words)
    {
        var escaped = words.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).Select(Regex.Escape).ToList();
        return escaped.Count == 0 ? "(?!)" : "(?:" + string.Join('|', escaped) + ")";
    }

    public static string Alternation(ReadingLexicon lexicon, string category, params string[] meanings) =>
        Alternation(Of(lexicon, category, m => meanings.Contains(m.Meaning)));
}
