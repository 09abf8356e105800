using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// A lexicon meaning's phrases as a regular-expression alternation, for the recognisers whose grammar is written as
/// expressions (treatment outcomes): the words stay in the validated data, the grammar in code. Only a|b
/// alternatives and word* prefixes can be turned into an expression; any other phrase grammar is refused by name.
/// </summary>
internal static class LexiconRegex
{
    /// <summary>
    /// Categories read only into expressions, with the meanings each grammar asks for: a meaning outside its list, or a
    /// phrase an expression cannot hold, is refused when the lexicon loads rather than when a recogniser first runs.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Categories = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["question-kind"] = new HashSet<string>(
            ["pregnancy", "dose", "onset", "onset-when", "onset-change", "monitoring", "response-rate", "side-effects", "versus", "comparison",
             "heading", "why-not", "what-is", "definition", "explicit-definition", "overview"],
            StringComparer.Ordinal),
        ["question-opening"] = new HashSet<string>(["wh-word", "whether", "auxiliary", "must", "request", "request-more", "any-advice"], StringComparer.Ordinal),
        ["access-answer"] = new HashSet<string>(
            ["access-talk", "all", "unavailable", "negation", "restriction-denial", "restriction", "without", "doubt", "if", "if-not-doubt", "able", "obtain", "whatever", "person", "need"],
            StringComparer.Ordinal),
        ["access-party"] = new HashSet<string>(["payer", "holder"], StringComparer.Ordinal),
        ["access-before"] = new HashSet<string>(
            ["out-of-reach", "cannot-obtain", "will-not", "provide", "hold", "holds-none", "approval", "refused", "cost-payer", "will-not-pay", "rationed"],
            StringComparer.Ordinal),
        ["access-after"] = new HashSet<string>(["out-of-reach", "list-denial", "list-kind", "list", "run-out", "cannot-obtain-it", "stopped", "for-reason", "cost", "stopped-paying"], StringComparer.Ordinal),
        ["access-place"] = new HashSet<string>(["kind", "held", "here", "place"], StringComparer.Ordinal),
        ["reference"] = new HashSet<string>(["pronoun", "takes-it", "it-does", "started", "time-opening"], StringComparer.Ordinal),
        ["preference"] = new HashSet<string>(
            ["wants", "rather-not", "observation", "injections", "surgery", "oral", "medicines", "medicines-also", "ruled-out", "frightens", "practical", "time-limited", "lifelong"],
            StringComparer.Ordinal),
    };

    /// <summary>What is wrong with a phrase of an expression category, or null.</summary>
    public static string? ProblemWith(string phrase) =>
        phrase.IndexOfAny(['(', ')', '?', '#']) >= 0 || UnderstandingText.Normalize(phrase).Split(' ').Contains("..")
            ? $"'{phrase}' uses grammar only a|b and word* may use in an expression"
            : null;

    /// <summary>Several meanings' phrases as one alternation, in the order given.</summary>
    public static string Alternation(ReadingLexicon lexicon, string category, params string[] meanings) =>
        "(?:" + string.Join("|", meanings.Select(m => Alternation(lexicon, category, m))) + ")";

    /// <summary>"(?:a|b c\w*)": every phrase of <paramref name="meaning"/> in <paramref name="category"/>.</summary>
    /// <exception cref="LexiconException">The meaning is missing, or a phrase uses grammar an expression cannot hold.</exception>
    public static string Alternation(ReadingLexicon lexicon, string category, string meaning)
    {
        var phrases = Phrases(lexicon, category, meaning);
        return "(?:" + string.Join("|", phrases.Select(Expression)) + ")";
    }

    /// <summary>Every phrase spelt out ("don't know", "dont know"), for word-by-word checks.</summary>
    public static IReadOnlySet<string> Forms(ReadingLexicon lexicon, string category, string meaning) =>
        Phrases(lexicon, category, meaning)
            .SelectMany(p => p.Split(' ').Aggregate(
                (IEnumerable<string>)[string.Empty],
                (forms, word) => forms.SelectMany(f => word.Split('|').Select(choice => f.Length == 0 ? choice : $"{f} {choice}"))))
            .ToHashSet(StringComparer.Ordinal);

    private static List<string> Phrases(ReadingLexicon lexicon, string category, string meaning)
    {
        var found = lexicon.Category(category).FirstOrDefault(m => m.Meaning == meaning)
            ?? throw new LexiconException([$"the lexicon has no {category} meaning '{meaning}'"]);
        var phrases = found.Phrases.Select(p => UnderstandingText.Normalize(p.Source)).ToList();
        var unusable = phrases.Where(p => p.IndexOfAny(['(', ')', '?', '#']) >= 0 || p.Split(' ').Contains("..")).ToList();
        return unusable.Count == 0
            ? phrases
            : throw new LexiconException(unusable.Select(p => $"{category} '{meaning}': '{p}' uses grammar only a|b and word* may use here").ToList());
    }

    private static string Expression(string phrase) =>
        string.Join(@"\s+", phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word =>
            "(?:" + string.Join("|", word.Split('|').Select(choice =>
                choice.EndsWith('*') ? Regex.Escape(choice.TrimEnd('*')) + @"\w*" : Regex.Escape(choice))) + ")"));
}
