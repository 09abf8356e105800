using System.Collections.Concurrent;
using Microsoft.Bot.Builder;

namespace ItpBot.LoadTest;

/// <summary>The host's IStorage, remembering which keys were written so state can be read back per conversation.</summary>
public sealed class KeyRecordingStorage(IStorage inner) : IStorage
{
    private readonly ConcurrentDictionary<string, byte> _keys = new();

    public IEnumerable<string> Keys => _keys.Keys;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(keys, cancellationToken);

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        foreach (var key in changes.Keys)
        {
            _keys.TryAdd(key, 0);
        }

        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
}
