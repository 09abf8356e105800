using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks for one value of type <typeparamref name="T"/> and ends with it. Start it with
/// <see cref="DialogContext.PromptAsync"/>. Unrecognised or invalid answers get the retry prompt; with
/// <see cref="PromptOptions.MaxAttempts"/> set, the last attempt also offers "Skip" and "Cancel", and the prompt
/// ends with a <see cref="PromptGaveUp"/> result instead of a value when the user takes the way out or runs out of
/// attempts.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private const string AttemptCountKey = "attemptCount";
    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        _validator = validator;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"{Id} must be started with PromptOptions.", nameof(options));
        CheckOptions(promptOptions);

        var state = dc.ActiveDialog!.State;
        StoredPromptOptions.Write(state, promptOptions);
        state[AttemptCountKey] = 0;
        await OnPromptAsync(dc.Context, state, promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var state = dc.ActiveDialog!.State;
        var options = OptionsOf(state);
        var failedAttempts = state.GetValue<int>(AttemptCountKey);
        var attempt = failedAttempts + 1;

        if (IsLastAttempt(options, failedAttempts) && PromptWayOut.Recognize(dc.Context.Activity.Text) is { } wayOut)
        {
            return await dc.EndDialogAsync(new PromptGaveUp(Id, wayOut, attempt), cancellationToken).ConfigureAwait(false);
        }

        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);
        var isValid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, options, attempt), cancellationToken).ConfigureAwait(false);

        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        state[AttemptCountKey] = attempt;
        if (options.MaxAttempts is int max && attempt >= max)
        {
            return await dc.EndDialogAsync(new PromptGaveUp(Id, GaveUpReason.MaxAttemptsReached, attempt), cancellationToken).ConfigureAwait(false);
        }

        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, state, options, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <summary>A dialog started on top of the prompt has ended: ask again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        OnPromptAsync(turnContext, instance.State, OptionsOf(instance.State), isRetry: false, cancellationToken);

    /// <summary>Sends the prompt (or the retry prompt) with its choices, adding the way-out buttons on the last attempt.</summary>
    protected virtual async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var text = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        var wayOut = IsLastAttempt(options, state.GetValue<int>(AttemptCountKey)) ? PromptWayOut.Choices : null;
        var activity = ChoiceFactory.Render(text, ChoicesToShow(options), options.Style ?? ListStyle.SuggestedAction, wayOut);
        if (activity is not null)
        {
            await turnContext.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
        }
    }

    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The choices shown as buttons or a list; by default <see cref="PromptOptions.Choices"/>.</summary>
    protected virtual IList<Choice>? ChoicesToShow(PromptOptions options) => options.Choices;

    /// <summary>Throws if the options cannot work with this prompt (a choice prompt without choices, say).</summary>
    protected virtual void CheckOptions(PromptOptions options)
    {
        if (options.MaxAttempts is < 1)
        {
            throw new ArgumentException("MaxAttempts must be at least 1.", nameof(options));
        }
    }

    private static bool IsLastAttempt(PromptOptions options, int failedAttempts) =>
        options.MaxAttempts is int max && failedAttempts + 1 >= max;

    private static PromptOptions OptionsOf(IDictionary<string, object> state) => StoredPromptOptions.Read(state);
}
