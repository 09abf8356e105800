using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ItpBot.Channels.DirectLine;

/// <summary>
/// The SDK's CloudAdapter for the local Direct Line: the local channel has already checked its own token, so the turn
/// runs with an anonymous identity and replies through <see cref="LocalConnectorFactory"/>. It shares the host
/// adapter's error handling, and uses every <see cref="Microsoft.Bot.Builder.IMiddleware"/> registered in DI: register adapter middleware
/// there (rather than only calling Use on the host adapter) and both channels get it.
/// </summary>
public sealed class LocalDirectLineAdapter : CloudAdapter
{
    private readonly LocalConnectorFactory _connector;
    private readonly ClaimsIdentity _identity;

    /// <summary>
    /// The turn runs as the bot itself, as a proactive turn does: no Bot Connector token is involved (the local channel
    /// checked its own), yet with an app id set the SDK finds that id where it looks for it (the user-token client),
    /// so the local Direct Line works whatever the app id. Anonymous when there is none.
    /// </summary>
    private static ClaimsIdentity BotIdentityFor(string? appId) =>
        string.IsNullOrWhiteSpace(appId)
            ? new ClaimsIdentity()
            : new ClaimsIdentity(
                [new Claim(AuthenticationConstants.AudienceClaim, appId), new Claim(AuthenticationConstants.AppIdClaim, appId)],
                "LocalDirectLine");

    public LocalDirectLineAdapter(
        BotFrameworkAuthentication auth,
        CloudAdapter hostAdapter,
        LocalConnectorFactory connector,
        IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware,
        ILogger<LocalDirectLineAdapter> logger,
        IConfiguration configuration)
        : base(auth, new Telemetry.SdkAdapterLogger(logger))
    {
        _connector = connector;
        _identity = BotIdentityFor(configuration["MicrosoftAppId"]);
        OnTurnError = hostAdapter.OnTurnError;
        foreach (var step in middleware)
        {
            Use(step);
        }
    }

    public Task RunTurnAsync(Activity activity, IBot bot, CancellationToken cancellationToken) =>
        ProcessActivityAsync(
            new AuthenticateRequestResult { ClaimsIdentity = _identity, ConnectorFactory = _connector },
            activity,
            bot.OnTurnAsync,
            cancellationToken);
}
