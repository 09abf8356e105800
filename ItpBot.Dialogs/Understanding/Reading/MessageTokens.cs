using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>One word of a normalised message, with its offsets, its clause and whether a comma comes before it.</summary>
internal readonly record struct MessageToken(string Word, int Start, int End, int Clause, bool CommaBefore);

/// <summary>
/// The words of a normalised message, grouped into clauses (sentences, lines, "but", "however", a label's colon), so
/// that phrases and context scopes never reach across them. Capped: words past the cap are not read.
/// </summary>
internal sealed partial class MessageTokens
{
    private readonly List<MessageToken> tokens;

    private readonly HashSet<int> questions;

    // The same words with misspelt lexicon words restored, worked out once per message (see LexiconSpelling).
    private MessageTokens? spelled;

    private MessageTokens(string text, List<MessageToken> tokens, bool truncated, HashSet<int> questions)
    {
        Text = text;
        this.tokens = tokens;
        Truncated = truncated;
        this.questions = questions;
    }

    /// <summary>The clause ends with a question mark.</summary>
    public bool IsQuestion(int clause) => questions.Contains(clause);

    public string Text { get; }

    public int Count => tokens.Count;

    /// <summary>The message had more words than the cap.</summary>
    public bool Truncated { get; }

    public MessageToken this[int index] => tokens[index];

    /// <summary>
    /// These words with each misspelt lexicon word read as the word meant ("splenectmy" as "splenectomy"), at the
    /// same offsets; this instance itself when nothing is misspelt (the usual case, which allocates nothing).
    /// </summary>
    public MessageTokens Spelled => spelled ??= Respell(LexiconSpelling.Default);

    internal MessageTokens Respell(LexiconSpelling spelling)
    {
        List<MessageToken>? respelled = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (spelling.Correct(tokens[i].Word) is { } meant)
            {
                respelled ??= [.. tokens];
                respelled[i] = tokens[i] with { Word = meant };
            }
        }

        if (respelled is null)
        {
            return this;
        }

        var copy = new MessageTokens(Text, respelled, Truncated, questions);
        copy.spelled = copy;
        return copy;
    }

    public bool SameClause(int a, int b) => tokens[a].Clause == tokens[b].Clause;

    public static MessageTokens Read(string normalized, int maxWords)
    {
        var list = new List<MessageToken>();
        var clause = 0;
        var comma = false;
        var truncated = false;
        var questions = new HashSet<int>();
        // Enumerated as values: a Match object per word would cost more than the words themselves.
        foreach (var match in Token().EnumerateMatches(normalized))
        {
            if (match.Length == 1 && !char.IsLetterOrDigit(normalized[match.Index]))
            {
                var value = normalized[match.Index];
                // A hyphen inside a word joins a compound ("seizure-free", "one-sided"): no pause between its parts.
                if (value == '-' && InsideWord(normalized, match.Index))
                {
                    continue;
                }

                if (value is ',' or '(' or ')' or '/' or '-' or ':')
                {
                    comma = true;
                }
                else if (!(value == '.' && IsDecimalPoint(normalized, match.Index)))
                {
                    if (value == '?')
                    {
                        questions.Add(clause);
                    }

                    clause++;
                    comma = false;
                }

                continue;
            }

            var word = normalized.Substring(match.Index, match.Length);
            if (word is "but" or "however" or "although" or "though" or "whereas")
            {
                clause++;
                comma = false;
            }

            if (list.Count == maxWords)
            {
                truncated = true;
                break;
            }

            list.Add(new MessageToken(word, match.Index, match.Index + match.Length, clause, comma));
            comma = false;
        }

        return new MessageTokens(normalized, list, truncated, questions);
    }

    /// <summary>Each clause's words, as [first, end) word ranges, in order.</summary>
    public IEnumerable<(int Clause, int First, int End)> Clauses()
    {
        var first = 0;
        for (var i = 1; i <= tokens.Count; i++)
        {
            if (i == tokens.Count || tokens[i].Clause != tokens[first].Clause)
            {
                yield return (tokens[first].Clause, first, i);
                first = i;
            }
        }
    }

    /// <summary>The text from word <paramref name="first"/> up to (not including) word <paramref name="end"/>.</summary>
    public string Span(int first, int end) => end <= first ? string.Empty : Text[tokens[first].Start..tokens[end - 1].End];

    private static bool IsDecimalPoint(string text, int index) =>
        index > 0 && index + 1 < text.Length && char.IsDigit(text[index - 1]) && char.IsDigit(text[index + 1]);

    private static bool InsideWord(string text, int at) =>
        at > 0 && at + 1 < text.Length && char.IsLetter(text[at - 1]) && char.IsLetter(text[at + 1]);

    [GeneratedRegex(@"[\p{L}\p{N}µ]+(?:'[\p{L}]+)?(?:\.\d+)?|[.,;:!?()/\n-]", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
