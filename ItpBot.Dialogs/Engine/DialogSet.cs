using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Engine;

/// <summary>A named collection of dialogs that can be started on one stack.</summary>
public sealed class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    /// <param name="dialogState">Where the stack lives; null for the inner set of a <see cref="ComponentDialog"/>.</param>
    public DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null)
    {
        _dialogState = dialogState;
    }

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with the id '{dialog.Id}' is already in this set.", nameof(dialog));
        }

        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>
    /// Loads the stack for this turn. A stack stored by an older, incompatible build is emptied, and
    /// <see cref="DialogContext.StateWasReset"/> tells the root dialog so it can say so politely.
    /// </summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (_dialogState is null)
        {
            throw new InvalidOperationException("This DialogSet was created without a state accessor; it can only be used inside a ComponentDialog.");
        }

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        var wasReset = false;
        if (!state.IsCurrentVersion)
        {
            state.Reset();
            wasReset = true;
        }

        // Storage that writes no type names hands back JSON, which the accessor converts to a fresh copy on every
        // read; setting it back makes this turn's changes land in the copy that gets saved.
        await _dialogState.SetAsync(turnContext, state, cancellationToken).ConfigureAwait(false);

        return new DialogContext(this, turnContext, state) { StateWasReset = wasReset };
    }
}
