using System.Globalization;

namespace ItpBot.Storage;

/// <summary>
/// State documents in this process's memory: the default, for one instance and the Emulator. Bounded: beyond
/// <see cref="MaxDocuments"/> the document written longest ago is dropped, so a flood of new conversations cannot grow
/// the process without limit. Expired documents are removed by <see cref="StateSweeper"/>.
/// </summary>
public sealed class InMemoryDocumentStore(int maxDocuments = InMemoryDocumentStore.DefaultMaxDocuments, ILogger<InMemoryDocumentStore>? logger = null)
    : IStateDocumentStore, ISweepableDocumentStore
{
    public const int DefaultMaxDocuments = 100_000;

    private readonly Dictionary<string, (StateDocument Document, long Version)> _documents = new(StringComparer.Ordinal);

    // Writes in order; entries whose version is no longer current are skipped when evicting (and compacted away).
    private readonly Queue<(string Key, long Version)> _writeOrder = new();
    private readonly Lock _lock = new();
    private long _version;

    public int MaxDocuments { get; } = maxDocuments > 0 ? maxDocuments : throw new ArgumentOutOfRangeException(nameof(maxDocuments));

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _documents.Count;
            }
        }
    }

    public Task<StateDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_documents.TryGetValue(key, out var entry) ? entry.Document : null);
        }
    }

    public Task<string> WriteAsync(string key, string json, WriteCondition condition, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!condition.HoldsFor(_documents.TryGetValue(key, out var current) ? current.Document.ETag : null))
            {
                throw new StateConflictException(key);
            }

            var version = ++_version;
            var eTag = version.ToString(CultureInfo.InvariantCulture);
            _documents[key] = (new StateDocument(json, eTag), version);
            _writeOrder.Enqueue((key, version));
            EvictBeyondBound();
            return Task.FromResult(eTag);
        }
    }

    public Task DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (ifMatch is null || (_documents.TryGetValue(key, out var current) && current.Document.ETag == ifMatch))
            {
                _documents.Remove(key);
            }

            return Task.CompletedTask;
        }
    }

    public Task<int> SweepAsync(Func<string?, string, bool> isExpired, CancellationToken cancellationToken)
    {
        List<(string Key, StateDocument Document)> snapshot;
        lock (_lock)
        {
            snapshot = _documents.Select(d => (d.Key, d.Value.Document)).ToList();
        }

        var expired = snapshot.Where(d => isExpired(d.Key, d.Document.Json)).ToList();
        var deleted = 0;
        lock (_lock)
        {
            foreach (var (key, document) in expired)
            {
                // Only the version that was judged: one written since is kept.
                if (_documents.TryGetValue(key, out var current) && current.Document.ETag == document.ETag && _documents.Remove(key))
                {
                    deleted++;
                }
            }
        }

        return Task.FromResult(deleted);
    }

    private void EvictBeyondBound()
    {
        var evicted = 0;
        while (_documents.Count > MaxDocuments && _writeOrder.TryDequeue(out var oldest))
        {
            if (_documents.TryGetValue(oldest.Key, out var current) && current.Version == oldest.Version)
            {
                _documents.Remove(oldest.Key);
                evicted++;
            }
        }

        if (_writeOrder.Count > 2 * MaxDocuments + 1024)
        {
            var live = _documents.OrderBy(d => d.Value.Version).Select(d => (d.Key, d.Value.Version)).ToList();
            _writeOrder.Clear();
            foreach (var entry in live)
            {
                _writeOrder.Enqueue(entry);
            }
        }

        if (evicted > 0)
        {
            logger?.LogWarning("The in-memory state store is full ({Max} documents): dropped the {Count} written longest ago", MaxDocuments, evicted);
        }
    }
}
