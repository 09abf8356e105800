using System.Collections.Concurrent;

namespace ItpBot.Delivery;

/// <summary>
/// Builds each value once, even when many turns ask for it at the same moment; a failed build is forgotten so the
/// next caller retries. Bounded: the keys come from inbound activities.
/// </summary>
internal sealed class BuildOnceCache<TKey, TValue>(Func<int> capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _entries = new();
    private long _built;

    public long Built => Interlocked.Read(ref _built);

    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> build)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            if (_entries.Count >= capacity())
            {
                // Crude but bounded. Turns in flight keep the value they hold; dropped values are left to the GC.
                _entries.Clear();
            }

            entry = _entries.GetOrAdd(key, _ => new Lazy<Task<TValue>>(async () =>
            {
                var value = await build().ConfigureAwait(false);
                Interlocked.Increment(ref _built);
                return value;
            }));
        }

        try
        {
            return await entry.Value.ConfigureAwait(false);
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<TKey, Lazy<Task<TValue>>>(key, entry));
            throw;
        }
    }

    /// <summary>Empties the cache and returns what had been built.</summary>
    public IReadOnlyList<TValue> Drain()
    {
        var built = _entries.Values
            .Where(e => e.IsValueCreated && e.Value.IsCompletedSuccessfully)
            .Select(e => e.Value.Result)
            .ToList();
        _entries.Clear();
        return built;
    }
}
