using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Engine;

/// <summary>
/// A dialog made of dialogs. Its inner stack is stored in its own instance state on the outer stack, so the outer
/// stack sees one entry however deep the inner conversation goes. Override <see cref="OnContinueDialogAsync"/> to
/// intercept messages (help, cancel, questions) before the inner dialogs see them, as CoreBot's CancelAndHelpDialog does.
/// </summary>
public abstract class ComponentDialog : Dialog
{
    private const string InnerStackKey = DialogStateKeys.InnerStack;
    private readonly DialogSet _dialogs = new();

    protected ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The dialog started when this component begins; defaults to the first dialog added.</summary>
    public string? InitialDialogId { get; set; }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        var innerState = new DialogState();
        outerDc.ActiveDialog!.State[InnerStackKey] = innerState;
        var innerDc = CreateInnerDc(outerDc, innerState);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return await FinishTurnAsync(outerDc, turnResult, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateInnerDc(outerDc, InnerState(outerDc.ActiveDialog!));
        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return await FinishTurnAsync(outerDc, turnResult, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A dialog pushed on top of this component (from outside) has ended: the inner dialog is still waiting for its
    /// answer, so ask it again rather than ending the component early.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var innerDc = new DialogContext(_dialogs, turnContext, InnerState(instance));
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled)
        {
            var innerDc = new DialogContext(_dialogs, turnContext, InnerState(instance));
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public Dialog? FindDialog(string dialogId) => _dialogs.Find(dialogId);

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken = default) =>
        innerDc.BeginDialogAsync(InitialDialogId ?? throw new InvalidOperationException($"{Id} has no dialogs."), options, cancellationToken);

    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default) =>
        innerDc.ContinueDialogAsync(cancellationToken);

    /// <summary>The inner stack has finished (completed or cancelled): end this component with its result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken = default) =>
        outerDc.EndDialogAsync(result, cancellationToken);

    private static DialogState InnerState(DialogInstance instance)
    {
        instance.State.TryGetValue(InnerStackKey, out var stored);
        if (stored is DialogState state)
        {
            return state;
        }

        // Storage without type names hands the inner stack back as JSON; convert it once and keep the typed copy.
        var converted = StateValues.ConvertTo<DialogState>(stored) ?? new DialogState();
        instance.State[InnerStackKey] = converted;
        return converted;
    }

    private DialogContext CreateInnerDc(DialogContext outerDc, DialogState innerState) =>
        new(_dialogs, outerDc.Context, innerState) { Parent = outerDc };

    private async Task<DialogTurnResult> FinishTurnAsync(DialogContext outerDc, DialogTurnResult turnResult, CancellationToken cancellationToken) =>
        turnResult.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(outerDc, turnResult.Result, cancellationToken).ConfigureAwait(false);
}
