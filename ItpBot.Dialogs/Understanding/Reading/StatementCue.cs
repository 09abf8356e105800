namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Whether a message says something in words ("i'm a bloke if that matters", "healthy otherwise", "since May 2024",
/// "the neighbour's kid had the same thing") rather than nothing a reader could take ("asdfgh", "hmm", "?"): a word
/// the lexicon or the English word list knows that is not a filler or a courtesy, or a number. By the corpus's
/// labelling convention such a message is a statement of facts even when it fills no field: an everyday statement
/// about the patient is acknowledged, never called not understood. Only keyboard noise and fillers are unclear.
/// </summary>
internal sealed class StatementCue
{
    private readonly HashSet<string> words;
    private readonly HashSet<string> fillers;

    public StatementCue(ReadingLexicon lexicon)
        : this(lexicon, LexiconSpelling.EnglishWords())
    {
    }

    internal StatementCue(ReadingLexicon lexicon, IEnumerable<string> englishWords)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        words = LexiconWords.ReadWords(lexicon).SelectMany(m => m.Phrases).SelectMany(p => p.LiteralWords).ToHashSet(StringComparer.Ordinal);
        words.UnionWith(englishWords);
        fillers = lexicon.Category("filler")
            .Concat(lexicon.Category("yesno").Where(m => m.Meaning == YesNoMeanings.Courtesy))
            .SelectMany(m => m.Phrases).SelectMany(p => p.LiteralWords)
            .ToHashSet(StringComparer.Ordinal);
    }

    public bool IsIn(MessageTokens tokens)
    {
        var spelled = tokens.Spelled;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Says(tokens[i].Word) || Says(spelled[i].Word))
            {
                return true;
            }
        }

        return false;
    }

    // "neighbour's", "she's": the word before the apostrophe is the one a list knows.
    private bool Says(string word)
    {
        if (word.Any(char.IsDigit))
        {
            return true;
        }

        var stem = word.IndexOf('\'', StringComparison.Ordinal) is var apostrophe and > 0 ? word[..apostrophe] : word;
        return !fillers.Contains(word) && !fillers.Contains(stem) && (words.Contains(word) || words.Contains(stem));
    }
}
