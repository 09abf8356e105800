using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Understanding.Reading;
using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Conversation.Interruptions;

/// <summary>
/// A message that states clinical things but nothing true of the patient now ("no history of clots", "her mum had
/// hepatitis B", "we might move to romiplostim if this doesn't work"): acknowledged as noted and not counted, with
/// why, and the pending question asked again (or the intake begun). Never "I did not catch that": it was read.
/// </summary>
public sealed class NotCurrentInterruption(ConversationInterpreter interpreter, ConversationReplies replies, ConversationTexts texts) : ITurnInterruption
{
    public async Task<DialogTurnResult?> HandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var meaning = context.Meaning;
        if (meaning.Emergency is not null || meaning.Command is not null || meaning.Question is not null || meaning.WhyNot is not null
            || meaning.OpenQuestion is not null || meaning.CountOrAge is not null || meaning.FactFields.Count > 0 || meaning.NotKnown.Count > 0
            || context.Intake.OpenTreatments.Count > 0 || context.Intake.CountOrAge is not null)
        {
            return null;
        }

        var reading = interpreter.ReadOnce(context.Turn.Activity.Text ?? string.Empty);
        // Only findings read with their context are noted: a bare therapy name ("prednisone") answers the step
        // that asked for it, and something current that no field took is for the pending question's own retry.
        if (reading.Intent != MessageIntent.Facts || reading.Filled.Count > 0 || reading.Corrections.Count > 0
            || reading.Findings.Count == 0 || reading.Findings.Any(f => f.Context.IsCurrentAboutPatient))
        {
            return null;
        }

        var to = await replies.AddresseeAsync(context.Turn, cancellationToken);
        var notes = reading.Findings
            .Select(f => $"- {f.Evidence}: {texts.Say(Why(f.Context), to)}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var text = $"{texts.Say(texts.Messages.NotCurrent, to)}\n\n{string.Join("\n", notes)}";
        await context.Turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

        return context.Dialogs.ActiveDialog is null
            ? await context.RestartFlowAsync(cancellationToken)
            : await context.ResumeAsync(cancellationToken);
    }

    private Voiced Why(FindingContext context) =>
        context.Experiencer != Experiencer.Patient ? texts.Messages.NotCurrentSomeoneElse
        : context.Status switch
        {
            FindingStatus.Negated => texts.Messages.NotCurrentNegated,
            FindingStatus.Historical => texts.Messages.NotCurrentHistorical,
            FindingStatus.Planned => texts.Messages.NotCurrentPlanned,
            _ => texts.Messages.NotCurrentHypothetical,
        };
}
