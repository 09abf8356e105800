using System.Globalization;

namespace ItpBot.Storage;

/// <summary>State documents in this process's memory: the default, for one instance and the Emulator.</summary>
public sealed class InMemoryDocumentStore : IStateDocumentStore
{
    private readonly Dictionary<string, StateDocument> _documents = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _version;

    public Task<StateDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_documents.GetValueOrDefault(key));
        }
    }

    public Task<string> WriteAsync(string key, string json, WriteCondition condition, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!condition.HoldsFor(_documents.GetValueOrDefault(key)?.ETag))
            {
                throw new StateConflictException(key);
            }

            var eTag = (++_version).ToString(CultureInfo.InvariantCulture);
            _documents[key] = new StateDocument(json, eTag);
            return Task.FromResult(eTag);
        }
    }

    public Task DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (ifMatch is null || _documents.GetValueOrDefault(key)?.ETag == ifMatch)
            {
                _documents.Remove(key);
            }

            return Task.CompletedTask;
        }
    }
}
