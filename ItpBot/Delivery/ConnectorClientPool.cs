using Microsoft.Bot.Connector;
using Microsoft.Extensions.Options;

namespace ItpBot.Delivery;

/// <summary>
/// One ConnectorClient per <see cref="ConnectorKey"/>, kept for the life of the host. A ConnectorClient carries its
/// own Newtonsoft settings and contract resolver; building one per reply rebuilds the resolver's reflection caches
/// on every reply (about 8 ms of CPU each), which is what made replies slow.
/// </summary>
public sealed class ConnectorClientPool : IDisposable
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly BuildOnceCache<ConnectorKey, PooledConnectorClient> _clients;

    public ConnectorClientPool(IHttpClientFactory httpClientFactory, IOptions<ReplyDeliveryOptions> options)
    {
        _httpClientFactory = httpClientFactory;
        _clients = new(() => options.Value.MaxCachedClients);
    }

    /// <summary>How many connector clients the pool has built since the host started.</summary>
    public long ClientsCreated => _clients.Built;

    /// <param name="key">What the credentials depend on.</param>
    /// <param name="createSdkClient">The SDK's own factory call: it resolves the credentials exactly as the SDK would.</param>
    internal async Task<IConnectorClient> GetAsync(ConnectorKey key, Func<Task<IConnectorClient>> createSdkClient) =>
        await _clients.GetAsync(key, () => BuildAsync(key, createSdkClient)).ConfigureAwait(false);

    private async Task<PooledConnectorClient> BuildAsync(ConnectorKey key, Func<Task<IConnectorClient>> createSdkClient)
    {
        // Only the credentials are taken from the SDK's client; its HttpClient is replaced by the delivery one
        // (retries, failure logging), so the SDK client is disposed straight away.
        using var sdkClient = await createSdkClient().ConfigureAwait(false);
        var httpClient = _httpClientFactory.CreateClient(ReplyDeliveryServiceCollectionExtensions.HttpClientName);
        ConnectorClient.AddDefaultRequestHeaders(httpClient);
        return new PooledConnectorClient(new Uri(key.ServiceUrl), sdkClient.Credentials, httpClient);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Drain())
        {
            client.Release();
        }
    }
}
