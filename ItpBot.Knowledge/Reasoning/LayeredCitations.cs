using System.Collections;

namespace ItpBot.Knowledge.Reasoning;

/// <summary>
/// An option's text → references map: the therapy's map, prepared once at start-up and shared, with the few texts this
/// assessment adds (the rules' reasons and cautions, the dose) over it. Copying the shared map into a new dictionary
/// for every option was most of what an assessment allocated.
/// </summary>
internal sealed class LayeredCitations(
    IReadOnlyDictionary<string, IReadOnlyList<string>> shared,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> own) : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    private List<KeyValuePair<string, IReadOnlyList<string>>>? _merged;

    public bool TryGetValue(string key, out IReadOnlyList<string> value)
    {
        // The latest of the own texts wins, as a later assignment would in a dictionary.
        for (var i = own.Count - 1; i >= 0; i--)
        {
            if (string.Equals(own[i].Key, key, StringComparison.Ordinal))
            {
                value = own[i].Value;
                return true;
            }
        }

        return shared.TryGetValue(key, out value!);
    }

    public IReadOnlyList<string> this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No citations for the text '{key}'.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public int Count => Merged.Count;

    public IEnumerable<string> Keys => Merged.Select(e => e.Key);

    public IEnumerable<IReadOnlyList<string>> Values => Merged.Select(e => e.Value);

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() => Merged.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Only built if someone enumerates or counts (replies look texts up).
    private List<KeyValuePair<string, IReadOnlyList<string>>> Merged => _merged ??= Merge();

    private List<KeyValuePair<string, IReadOnlyList<string>>> Merge()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var merged = new List<KeyValuePair<string, IReadOnlyList<string>>>(own.Count + shared.Count);
        for (var i = own.Count - 1; i >= 0; i--)
        {
            if (seen.Add(own[i].Key))
            {
                merged.Add(own[i]);
            }
        }

        merged.AddRange(shared.Where(e => !seen.Contains(e.Key)));
        return merged;
    }
}
