using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Understanding;

namespace ItpBot.Dialogs.Conversation.Interruptions;

/// <summary>Help, cancel, start over and forget me, whatever is pending.</summary>
public sealed class CommandInterruption(ConversationAccessors accessors, ConversationReplies replies, IForgetMe forgetMe) : ITurnInterruption
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
                await accessors.SetIntakeAsync(turn, new IntakeState { Welcomed = context.Intake.Welcomed }, cancellationToken);
                await turn.SendActivityAsync(await replies.StartOverAsync(turn, cancellationToken), cancellationToken);
                return await context.RestartFlowAsync(cancellationToken);
            case Command.ForgetMe:
                await context.Dialogs.CancelAllDialogsAsync(cancellationToken);
                var forgottenText = await replies.ForgottenAsync(turn, cancellationToken);
                await forgetMe.ForgetAsync(turn, cancellationToken);
                await turn.SendActivityAsync(forgottenText, cancellationToken);
                return new DialogTurnResult(DialogTurnStatus.Cancelled);
            default:
                return null;
        }
    }
}
