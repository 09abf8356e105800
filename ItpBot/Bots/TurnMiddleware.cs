using ItpBot.Channels.Teams;
using ItpBot.Security;
using ItpBot.Storage;
using ItpBot.Telemetry;

namespace ItpBot.Bots;

public static class TurnMiddleware
{
    /// <summary>
    /// The one ordered list of Bot Framework middleware. Every adapter (the host's CloudAdapter for the Emulator, Teams
    /// and Azure channels, and the local Direct Line adapter) takes the registered <see cref="Microsoft.Bot.Builder.IMiddleware"/>
    /// in this order, so a step added here runs on every channel; nothing else may call <c>Use</c> on an adapter.
    /// <list type="number">
    /// <item>exception redaction: outermost, so no exception from any later step reaches a log with the user's text;</item>
    /// <item>turn telemetry: the turn's span and metrics, failures included;</item>
    /// <item>the state-conflict retry: reruns a turn whose state changed underneath it;</item>
    /// <item>the turn's culture;</item>
    /// <item>the Teams steps (they act on msteams activities only).</item>
    /// </list>
    /// </summary>
    public static IServiceCollection AddTurnMiddleware(this IServiceCollection services)
    {
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, ExceptionRedactionMiddleware>();
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, TurnTelemetryMiddleware>();
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware>(sp => sp.GetRequiredService<StateConflictRetryMiddleware>());
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, TurnCultureMiddleware>();
        services.AddTeamsChannel();
        return services;
    }
}
