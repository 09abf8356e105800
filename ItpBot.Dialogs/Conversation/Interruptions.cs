using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// What a message can do whatever question is pending, in order of urgency: an emergency is answered first; then
/// audience, commands and questions, after which the pending question is asked again; then facts that go beyond the
/// pending question (a case summary, a correction), which restart the flow so that only what is still missing is asked.
/// Returns null when the message is simply the answer to the pending question.
/// </summary>
public sealed class Interruptions(
    ConversationAccessors accessors,
    ConversationInterpreter interpreter,
    ConversationReplies replies,
    IntakePlan plan,
    IForgetMe forgetMe)
{
    public async Task<DialogTurnResult?> HandleAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var turn = innerDc.Context;
        if (turn.Activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(turn.Activity.Text))
        {
            return null;
        }

        var intake = await accessors.GetIntakeAsync(turn, cancellationToken);
        var lone = IsNewCase(innerDc, intake) ? LoneNumber.Read(turn.Activity.Text) : null;
        if (lone is { CouldBeCountOrAge: true })
        {
            // "52" before any question: as likely the age as the count. Asked, not guessed.
            await accessors.SetIntakeAsync(turn, intake with { CountOrAge = (int)lone.Value }, cancellationToken);
            return await RestartFlowAsync(innerDc, cancellationToken);
        }

        var reading = interpreter.Read(turn, intake.Pending ?? FirstQuestionOfNewCase(innerDc, intake, lone));

        if (reading.Emergency is { } grade)
        {
            var profile = reading.ApplyTo(intake.Profile) with { Bleeding = Worse(intake.Profile.Bleeding, grade) };
            await accessors.SetIntakeAsync(turn, intake with { Profile = profile, CountOrAge = null }, cancellationToken);
            return await RestartFlowAsync(innerDc, cancellationToken);
        }

        if (reading.SwitchAudience is { } audience)
        {
            var settings = await accessors.GetSettingsAsync(turn, cancellationToken);
            await accessors.SetSettingsAsync(turn, settings with { Audience = audience, AudienceChosen = true }, cancellationToken);
            await turn.SendActivityAsync(replies.AudienceChanged(audience), cancellationToken);

            // A prompt repeats the words it started with; restarting the flow asks the pending question (or shows
            // the case) again in the new voice. After the assessment there is nothing to ask: wait.
            if (innerDc.ActiveDialog?.Id == nameof(FollowUpDialog))
            {
                return Dialog.EndOfTurn;
            }

            return await RestartFlowAsync(innerDc, cancellationToken);
        }

        switch (reading.Command)
        {
            case Command.Help:
                await turn.SendActivityAsync(await replies.HelpAsync(turn, cancellationToken), cancellationToken);
                return await ResumeAsync(innerDc, cancellationToken);
            case Command.Cancel:
                await accessors.SetIntakeAsync(turn, intake with { Pending = null }, cancellationToken);
                await turn.SendActivityAsync(await replies.CancelledAsync(turn, cancellationToken), cancellationToken);
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            case Command.StartOver:
                await accessors.SetIntakeAsync(turn, new IntakeState { Welcomed = intake.Welcomed }, cancellationToken);
                await turn.SendActivityAsync(await replies.StartOverAsync(turn, cancellationToken), cancellationToken);
                return await RestartFlowAsync(innerDc, cancellationToken);
            case Command.ForgetMe:
                await innerDc.CancelAllDialogsAsync(cancellationToken);
                var forgottenText = await replies.ForgottenAsync(turn, cancellationToken);
                await forgetMe.ForgetAsync(turn, cancellationToken);
                await turn.SendActivityAsync(forgottenText, cancellationToken);
                return new DialogTurnResult(DialogTurnStatus.Cancelled);
        }

        if (reading.Question is not null || reading.WhyNot is not null)
        {
            await replies.SendAnswerAsync(turn, reading, intake.Profile, cancellationToken);
            // After the assessment nothing is pending: the follow-up waits quietly. Anywhere else (an intake question,
            // the case confirmation) the question that was interrupted is asked again.
            return await ResumeAsync(innerDc, cancellationToken, quietly: innerDc.ActiveDialog?.Id == nameof(FollowUpDialog));
        }

        if (GoesBeyondPending(reading, intake.Pending))
        {
            // New facts replace an unanswered "count or age?" ("age 52", "plt 45", a whole case).
            var noted = WithOpenTreatments(turn, intake, intake with { Profile = reading.ApplyTo(intake.Profile), CountOrAge = null });
            await accessors.SetIntakeAsync(turn, noted, cancellationToken);
            await turn.SendActivityAsync(await replies.NotedAsync(turn, reading, cancellationToken), cancellationToken);
            return await RestartFlowAsync(innerDc, cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// A case summary that names therapies without saying how they went ("... had eltrombopag and steroids"): they
    /// are kept to ask about, as at the prior-treatments question, rather than dropped. Only while no prior
    /// treatments are known, so a later message cannot reopen a history already taken.
    /// </summary>
    private IntakeState WithOpenTreatments(ITurnContext turn, IntakeState before, IntakeState after)
    {
        if (before.Profile.PriorTreatments is not null || before.OpenTreatments.Count > 0
            || interpreter.ReadPartialPriorTreatments(turn) is not { } partial)
        {
            return after;
        }

        var known = after.Profile.PriorTreatments is { Count: > 0 } read ? read : partial.Known.Count > 0 ? partial.Known : null;
        return after with { Profile = after.Profile with { PriorTreatments = known }, OpenTreatments = partial.Open };
    }

    /// <summary>
    /// Before any question of a new case, a bare "12" (which no adult's age can be) is the answer to the question the
    /// intake would ask first, and "52 years" is the age; each is read so (and noted) rather than dropped and then
    /// asked for.
    /// </summary>
    private IntakeField? FirstQuestionOfNewCase(DialogContext innerDc, IntakeState intake, LoneNumber? lone) =>
        !IsNewCase(innerDc, intake) ? null
        : lone is { InYears: true } ? IntakeField.Age
        : plan.NextQuestion(intake.Profile, intake.Skipped);

    private static bool IsNewCase(DialogContext innerDc, IntakeState intake) =>
        innerDc.ActiveDialog is null && intake.Pending is null
        && Enum.GetValues<IntakeField>().All(f => !IntakePlan.IsKnown(intake.Profile, f));

    private static bool GoesBeyondPending(TurnReading reading, IntakeField? pending) =>
        reading.FactFields.Any(field => field != pending);

    private static Bleeding Worse(Bleeding? current, Bleeding found) =>
        current is { } known && known > found ? known : found;

    /// <summary>Starts the flow again: the intake asks only what is missing, and a confirmed case is re-assessed.</summary>
    private static async Task<DialogTurnResult> RestartFlowAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        await innerDc.CancelAllDialogsAsync(cancellationToken);
        return await innerDc.BeginDialogAsync(MainDialog.Flow, cancellationToken: cancellationToken);
    }

    /// <summary>Asks the pending question again; with nothing pending, starts the flow or waits.</summary>
    private static async Task<DialogTurnResult> ResumeAsync(DialogContext innerDc, CancellationToken cancellationToken, bool quietly = false)
    {
        if (innerDc.ActiveDialog is null)
        {
            return Dialog.EndOfTurn;
        }

        if (!quietly)
        {
            await innerDc.RepromptDialogAsync(cancellationToken);
        }

        return Dialog.EndOfTurn;
    }
}
