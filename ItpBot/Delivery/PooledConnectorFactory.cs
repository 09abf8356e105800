using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace ItpBot.Delivery;

/// <summary>Hands out pooled clients; the SDK factory it wraps is only asked on a pool miss.</summary>
internal sealed class PooledConnectorFactory(ConnectorFactory sdkFactory, ClaimsIdentity? identity, ConnectorClientPool pool) : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
        // The build is shared by concurrent turns, so one caller's cancellation must not fail it for the others.
        pool.GetAsync(new ConnectorKey(serviceUrl, audience, BotIdentity.From(identity)), () => sdkFactory.CreateAsync(serviceUrl, audience, CancellationToken.None));
}
