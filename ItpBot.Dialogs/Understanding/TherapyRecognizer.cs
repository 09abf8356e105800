using F23.StringSimilarity;
using ItpBot.Knowledge.Questions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// Finds therapies in text by every name the knowledge content gives them (brands, abbreviations, spellings),
/// tolerating small typos in longer names. Built once per lexicon; safe to share between threads.
/// </summary>
public sealed class TherapyRecognizer
{
    // Typos are only forgiven in words this long: short words are too often English ("dose", "and").
    private const int MinFuzzyLength = 5;

    private static readonly OptimalStringAlignment Distance = new();

    private readonly Dictionary<string, Entry> names = new(StringComparer.Ordinal);
    private readonly List<(string Name, Entry Entry)> fuzzyNames = [];
    private readonly int longestName;

    public TherapyRecognizer(ITherapyLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        foreach (var therapy in lexicon.Therapies)
        {
            foreach (var name in therapy.Synonyms.Prepend(therapy.Name).Append(therapy.TherapyId))
            {
                AddName(name, therapy.TherapyId);
            }
        }

        // A class name beats any one therapy that happens to use it as a synonym: it must not be guessed.
        foreach (var therapyClass in TherapyClasses.All)
        {
            foreach (var name in therapyClass.Names)
            {
                names[Key(name)] = new Entry(therapyClass.TherapyIds, therapyClass.Name);
            }
        }

        foreach (var (name, entry) in names)
        {
            longestName = Math.Max(longestName, name.Count(c => c == ' ') + 1);
            if (!name.Contains(' ', StringComparison.Ordinal) && name.Length >= MinFuzzyLength && entry.ClassName is null)
            {
                fuzzyNames.Add((name, entry));
            }
        }
    }

    /// <summary>Every therapy or class named, in order.</summary>
    public IReadOnlyList<TherapyMention> FindAll(string? text) => FindAll(Reading.MessageText.Of(text));

    /// <summary>As <see cref="FindAll(string?)"/>, from the message's words already read.</summary>
    internal IReadOnlyList<TherapyMention> FindAll(Reading.MessageText text)
    {
        var normalized = text.Normalized;
        var words = text.Words;
        var mentions = new List<TherapyMention>();
        for (var i = 0; i < words.Count;)
        {
            var found = FindAt(normalized, words, i);
            if (found is null)
            {
                i++;
                continue;
            }

            mentions.Add(found.Value.Mention);
            i += found.Value.WordCount;
        }

        return mentions;
    }

    /// <summary>The one therapy (or class) an answer names; null when it names none or several.</summary>
    public TherapyMention? RecognizeOne(string? text)
    {
        var mentions = FindAll(text);
        return mentions.Select(m => string.Join(",", m.TherapyIds)).Distinct().Count() == 1 ? mentions[0] : null;
    }

    private (TherapyMention Mention, int WordCount)? FindAt(string normalized, IReadOnlyList<(string Word, int Start)> words, int index)
    {
        // Every message is searched word by word for names of up to longestName words: the candidate keys are built
        // in one buffer and looked up as spans, not as a new string per candidate.
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[256];
        for (var count = Math.Min(longestName, words.Count - index); count >= 1; count--)
        {
            if (JoinWords(words, index, count, buffer) is not (> 0 and var length))
            {
                continue;
            }

            var key = buffer[..length];
            if (lookup.TryGetValue(key, out var entry)
                || (key.Length > 3 && key[^1] == 's' && lookup.TryGetValue(key[..^1], out entry)))
            {
                return (Mention(normalized, words, index, count, entry, fuzzy: false), count);
            }
        }

        return FuzzyEntry(words[index].Word) is { } fuzzy
            ? (Mention(normalized, words, index, 1, fuzzy, fuzzy: true), 1)
            : null;
    }

