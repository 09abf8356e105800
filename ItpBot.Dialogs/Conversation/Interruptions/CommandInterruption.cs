using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Conversation.Interruptions;

/// <summary>Help, cancel, start over, forget me, the case so far and changing an answer, whatever is pending.</summary>
public sealed class CommandInterruption(
    ConversationAccessors accessors, ConversationReplies replies, IForgetMe forgetMe, CaseSummaryText caseSummary, ConversationTexts texts) : ITurnInterruption
{
    public async Task<DialogTurnResult?> HandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        switch (context.Meaning.Command)
        {
            case Command.Help:
                await turn.SendActivityAsync(await replies.HelpAsync(turn, cancellationToken), cancellationToken);
                return await context.ResumeAsync(cancellationToken);
            case Command.Cancel:
                await accessors.SetIntakeAsync(turn, context.Intake with { Pending = null, AskedWith = new() }, cancellationToken);
                await turn.SendActivityAsync(await replies.CancelledAsync(turn, cancellationToken), cancellationToken);
                return await context.Dialogs.CancelAllDialogsAsync(cancellationToken);
            case Command.StartOver:
                // "new patient: 44F, plt 21": the new case starts from what the same message says of it, and nothing
                // of the old one.
                await accessors.SetIntakeAsync(
                    turn, new IntakeState { Welcomed = context.Intake.Welcomed, Profile = IntakeState.Stored(context.Meaning.Facts) }, cancellationToken);
                await turn.SendActivityAsync(await replies.StartOverAsync(turn, cancellationToken), cancellationToken);
                return await context.RestartFlowAsync(cancellationToken);
            case Command.ForgetMe:
                await context.Dialogs.CancelAllDialogsAsync(cancellationToken);
                var forgottenText = await replies.ForgottenAsync(turn, cancellationToken);
                await forgetMe.ForgetAsync(turn, cancellationToken);
                await turn.SendActivityAsync(forgottenText, cancellationToken);
                return new DialogTurnResult(DialogTurnStatus.Cancelled);
            case Command.ShowCase when context.Intake.Confirmed:
                // The plan is made: it is sent again whole, to read, print or copy.
                await replies.SendAssessmentAsync(turn, context.Intake.Profile, cancellationToken);
                return await context.ResumeAsync(cancellationToken);
            case Command.ShowCase:
                await turn.SendActivityAsync(await CaseSoFarAsync(turn, context.Intake, then: null, cancellationToken), cancellationToken);
                return await context.ResumeAsync(cancellationToken);
            case Command.ChangeAnswer:
                // The case as it stands, then how to set a value right: the next message is read as a correction.
                var to = await replies.AddresseeAsync(turn, cancellationToken);
                await turn.SendActivityAsync(await CaseSoFarAsync(turn, context.Intake, texts.Say(texts.Messages.AskCorrection, to), cancellationToken), cancellationToken);
                return Dialog.EndOfTurn;
            default:
                return null;
        }
    }

    // The confirmation step's case lines, without its question; with nothing given yet, what can be given (help).
    private async Task<IMessageActivity> CaseSoFarAsync(ITurnContext turn, IntakeState intake, string? then, CancellationToken cancellationToken)
    {
        var lines = caseSummary.Lines(intake.Profile);
        if (lines.Count == 0)
        {
            return await replies.HelpAsync(turn, cancellationToken);
        }

        var audience = (await accessors.GetSettingsAsync(turn, cancellationToken)).Audience;
        var text = $"**{texts.Messages.CaseHeading.For(audience)}**\n\n{string.Join("\n", lines.Select(line => "- " + line))}";
        return MessageFactory.Text(then is null ? text : $"{text}\n\n{then}");
    }
}
