using ItpBot.Dialogs.Engine;

namespace ItpBot.Dialogs.Conversation.Interruptions;

/// <summary>
/// "I meant 18 months", "sorry, 45 not 54", "no wait, it was 30" while the next question is pending: the earlier
/// answer is set right and shown as noted, and the question asked again; the message is not taken as the answer to
/// the question now pending (the "no" of "no wait" is not a "no" to it). After the plan, the case is re-assessed.
/// </summary>
public sealed class PreviousAnswerInterruption(ConversationAccessors accessors, PreviousAnswerCorrection corrections, ConversationReplies replies) : ITurnInterruption
{
    public async Task<DialogTurnResult?> HandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var (turn, intake) = (context.Turn, context.Intake);
        if (intake.CountOrAge is not null || corrections.Read(turn.Activity.Text ?? string.Empty, intake) is not { } corrected)
        {
            return null;
        }

        var noted = intake with { Profile = corrected.Profile, LastAnswered = [corrected.Field], LastAnswer = IntakeState.Stored(corrected.Update) };
        await accessors.SetIntakeAsync(turn, noted, cancellationToken);
        await turn.SendActivityAsync(await replies.NotedAsync(turn, noted.Profile, [corrected.Field], cancellationToken), cancellationToken);
        return await context.RestartFlowAsync(cancellationToken);
    }
}
