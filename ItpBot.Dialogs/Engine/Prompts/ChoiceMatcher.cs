using System.Globalization;
using F23.StringSimilarity;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace ItpBot.Dialogs.Engine.Prompts;

/// <summary>
/// Finds which choice an answer names, trying in turn: the value or a synonym as the whole answer, an ordinal or
/// number ("the second one", "2"), then a fuzzy match of the words ("eltrombopg"). A fuzzy answer close to two
/// different choices is not guessed: in a clinical setting asking again is safer than picking one.
/// </summary>
internal static class ChoiceMatcher
{
    private const int FuzzyThreshold = 80;
    private const int AmbiguityMargin = 5;
    private const int ShortestFuzzyTerm = 4;

    // Words that may stand around an ordinal that is meant as a position ("I'll take the 2nd one please").
    private static readonly HashSet<string> OrdinalFiller =
        ["the", "one", "option", "choice", "number", "please", "i", "ill", "id", "want", "pick", "take", "like", "go", "with", "lets"];

    public static FoundChoice? Match(string? utterance, IList<Choice> choices)
    {
        var text = TextNormalizer.Normalize(utterance);
        if (text.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        return MatchExactly(text, choices) ?? MatchPosition(utterance!, text, choices) ?? MatchFuzzily(text, choices);
    }

    /// <summary>Only a choice's value or synonym as the whole answer.</summary>
    public static FoundChoice? MatchWhole(string? utterance, IList<Choice> choices)
    {
        var text = TextNormalizer.Normalize(utterance);
        return text.Length == 0 ? null : MatchExactly(text, choices);
    }

    private static IEnumerable<(int Index, string Term, bool IsSynonym)> Terms(IList<Choice> choices) =>
        choices.SelectMany((choice, index) =>
            new[] { (index, choice.Value, false) }
                .Concat((choice.Synonyms ?? []).Select(s => (index, s, true))));

    private static FoundChoice? MatchExactly(string text, IList<Choice> choices)
    {
        foreach (var (index, term, isSynonym) in Terms(choices))
        {
            if (TextNormalizer.Normalize(term) == text)
            {
                return new FoundChoice(choices[index].Value, index, 1.0, isSynonym ? term : null);
            }
        }

        return null;
    }

    private static FoundChoice? MatchPosition(string utterance, string text, IList<Choice> choices)
    {
        var position = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : OrdinalPosition(utterance);

        return position is int p && p >= 1 && p <= choices.Count
            ? new FoundChoice(choices[p - 1].Value, p - 1, 1.0)
            : null;
    }

    /// <summary>
    /// "the second one", "2nd please": an ordinal counts as a position only when nothing but filler surrounds it,
    /// so "romiplostim first" names romiplostim, not the first choice, and "3 courses" is not the third choice.
    /// </summary>
    private static int? OrdinalPosition(string utterance)
    {
        var ordinal = NumberRecognizer.RecognizeOrdinal(utterance, Culture.English).FirstOrDefault();
        if (ordinal?.Resolution is not { } resolution
            || !resolution.TryGetValue("value", out var value)
            || !int.TryParse(value as string, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return null;
        }

        var rest = utterance.Remove(ordinal.Start, ordinal.End - ordinal.Start + 1);
        return TextNormalizer.Words(TextNormalizer.Normalize(rest)).All(OrdinalFiller.Contains) ? position : null;
    }

    private static FoundChoice? MatchFuzzily(string text, IList<Choice> choices)
    {
        var words = TextNormalizer.Words(text);
        var best = Terms(choices)
            .Select(t => (t.Index, t.Term, t.IsSynonym, Score: BestWindowScore(words, TextNormalizer.Normalize(t.Term))))
            .GroupBy(t => t.Index)
            .Select(g => g.MaxBy(t => t.Score))
            .OrderByDescending(t => t.Score)
            .Take(2)
            .ToList();

        if (best.Count == 0 || best[0].Score < FuzzyThreshold)
        {
            return null;
        }

        if (best.Count > 1 && best[1].Score >= FuzzyThreshold && best[0].Score - best[1].Score < AmbiguityMargin)
        {
            return null;
        }

        var (index, term, isSynonym, score) = best[0];
        return new FoundChoice(choices[index].Value, index, score / 100.0, isSynonym ? term : null);
    }

    /// <summary>The best similarity between the term and any run of as many words in the answer.</summary>
    private static int BestWindowScore(string[] words, string term)
    {
        if (term.Length == 0)
        {
            return 0;
        }

        var termWords = TextNormalizer.Words(term).Length;
        var best = 0;
        for (var start = 0; start + termWords <= words.Length; start++)
        {
            var window = string.Join(' ', words, start, termWords);
            var score = window == term ? 100
                : term.Length < ShortestFuzzyTerm || window.Length < ShortestFuzzyTerm ? 0 // "no" must not become "mo"
                : Ratio(window, term);
            best = Math.Max(best, score);
        }

        return best;
    }

    private static readonly LongestCommonSubsequence Lcs = new();

    /// <summary>
    /// Similarity 0–100 by insertions and deletions (the classic fuzzy "ratio"): the LCS distance is exactly the
    /// number of characters to insert or delete, out of both strings' lengths. One fuzzy library serves the project.
    /// </summary>
    private static int Ratio(string a, string b) =>
        (int)Math.Round(100 * (1 - Lcs.Distance(a, b) / (a.Length + b.Length)));
}
