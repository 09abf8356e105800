using System.Reflection;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Spelling tolerance for every lexicon word ("splenectmy", "pregnent", "haemorhage"): a typed word one edit (a letter
/// missing, extra or wrong, or two letters swapped) from exactly one lexicon word is read as that word. The lookup is a
/// deletion index (the SymSpell idea): each lexicon word and each of its one-letter deletions point to the word, so a
/// typed word is checked with a handful of hash lookups, whatever the lexicon's size.
/// Guarded so that it cannot make a fact up: only lexicon words of <see cref="MinWordLength"/> letters or more are
/// targets; a typed word that is itself a word (the lexicon's, or an English word) is never changed; numbers and words
/// with digits never are; and a typed word near two lexicon words (a context trigger and another word alike) is left
/// as written.
/// </summary>
internal sealed class LexiconSpelling
{
    /// <summary>Lexicon words shorter than this are never the target of a correction: short words are too alike.</summary>
    public const int MinWordLength = 6;

    // A typed word one letter short of a six-letter word is five letters long.
    private const int MinTypedLength = MinWordLength - 1;

    private const string EnglishResource = "ItpBot.Dialogs.Understanding.Spelling.english-words.txt";

    private static readonly Lazy<LexiconSpelling> Shipped = new(() => new LexiconSpelling(LexiconWords.ReadWords(ReadingLexicon.Default), EnglishWords()));

    // Each lexicon word and each of its one-letter deletions -> the lexicon words it comes from.
    private readonly Dictionary<string, string[]> index = new(StringComparer.Ordinal);

    // Every word of the lexicon, and the English words that are one edit from one of them: never corrected.
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    internal LexiconSpelling(IEnumerable<LexiconMeaning> meanings, IEnumerable<string> englishWords)
    {
        var words = meanings.SelectMany(m => m.Phrases).SelectMany(p => p.LiteralWords).ToHashSet(StringComparer.Ordinal);
        known.UnionWith(words);
        var keys = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var word in words.Where(w => w.Length >= MinWordLength && w.All(char.IsLetter)))
        {
            Add(keys, word, word);
            for (var i = 0; i < word.Length; i++)
            {
                Add(keys, word.Remove(i, 1), word);
            }
        }

        foreach (var (key, targets) in keys)
        {
            index[key] = [.. targets.Order(StringComparer.Ordinal)];
        }

        // Only the English words a typo could be mistaken for matter: the rest are never near a lexicon word.
        known.UnionWith(englishWords.Where(w => !known.Contains(w) && Candidate(w) is not null));
    }

    /// <summary>The shipped lexicon's spelling, with the shipped English word list.</summary>
    public static LexiconSpelling Default => Shipped.Value;

    /// <summary>
    /// The lexicon word a typed word stands for, or null when it is a word, is not near one, or is near two; a contraction
    /// typed without its apostrophe is read as the contraction (<see cref="Contractions"/>).
    /// </summary>
    public string? Correct(string typed) =>
        Contractions.Restore(typed)
        ?? (typed.Length < MinTypedLength || known.Contains(typed) || !IsLetters(typed) ? null : Candidate(typed));

    private string? Candidate(string typed)
    {
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        string? found = null;
        if (lookup.TryGetValue(typed, out var targets) && !Consider(targets, typed, ref found))
        {
            return null;
        }

        Span<char> buffer = stackalloc char[64];
        if (typed.Length > buffer.Length)
        {
            return null;
        }

        for (var i = 0; i < typed.Length; i++)
        {
            typed.AsSpan(0, i).CopyTo(buffer);
            typed.AsSpan(i + 1).CopyTo(buffer[i..]);
            if (lookup.TryGetValue(buffer[..(typed.Length - 1)], out targets) && !Consider(targets, typed, ref found))
            {
                return null;
            }
        }

        return found;
    }

    // False when a second, different word is one edit away too: then the typed word is not read as either.
    private static bool Consider(string[] targets, string typed, ref string? found)
    {
        foreach (var target in targets)
        {
            if (target == found || !OneEditApart(typed, target))
            {
                continue;
            }

            if (found is not null)
            {
                return false;
            }

            found = target;
        }

        return true;
    }

    /// <summary>One insertion, deletion, substitution or swap of two neighbouring letters apart (not equal).</summary>
    internal static bool OneEditApart(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a.SequenceEqual(b))
        {
            return false;
        }

        var prefix = a.CommonPrefixLength(b);
        if (a.Length == b.Length)
        {
            var restA = a[(prefix + 1)..];
            var restB = b[(prefix + 1)..];
            return restA.SequenceEqual(restB)
                || (prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix] && a[(prefix + 2)..].SequenceEqual(b[(prefix + 2)..]));
        }

        return a.Length > b.Length
            ? a[(prefix + 1)..].SequenceEqual(b[prefix..])
            : b[(prefix + 1)..].SequenceEqual(a[prefix..]);
    }

    private static bool IsLetters(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(Dictionary<string, HashSet<string>> keys, string key, string word)
    {
        if (!keys.TryGetValue(key, out var set))
        {
            keys[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(word);
    }

    internal static IEnumerable<string> EnglishWords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(EnglishResource)
            ?? throw new InvalidOperationException($"The English word list '{EnglishResource}' is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim());
            }
        }

        return words;
    }
}
