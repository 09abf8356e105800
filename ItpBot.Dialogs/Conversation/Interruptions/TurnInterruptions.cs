using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Understanding;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Conversation.Interruptions;

/// <summary>
/// One decision per turn about what wins, made in one place as CoreBot's CancelAndHelpDialog does: the message is
/// read once, then offered to each handler in order (emergency, audience, command, question, correction); the
/// first that takes it decides the turn. Null when the message is simply the answer to the pending question.
/// </summary>
public sealed class TurnInterruptions(ConversationAccessors accessors, IConversationReader reader, IntakePlan plan, IEnumerable<ITurnInterruption> handlers)
{
    private readonly IReadOnlyList<ITurnInterruption> _handlers = handlers.ToList();

    public async Task<DialogTurnResult?> HandleAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var turn = innerDc.Context;
        if (turn.Activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(turn.Activity.Text))
        {
            return null;
        }

        var intake = await accessors.GetIntakeAsync(turn, cancellationToken);
        var newCase = IsNewCase(innerDc, intake);
        var lone = newCase ? LoneNumber.Read(turn.Activity.Text) : null;
        var meaning = lone is { CouldBeCountOrAge: true }
            ? new MessageMeaning { CountOrAge = (int)lone.Value }
            : reader.Read(turn, intake.Pending ?? (newCase ? FirstQuestionOfNewCase(intake, lone) : null));

        // "had a stroke" or "TIA" answering the conditions question (alone or in its group) is the history asked for,
        // not today's sign: the one reading's red flags for a history answer decide (a recent word keeps the alarm).
        if (meaning.AnsweringHistory is { } asHistory && intake.Asks(IntakeField.Comorbidities))
        {
            meaning = meaning with { Emergency = asHistory.Grade };
        }

        if (DiagnosisDurationRecognizer.AgeAtDiagnosis(turn.Activity.Text) is { } then && then != intake.AgeAtDiagnosis)
        {
            // "since I was 25": kept until the age is known, and worked out at once if it is.
            intake = intake with { AgeAtDiagnosis = then };
            intake = intake.WithFactsThatFollow() ?? intake;
            await accessors.SetIntakeAsync(turn, intake, cancellationToken);
        }

        if (meaning.AboutSomeoneElse is { } aboutSomeoneElse && aboutSomeoneElse != intake.AboutSomeoneElse)
        {
            // Who the case is about is settled before any handler speaks, so every question after is worded for it.
            intake = intake with { AboutSomeoneElse = aboutSomeoneElse };
            await accessors.SetIntakeAsync(turn, intake, cancellationToken);
        }

        var context = new InterruptionContext(innerDc, intake, meaning);
        foreach (var handler in _handlers)
        {
            if (await handler.HandleAsync(context, cancellationToken) is { } outcome)
            {
                return outcome;
            }
        }

        return null;
    }

    /// <summary>
    /// Before any question of a new case, a bare "12" (which no adult's age can be) is the answer to the question the
    /// intake would ask first, and "52 years" is the age; each is read so (and noted) rather than dropped and then
    /// asked for.
    /// </summary>
    private IntakeField? FirstQuestionOfNewCase(IntakeState intake, LoneNumber? lone) =>
        lone is { InYears: true } ? IntakeField.Age : plan.NextQuestion(intake.Profile, intake.Skipped);

    private static bool IsNewCase(DialogContext innerDc, IntakeState intake) =>
        innerDc.ActiveDialog is null && intake.Pending is null && !Fields.FieldRegistry.Known(intake.Profile).Any();
}
