using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// The phrases of one lexicon category whose meanings are contract codes ("comorbidity" -> liver-disease), found in a
/// normalised message with their character offsets, so the negation grammar can judge each one. The words live in the
/// lexicon; this keeps only the lookup. Longest phrase wins at each word and matches never overlap ("portal
/// hypertension" is liver disease, never also hypertension).
/// </summary>
internal sealed class LexiconPhrases<T>
    where T : struct, Enum
{
    private readonly LexiconMatcher matcher;

    public LexiconPhrases(ReadingLexicon lexicon, string category)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var meanings = lexicon.Category(category);
        if (meanings.Count == 0)
        {
            throw new LexiconException([$"the lexicon has no '{category}' phrases"]);
        }

        matcher = new LexiconMatcher(meanings);
    }

    public List<PhraseMatch<T>> FindAll(string normalized)
    {
        var tokens = LexiconTokens.Of(normalized);
        var found = new List<PhraseMatch<T>>();
        foreach (var match in matcher.FindAll(tokens))
        {
            // Start-up validation has checked that every meaning of the category is a contract code.
            var value = ContractCodes<T>.ByName[match.Meaning.Meaning];
            var start = tokens[match.First].Start;
            var end = tokens[match.End - 1].End;
            found.Add(new PhraseMatch<T>(value, start, end - start, normalized[start..end]));
        }

        return found;
    }
}

/// <summary>
/// A message's words for the lexicon's phrase lookups. A case summary is handed to several recognisers in turn with
/// the same text, so the last text read on this thread is kept and its words are not read again.
/// </summary>
internal static class LexiconTokens
{
    private const int MaxWords = 1500;

    [ThreadStatic]
    private static MessageTokens? last;

    /// <summary>Words the message reader has read already, kept for the lookups that follow on this thread.</summary>
    public static void Share(MessageTokens tokens, int maxWords)
    {
        if (maxWords == MaxWords)
        {
            last = tokens;
        }
    }

    public static MessageTokens Of(string normalized)
    {
        var cached = last;
        if (cached is not null && string.Equals(cached.Text, normalized, StringComparison.Ordinal))
        {
            return cached;
        }

        var tokens = MessageTokens.Read(normalized, MaxWords);
        last = tokens;
        return tokens;
    }
}
