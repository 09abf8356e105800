using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ItpBot.Delivery;

/// <summary>
/// The SDK's BotFrameworkAuthentication with two changes: the connector factories it hands to the adapter draw from
/// the <see cref="ConnectorClientPool"/>, and user-token clients come from the <see cref="UserTokenClientPool"/>.
/// Inbound validation, credentials and tokens stay the SDK's.
/// </summary>
internal sealed class PooledBotFrameworkAuthentication(BotFrameworkAuthentication sdk, ConnectorClientPool pool, UserTokenClientPool userTokenClients)
    : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Pooled(await sdk.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Pooled(await sdk.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new PooledConnectorFactory(sdk.CreateConnectorFactory(claimsIdentity), claimsIdentity, pool);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        userTokenClients.GetAsync(BotIdentity.From(claimsIdentity), () => sdk.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None));

    public override BotFrameworkClient CreateBotFrameworkClient() => sdk.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => sdk.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        sdk.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private AuthenticateRequestResult Pooled(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is not null and not PooledConnectorFactory)
        {
            result.ConnectorFactory = new PooledConnectorFactory(result.ConnectorFactory, result.ClaimsIdentity, pool);
        }

        return result;
    }
}
