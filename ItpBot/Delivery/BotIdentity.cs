using System.Security.Claims;
using Microsoft.Bot.Connector.Authentication;

namespace ItpBot.Delivery;

/// <summary>The inbound claims the SDK derives the bot's app id from, and with it the outbound credentials.</summary>
internal readonly record struct BotIdentity(string? AudienceClaim, string? AppIdClaim, string? AuthorizedPartyClaim)
{
    public static BotIdentity From(ClaimsIdentity? identity) => new(
        identity?.FindFirst(AuthenticationConstants.AudienceClaim)?.Value,
        identity?.FindFirst(AuthenticationConstants.AppIdClaim)?.Value,
        identity?.FindFirst(AuthenticationConstants.AuthorizedParty)?.Value);
}

/// <summary>What decides a connector client: where it posts, the token audience, and the bot identity.</summary>
internal readonly record struct ConnectorKey(string ServiceUrl, string? Audience, BotIdentity Identity);
