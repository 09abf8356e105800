using System.Diagnostics;
using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using Microsoft.Bot.Builder;

namespace ItpBot.Telemetry;

/// <summary>
/// The "understand" span: each reading of the turn's message, tagged with which reading it was and the question it
/// answers (a field name from the intake plan), never the message, what was read from it, or any patient fact.
/// </summary>
public sealed class TracedConversationReader(IConversationReader inner) : IConversationReader
{
    public MessageMeaning Read(ITurnContext turn, IntakeField? pending) =>
        Traced("message", pending, () => inner.Read(turn, pending));

    public MessageMeaning ReadAnswer(ITurnContext turn, IntakeField pending) =>
        Traced("answer", pending, () => inner.ReadAnswer(turn, pending));

    public MessageMeaning ReadGroupAnswer(ITurnContext turn, IReadOnlyList<IntakeField> asked) =>
        Traced("group answer", asked[0], () => inner.ReadGroupAnswer(turn, asked));

    public PartialPriorTreatments? ReadPartialPriorTreatments(ITurnContext turn) =>
        Traced("prior treatments", null, () => inner.ReadPartialPriorTreatments(turn));

    public OpenTreatment? ReadOpenTreatment(ITurnContext turn, OpenTreatment open) =>
        Traced("open treatment", null, () => inner.ReadOpenTreatment(turn, open));

    public PatientProfile? ReadCountOrAge(ITurnContext turn, int number) =>
        Traced("count or age", null, () => inner.ReadCountOrAge(turn, number));

    public bool SaysNotKnown(ITurnContext turn) =>
        Traced("not known", null, () => inner.SaysNotKnown(turn));

    private static T Traced<T>(string reading, IntakeField? pending, Func<T> read)
    {
        using var span = BotTelemetry.Source.StartActivity("understand");
        span?.SetTag("itpbot.reading", reading);
        if (pending is { } field)
        {
            span?.SetTag("itpbot.pending", field.ToString());
        }

        try
        {
            return read();
        }
        catch (Exception e)
        {
            BotTelemetry.Failed(span, e);
            throw;
        }
    }
}
