using ItpBot.Knowledge.Content;

namespace ItpBot.Knowledge.Reasoning;

/// <summary>A current drug as written, and what the content knows of it (a drug of the table, an ITP therapy, or nothing).</summary>
internal sealed record CurrentDrug(string Written, KnownDrug? Drug, string? TherapyId)
{
    public bool Recognised => Drug is not null || TherapyId is not null;
    public bool Is(string drugClass) => Drug?.Classes.Contains(drugClass) == true;
}

/// <summary>
/// Reads <c>currentDrugs</c> against the content: the interactions table's drugs (names, brands) and the therapies'
/// names and synonyms. Built once; matching is by whole name, case-insensitive.
/// </summary>
internal sealed class DrugCatalogue
{
    private readonly Dictionary<string, KnownDrug> _drugs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _therapies = new(StringComparer.OrdinalIgnoreCase);

    public DrugCatalogue(KnowledgeBase kb)
    {
        foreach (var d in kb.Reasoning.Drugs)
        {
            _drugs[d.Name] = d;
            foreach (var s in d.Synonyms) _drugs[s] = d;
        }
        foreach (var t in kb.TherapyCatalog)
        {
            _therapies.TryAdd(t.Id, t.Id);
            _therapies.TryAdd(t.Name, t.Id);
            foreach (var s in t.Synonyms) _therapies.TryAdd(s, t.Id);
        }
    }

    public CurrentDrug Read(string written)
    {
        var name = written.Trim();
        if (_drugs.TryGetValue(name, out var drug)) return new CurrentDrug(name, drug, null);
        if (_therapies.TryGetValue(name, out var therapy)) return new CurrentDrug(name, null, therapy);
        // "prednisolone 10 mg", "apixaban 5mg bd": the name before the dose.
        var first = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (first.Length > 1)
        {
            if (_drugs.TryGetValue(first[0], out drug)) return new CurrentDrug(name, drug, null);
            if (_therapies.TryGetValue(first[0], out therapy)) return new CurrentDrug(name, null, therapy);
        }
        return new CurrentDrug(name, null, null);
    }

    /// <summary>Whether any known drug name or synonym appears in a free text (a prior treatment's note).</summary>
    public IEnumerable<KnownDrug> Mentioned(string text)
    {
        foreach (var (name, drug) in _drugs)
            if (TextMatch.HasWordStart(text, name)) yield return drug;
    }
}

/// <summary>Word-start matching for content word lists (question words, note words).</summary>
internal static class TextMatch
{
    public static bool HasWordStart(string text, string word)
    {
        var start = 0;
        while (true)
        {
            var i = text.IndexOf(word, start, StringComparison.OrdinalIgnoreCase);
            if (i < 0) return false;
            if (i == 0 || !char.IsLetterOrDigit(text[i - 1])) return true;
            start = i + 1;
        }
    }

    public static bool Any(string text, IEnumerable<string> words)
    {
        foreach (var w in words) if (HasWordStart(text, w)) return true;
        return false;
    }
}
