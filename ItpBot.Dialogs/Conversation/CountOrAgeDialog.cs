using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// A lone "52" sent before any question: "Is 52 the platelet count or the age?", with both as buttons. The number
/// becomes what the answer names; skipped, it is dropped and the intake asks as usual.
/// </summary>
public sealed class CountOrAgeDialog : ComponentDialog
{
    private const string FlowId = "countOrAgeFlow";
    private const string PromptId = "countOrAge";

    private readonly ConversationAccessors _accessors;
    private readonly IConversationReader _interpreter;
    private readonly ConversationTexts _texts;

    public CountOrAgeDialog(ConversationAccessors accessors, IConversationReader interpreter, ConversationTexts texts)
        : base(nameof(CountOrAgeDialog))
    {
        _accessors = accessors;
        _interpreter = interpreter;
        _texts = texts;
        AddDialog(new WaterfallDialog(FlowId, [AskAsync, StoreAsync]));
        AddDialog(new TextPrompt(PromptId, IsAnsweredAsync));
        InitialDialogId = FlowId;
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);
        await _accessors.SetIntakeAsync(step.Context, intake with { Pending = null, AskedWith = new() }, cancellationToken);
        var settings = await _accessors.GetSettingsAsync(step.Context, cancellationToken);
        return await step.PromptAsync(PromptId, _texts.PromptForCountOrAge(intake.CountOrAge!.Value, Addressee.Of(settings, intake), IntakeDialog.MaxAttempts), cancellationToken);
    }

    private async Task<DialogTurnResult> StoreAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // "Cancel" on the last attempt ends the whole intake: the intake reads it from this dialog's result.
        if (step.Result is PromptGaveUp { Reason: GaveUpReason.Cancelled } cancelled)
        {
            return await step.EndDialogAsync(cancelled, cancellationToken);
        }

        var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);
        var profile = step.Result is string && intake.CountOrAge is { } number && _interpreter.ReadCountOrAge(step.Context, number) is { } answer
            ? FieldRegistry.Merge(intake.Profile, answer)
            : intake.Profile;
        await _accessors.SetIntakeAsync(step.Context, intake with { Profile = profile, CountOrAge = null }, cancellationToken);
        return await step.EndDialogAsync(cancellationToken: cancellationToken);
    }

    private async Task<bool> IsAnsweredAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var intake = await _accessors.GetIntakeAsync(prompt.Context, cancellationToken);
        return prompt.Recognized.Value is not null
            && intake.CountOrAge is { } number
            && _interpreter.ReadCountOrAge(prompt.Context, number) is not null;
    }
}
