namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>A lexicon meaning found in a message, over words [First, End).</summary>
internal readonly record struct LexiconMatch(LexiconMeaning Meaning, int First, int End);

/// <summary>
/// Finds the phrases of some lexicon categories in a message's words in one pass: phrases are indexed by their first
/// word, so the cost grows with the message, not with the lexicon. Longest match wins at each position; matches do
/// not overlap. Words are read with spelling tolerance (<see cref="LexiconSpelling"/>), so every lexicon word
/// survives a one-letter typo.
/// </summary>
internal sealed class LexiconMatcher
{
    private readonly Dictionary<string, List<(PhrasePattern Phrase, LexiconMeaning Meaning)>> byFirstWord = new(StringComparer.Ordinal);
    private readonly List<(PhrasePattern Phrase, LexiconMeaning Meaning)> prefixed = [];

    // Phrases starting with a prefix or a number, by the first character a matching word has: only these are tried.
    private readonly Dictionary<char, List<(PhrasePattern Phrase, LexiconMeaning Meaning)>> prefixedByFirstCharacter = [];

    public LexiconMatcher(IEnumerable<LexiconMeaning> meanings)
    {
        foreach (var meaning in meanings)
        {
            foreach (var phrase in meaning.Phrases)
            {
                if (phrase.StartsWithPrefix)
                {
                    var first = phrase.PrefixFirstCharacters.ToList();
                    if (first.Count == 0)
                    {
                        prefixed.Add((phrase, meaning));
                    }

                    foreach (var character in first)
                    {
                        if (!prefixedByFirstCharacter.TryGetValue(character, out var byCharacter))
                        {
                            prefixedByFirstCharacter[character] = byCharacter = [];
                        }

                        byCharacter.Add((phrase, meaning));
                    }
                }

                foreach (var word in phrase.FirstWords)
                {
                    if (!byFirstWord.TryGetValue(word, out var list))
                    {
                        byFirstWord[word] = list = [];
                    }

                    list.Add((phrase, meaning));
                }
            }
        }
    }

    public List<LexiconMatch> FindAll(MessageTokens tokens)
    {
        // Misspelt lexicon words are read as the words meant; offsets are the message's own.
        tokens = tokens.Spelled;
        var matches = new List<LexiconMatch>();
        var i = 0;
        while (i < tokens.Count)
        {
            var best = default(LexiconMatch);
            var bestEnd = -1;
            if (byFirstWord.TryGetValue(tokens[i].Word, out var candidates))
            {
                Try(candidates);
            }

            if (prefixed.Count > 0)
            {
                Try(prefixed);
            }

            if (prefixedByFirstCharacter.TryGetValue(tokens[i].Word[0], out var startingSo))
            {
                Try(startingSo);
            }

            if (bestEnd > i)
            {
                matches.Add(best);
                i = bestEnd;
            }
            else
            {
                i++;
            }

            void Try(List<(PhrasePattern Phrase, LexiconMeaning Meaning)> list)
            {
                foreach (var (phrase, meaning) in list)
                {
                    var end = phrase.MatchAt(tokens, i);
                    if (end > bestEnd)
                    {
                        bestEnd = end;
                        best = new LexiconMatch(meaning, i, end);
                    }
                }
            }
        }

        return matches;
    }
}
