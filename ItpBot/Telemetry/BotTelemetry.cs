using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ItpBot.Telemetry;

/// <summary>
/// The bot's own traces and metrics. Tags carry only what an operator needs to group by (channel, activity type,
/// outcome, exception type, urgency): never message text, names, ids or any patient fact.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "ItpBot";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("itpbot.turns", "{turn}", "Turns the bot ran");

    public static readonly Counter<long> FailedTurns = Meter.CreateCounter<long>("itpbot.turns.failed", "{turn}", "Turns that ended in the adapter's error handler");

    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("itpbot.turn.duration", "ms", "Time from receiving an activity to the end of its turn");

    public static readonly Counter<long> Replies = Meter.CreateCounter<long>("itpbot.replies", "{activity}", "Activities the bot sent");

    public static readonly Counter<long> FailedReplies = Meter.CreateCounter<long>("itpbot.replies.failed", "{activity}", "Activities the bot could not send (after the delivery retries)");

    public static readonly Counter<long> StateConflicts = Meter.CreateCounter<long>("itpbot.state.conflicts", "{write}", "State writes refused because another turn changed the document first");

    public static readonly Counter<long> Assessments = Meter.CreateCounter<long>("itpbot.assessments", "{assessment}", "Assessments made, by urgency");

    public static readonly Counter<long> Emergencies = Meter.CreateCounter<long>("itpbot.emergencies", "{assessment}", "Assessments whose urgency is emergency");

    /// <summary>Marks a span as failed with the exception's type only: an exception's message can quote the user.</summary>
    public static void Failed(Activity? span, Exception exception)
    {
        if (span is null)
        {
            return;
        }

        span.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        span.SetTag("error.type", exception.GetType().FullName);
    }
}
