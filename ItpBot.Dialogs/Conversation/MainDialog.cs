using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Conversation.Interruptions;
using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;
using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// The whole conversation about one patient: take the case, confirm it, answer with the assessment, then stay for
/// follow-up questions. Interruptions (emergency, commands, questions, new facts) are handled first, in one place,
/// as CoreBot's CancelAndHelpDialog does, and the pending question is then asked again.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    private const string FlowId = "mainFlow";
    private const string ConfirmPromptId = "confirmCase";
    private const string CorrectionPromptId = "correction";

    private readonly ConversationAccessors _accessors;
    private readonly TurnInterruptions _interruptions;
    private readonly ConversationReplies _replies;
    private readonly IConversationReader _interpreter;

    public MainDialog(
        ConversationAccessors accessors,
        TurnInterruptions interruptions,
        ConversationReplies replies,
        IConversationReader interpreter,
        IntakeDialog intake,
        FollowUpDialog followUp)
        : base(nameof(MainDialog))
    {
        _accessors = accessors;
        _interruptions = interruptions;
        _replies = replies;
        _interpreter = interpreter;

        AddDialog(new WaterfallDialog(FlowId, [IntakeAsync, ConfirmAsync, AssessOrAskCorrectionAsync, ApplyCorrectionAsync]));
        AddDialog(intake);
        AddDialog(followUp);
        AddDialog(new ConfirmPrompt(ConfirmPromptId, IsConfirmationAsync, text => EverydayAnswers.SaysLooksRight(text) ? true : null));
        AddDialog(new TextPrompt(CorrectionPromptId));
        InitialDialogId = FlowId;
    }

    /// <summary>The flow's first step, for interruptions that restart it (new facts, start over).</summary>
    public static string Flow => FlowId;

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken = default)
    {
        var outcome = await _interruptions.HandleAsync(innerDc, cancellationToken);
        return outcome ?? await base.OnBeginDialogAsync(innerDc, options, cancellationToken);
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        var outcome = await _interruptions.HandleAsync(innerDc, cancellationToken);
        if (outcome is not null)
        {
            return outcome;
        }

        // An interruption answered on an empty stack (a question before any case): this message starts the case.
        return innerDc.ActiveDialog is null
            ? await innerDc.BeginDialogAsync(FlowId, cancellationToken: cancellationToken)
            : await base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    private static Task<DialogTurnResult> IntakeAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.BeginDialogAsync(nameof(IntakeDialog), cancellationToken: cancellationToken);

    private async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);
        if (intake.Confirmed || ConversationReplies.IsEmergency(intake.Profile))
        {
            return await step.NextAsync(true, cancellationToken);
        }

        var settings = await _accessors.GetSettingsAsync(step.Context, cancellationToken);
        return await step.PromptAsync(ConfirmPromptId, _replies.ConfirmCase(intake.Profile, settings.Audience), cancellationToken);
    }

    private async Task<DialogTurnResult> AssessOrAskCorrectionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);
        if (step.Result is false)
        {
            var settings = await _accessors.GetSettingsAsync(step.Context, cancellationToken);
            return await step.PromptAsync(CorrectionPromptId, _replies.AskForCorrection(Addressee.Of(settings, intake)), cancellationToken);
        }

        await _accessors.SetIntakeAsync(step.Context, intake with { Confirmed = true, Pending = null, AskedWith = new() }, cancellationToken);
        await _replies.SendAssessmentAsync(step.Context, intake.Profile, cancellationToken);
        return await step.ReplaceDialogAsync(nameof(FollowUpDialog), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// "none" to "Is this right?" may mean "no corrections" or "no, it is wrong": neither is safe to assume, so it
    /// is asked again rather than read as the prompt's usual "no".
    /// </summary>
    private static Task<bool> IsConfirmationAsync(PromptValidatorContext<bool> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized.Succeeded && !PendingAnswerReader.SaysNothing(prompt.Context.Activity.Text ?? string.Empty));

    /// <summary>A correction typed after "no" (one that names no field is simply asked about again).</summary>
    private async Task<DialogTurnResult> ApplyCorrectionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is string)
        {
            var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);
            var reading = _interpreter.Read(step.Context, pending: null);
            await _accessors.SetIntakeAsync(step.Context, intake with { Profile = reading.ApplyTo(intake.Profile) }, cancellationToken);
        }

        return await step.ReplaceDialogAsync(FlowId, cancellationToken: cancellationToken);
    }
}
