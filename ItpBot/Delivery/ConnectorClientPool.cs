using System.Collections.Concurrent;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Options;

namespace ItpBot.Delivery;

/// <summary>
/// One ConnectorClient per <see cref="ConnectorKey"/>, kept for the life of the host. A ConnectorClient carries its
/// own Newtonsoft settings and contract resolver; building one per reply rebuilds the resolver's reflection caches
/// on every reply (about 8 ms of CPU each), which is what made replies slow.
/// </summary>
public sealed class ConnectorClientPool(IHttpClientFactory httpClientFactory, IOptions<ReplyDeliveryOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<ConnectorKey, Lazy<Task<PooledConnectorClient>>> _clients = new();
    private long _clientsCreated;

    /// <summary>How many connector clients the pool has built since the host started.</summary>
    public long ClientsCreated => Interlocked.Read(ref _clientsCreated);

    /// <param name="key">What the credentials depend on.</param>
    /// <param name="createSdkClient">The SDK's own factory call: it resolves the credentials exactly as the SDK would.</param>
    internal async Task<IConnectorClient> GetAsync(ConnectorKey key, Func<Task<IConnectorClient>> createSdkClient)
    {
        if (!_clients.TryGetValue(key, out var entry))
        {
            if (_clients.Count >= options.Value.MaxCachedClients)
            {
                // Crude but bounded; in-flight turns keep their client, so nothing is released here.
                _clients.Clear();
            }

            entry = _clients.GetOrAdd(key, k => new Lazy<Task<PooledConnectorClient>>(() => BuildAsync(k, createSdkClient)));
        }

        try
        {
            return await entry.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed build must not stick: the next turn tries again.
            _clients.TryRemove(new KeyValuePair<ConnectorKey, Lazy<Task<PooledConnectorClient>>>(key, entry));
            throw;
        }
    }

    private async Task<PooledConnectorClient> BuildAsync(ConnectorKey key, Func<Task<IConnectorClient>> createSdkClient)
    {
        // Only the credentials are taken from the SDK's client; its HttpClient is replaced by the delivery one
        // (retries, failure logging), so the SDK client is disposed straight away.
        using var sdkClient = await createSdkClient().ConfigureAwait(false);
        var httpClient = httpClientFactory.CreateClient(ReplyDeliveryServiceCollectionExtensions.HttpClientName);
        ConnectorClient.AddDefaultRequestHeaders(httpClient);
        var client = new PooledConnectorClient(new Uri(key.ServiceUrl), sdkClient.Credentials, httpClient);
        Interlocked.Increment(ref _clientsCreated);
        return client;
    }

    public void Dispose()
    {
        foreach (var entry in _clients.Values)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
            {
                entry.Value.Result.Release();
            }
        }

        _clients.Clear();
    }
}
