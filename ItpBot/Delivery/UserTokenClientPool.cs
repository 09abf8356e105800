using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace ItpBot.Delivery;

/// <summary>
/// One UserTokenClient per bot identity. CloudAdapter asks for one on every turn, and building its OAuthClient
/// (user-agent reflection, a regex, a contended lock) cost more CPU than the rest of a simple turn.
/// </summary>
public sealed class UserTokenClientPool : IDisposable
{
    private readonly BuildOnceCache<BotIdentity, SharedUserTokenClient> _clients;

    public UserTokenClientPool(IOptions<ReplyDeliveryOptions> options)
    {
        _clients = new(() => options.Value.MaxCachedClients);
    }

    /// <summary>How many user-token clients the pool has built since the host started.</summary>
    public long ClientsCreated => _clients.Built;

    internal async Task<UserTokenClient> GetAsync(BotIdentity identity, Func<Task<UserTokenClient>> createSdkClient) =>
        await _clients.GetAsync(identity, async () => new SharedUserTokenClient(await createSdkClient().ConfigureAwait(false))).ConfigureAwait(false);

    public void Dispose()
    {
        foreach (var client in _clients.Drain())
        {
            client.Release();
        }
    }
}
