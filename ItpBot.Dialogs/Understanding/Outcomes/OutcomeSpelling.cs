using System.Text;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Dialogs.Understanding.Outcomes;

/// <summary>
/// The outcome grammar is written as expressions over exact words, so a typed outcome word ("relasped", "no responce",
/// "intolarant", "respnded") would slip past it. Before the grammar reads a text, each word one typo from a word of the
/// outcome vocabulary (every word of Lexicon/outcomes.yaml and outcome-frames.yaml) is restored by the lexicon's own
/// spelling tolerance (<see cref="LexiconSpelling"/>: a real word is never changed, a typo near two words is left).
/// </summary>
internal static class OutcomeSpelling
{
    private static readonly HashSet<string> Vocabulary = ReadingLexicon.Default.Category("outcome")
        .Concat(ReadingLexicon.Default.Category("outcome-frame"))
        .SelectMany(m => m.Phrases)
        .SelectMany(p => p.LiteralWords)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The text with misspelt outcome words restored; the same instance when none is misspelt.</summary>
    public static string Respell(string normalized, IReadOnlyList<(string Word, int Start)> words)
    {
        StringBuilder? builder = null;
        var copied = 0;
        foreach (var (word, start) in words)
        {
            if (word.Length < LexiconSpelling.MinWordLength - 1 || Vocabulary.Contains(word)
                || LexiconSpelling.Default.Correct(word) is not { } meant || !Vocabulary.Contains(meant) || meant.Contains('\''))
            {
                continue;
            }

            builder ??= new StringBuilder(normalized.Length + 8);
            builder.Append(normalized, copied, start - copied).Append(meant);
            copied = start + word.Length;
        }

        return builder is null ? normalized : builder.Append(normalized, copied, normalized.Length - copied).ToString();
    }
}
