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
    public IReadOnlyList<TherapyMention> FindAll(string? text)
    {
        var normalized = UnderstandingText.Normalize(text);
        var words = UnderstandingText.Words(normalized);
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
        for (var count = Math.Min(longestName, words.Count - index); count >= 1; count--)
        {
            var key = string.Join(' ', Enumerable.Range(index, count).Select(k => words[k].Word));
            if (names.TryGetValue(key, out var entry) || TryPlural(key, out entry))
            {
                return (Mention(normalized, words, index, count, entry, fuzzy: false), count);
            }
        }

        return FuzzyEntry(words[index].Word) is { } fuzzy
            ? (Mention(normalized, words, index, 1, fuzzy, fuzzy: true), 1)
            : null;
    }

    private bool TryPlural(string key, out Entry entry)
    {
        entry = default;
        return key.Length > 3 && key.EndsWith('s') && names.TryGetValue(key[..^1], out entry);
    }

    private Entry? FuzzyEntry(string word)
    {
        if (word.Length < MinFuzzyLength || CommonWords.Contains(word) || !word.All(char.IsLetter))
        {
            return null;
        }

        var allowed = word.Length >= 8 ? 2 : 1;
        var candidates = fuzzyNames
            .Where(n => n.Name[0] == word[0] && Math.Abs(n.Name.Length - word.Length) <= allowed)
            .Select(n => (n.Entry, Distance: Distance.Distance(word, n.Name)))
            .Where(c => c.Distance <= allowed)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var nearest = candidates.Min(c => c.Distance);
        var best = candidates
            .Where(c => c.Distance == nearest)
            .Select(c => c.Entry)
            .DistinctBy(e => string.Join(',', e.TherapyIds))
            .ToList();

        // Equally close to two therapies: a guess, so no match.
        return best.Count == 1 ? best[0] : null;
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