    /// <summary>Words index..index+count joined by single spaces into <paramref name="buffer"/>; 0 if they do not fit.</summary>
    private static int JoinWords(IReadOnlyList<(string Word, int Start)> words, int index, int count, Span<char> buffer)
    {
        var length = 0;
        for (var k = index; k < index + count; k++)
        {
            var word = words[k].Word;
            var needed = word.Length + (k > index ? 1 : 0);
            if (length + needed > buffer.Length)
            {
                return 0;
            }

            if (k > index)
            {
                buffer[length++] = ' ';
            }

            word.CopyTo(buffer[length..]);
            length += word.Length;
        }

        return length;
    }

    private Entry? FuzzyEntry(string word)
    {
        if (word.Length < MinFuzzyLength || CommonWords.Contains(word) || !word.All(char.IsLetter))
        {
            return null;
        }

        var allowed = word.Length >= 8 ? 2 : 1;

        // Every longer word of every message comes here: one pass, no allocation unless a name is near.
        Entry? best = null;
        var nearest = int.MaxValue;
        var ambiguous = false;
        foreach (var (name, entry) in fuzzyNames)
        {
            if (name[0] != word[0] || Math.Abs(name.Length - word.Length) > allowed)
            {
                continue;
            }

            var distance = (int)Distance.Distance(word, name);
            if (distance > allowed || distance > nearest)
            {
                continue;
            }

            if (distance < nearest)
            {
                (best, nearest, ambiguous) = (entry, distance, false);
            }
            else if (!best!.Value.TherapyIds.SequenceEqual(entry.TherapyIds))
            {
                ambiguous = true;
            }
        }

        // Equally close to two therapies: a guess, so no match.
        return ambiguous ? null : best;
    }

    private static TherapyMention Mention(
        string normalized, IReadOnlyList<(string Word, int Start)> words, int index, int count, Entry entry, bool fuzzy)
    {
        var start = words[index].Start;
        var last = words[index + count - 1];
        var length = last.Start + last.Word.Length - start;
        return new TherapyMention(normalized.Substring(start, length), start, length, entry.TherapyIds, entry.ClassName, fuzzy);
    }

    private void AddName(string name, string therapyId)
    {
        var key = Key(name);
        if (key.Length == 0)
        {
            return;
        }

        if (names.TryGetValue(key, out var existing) && !existing.TherapyIds.Contains(therapyId))
        {
            // Two therapies share the name: it stays ambiguous rather than picking one.
            names[key] = new Entry([.. existing.TherapyIds, therapyId], existing.ClassName);
            return;
        }

        names[key] = new Entry([therapyId], null);
    }

    private static string Key(string name) =>
        string.Join(' ', UnderstandingText.Words(UnderstandingText.Normalize(name)).Select(w => w.Word));

    private readonly record struct Entry(IReadOnlyList<string> TherapyIds, string? ClassName);

    // Words a clinician writes next to drug names that must never be read as one, however close they look.
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "about", "above", "after", "again", "against", "allergic", "already", "also", "although", "among", "anaemia",
        "anemia", "another", "around", "because", "before", "being", "below", "between", "bleed", "bleeding",
        "blood", "bruise", "bruises", "bruising", "chronic", "clinic", "could", "count", "counts", "course", "cycle",
        "cycles", "daily", "danger", "dapper", "doses", "dosing", "during", "early", "either", "every", "failed",
        "failing", "failure", "female", "first", "given", "hospital", "initial", "later", "level", "levels",
        "likely", "maintenance", "male", "months", "never", "nothing", "other", "patient", "patients", "period",
        "persistent", "platelet", "platelets", "please", "pregnant", "previous", "prior", "rather", "really",
        "refractory", "relapse", "relapsed", "relapsing", "remission", "respond", "responded", "response",
        "responses", "second", "since", "started", "steady", "still", "stopped", "taking", "their", "there",
        "these", "third", "those", "three", "tolerate", "tolerated", "treated", "treatment", "treatments",
        "tried", "twice", "under", "until", "using", "weeks", "weekly", "where", "which", "while", "women",
        "worked", "working", "would", "years", "yesterday",
    };
}
