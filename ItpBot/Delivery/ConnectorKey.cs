using System.Security.Claims;
using Microsoft.Bot.Connector.Authentication;

namespace ItpBot.Delivery;

/// <summary>
/// What decides the credentials of a connector client: where it posts, the token audience, and which bot identity
/// the inbound claims name (the SDK derives the app id from these claims).
/// </summary>
internal readonly record struct ConnectorKey(string ServiceUrl, string? Audience, string? AudienceClaim, string? AppIdClaim, string? AuthorizedPartyClaim)
{
    public static ConnectorKey For(string serviceUrl, string? audience, ClaimsIdentity? identity) => new(
        serviceUrl,
        audience,
        identity?.FindFirst(AuthenticationConstants.AudienceClaim)?.Value,
        identity?.FindFirst(AuthenticationConstants.AppIdClaim)?.Value,
        identity?.FindFirst(AuthenticationConstants.AuthorizedParty)?.Value);
}
