using ItpBot.Dialogs.Engine;
using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Conversation.Interruptions;

/// <summary>What every handler sees of one turn: the dialogs, the case, and the message read once.</summary>
public sealed class InterruptionContext(DialogContext dialogs, IntakeState intake, MessageMeaning meaning)
{
    public DialogContext Dialogs { get; } = dialogs;

    public ITurnContext Turn => Dialogs.Context;

    public IntakeState Intake { get; } = intake;

    public MessageMeaning Meaning { get; } = meaning;

    /// <summary>True after the conversation has moved on from the intake to follow-up questions.</summary>
    public bool AfterAssessment => Dialogs.ActiveDialog?.Id == nameof(FollowUpDialog);

    /// <summary>Set by a handler that acted without ending the turn (an audience switch before the question).</summary>
    public bool Acted { get; set; }

    /// <summary>Starts the flow again: the intake asks only what is missing, and a confirmed case is re-assessed.</summary>
    public async Task<DialogTurnResult> RestartFlowAsync(CancellationToken cancellationToken)
    {
        await Dialogs.CancelAllDialogsAsync(cancellationToken);
        return await Dialogs.BeginDialogAsync(MainDialog.Flow, cancellationToken: cancellationToken);
    }

    /// <summary>Asks the pending question again (quietly after the assessment, where nothing is pending).</summary>
    public async Task<DialogTurnResult> ResumeAsync(CancellationToken cancellationToken)
    {
        if (Dialogs.ActiveDialog is not null && !AfterAssessment)
        {
            await Dialogs.RepromptDialogAsync(cancellationToken);
        }

        return Dialog.EndOfTurn;
    }
}
