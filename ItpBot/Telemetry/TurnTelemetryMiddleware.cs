using System.Diagnostics;
using ItpBot.Security;
using Microsoft.Bot.Builder;


namespace ItpBot.Telemetry;

/// <summary>
/// One span per turn ("receive"), one per reply batch ("reply"), and the turn metrics. It runs just inside exception
/// redaction, so it sees the original exception, and records only its type.
/// </summary>
public sealed class TurnTelemetryMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var channel = KnownChannel(turnContext.Activity.ChannelId);
        var type = turnContext.Activity.Type ?? "none";
        using var span = BotTelemetry.Source.StartActivity("receive", ActivityKind.Internal);
        span?.SetTag("itpbot.channel", channel);
        span?.SetTag("itpbot.activity.type", type);
        turnContext.OnSendActivities(SendWithTelemetryAsync);

        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            outcome = "failed";
            var original = e is RedactedTurnException redacted ? redacted.OriginalType.FullName : e.GetType().FullName;
            BotTelemetry.FailedTurns.Add(1, new("itpbot.channel", channel), new("error.type", original));
            span?.SetStatus(ActivityStatusCode.Error, original);
            span?.SetTag("error.type", original);
            throw;
        }
        finally
        {
            var tags = new TagList { { "itpbot.channel", channel }, { "itpbot.activity.type", type }, { "itpbot.outcome", outcome } };
            BotTelemetry.Turns.Add(1, tags);
            BotTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        }
    }

    private static async Task<Microsoft.Bot.Schema.ResourceResponse[]> SendWithTelemetryAsync(ITurnContext context, List<Microsoft.Bot.Schema.Activity> activities, Func<Task<Microsoft.Bot.Schema.ResourceResponse[]>> next)
    {
        using var span = BotTelemetry.Source.StartActivity("reply", ActivityKind.Client);
        span?.SetTag("itpbot.reply.count", activities.Count);
        var channel = KnownChannel(context.Activity.ChannelId);
        try
        {
            var responses = await next().ConfigureAwait(false);
            BotTelemetry.Replies.Add(activities.Count, new KeyValuePair<string, object?>("itpbot.channel", channel));
            return responses;
        }
        catch (Exception e)
        {
            BotTelemetry.FailedReplies.Add(activities.Count, new("itpbot.channel", channel), new("error.type", e.GetType().FullName));
            BotTelemetry.Failed(span, e);
            throw;
        }
    }

    /// <summary>Channel ids are chosen by the client: only well-known ones become tag values, so a tag cannot carry text.</summary>
    private static string KnownChannel(string? channelId) => channelId switch
    {
        Microsoft.Bot.Connector.Channels.Msteams => Microsoft.Bot.Connector.Channels.Msteams,
        Microsoft.Bot.Connector.Channels.Directline => Microsoft.Bot.Connector.Channels.Directline,
        Microsoft.Bot.Connector.Channels.Webchat => Microsoft.Bot.Connector.Channels.Webchat,
        Microsoft.Bot.Connector.Channels.Emulator => Microsoft.Bot.Connector.Channels.Emulator,
        Microsoft.Bot.Connector.Channels.Test => Microsoft.Bot.Connector.Channels.Test,
        _ => "other",
    };
}
