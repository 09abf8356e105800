using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using ItpBot.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ItpBot.Tests.Dialogs.Harness;

/// <summary>
/// Runs one dialog over the in-box TestAdapter with conversation and user state auto-saved to storage after every
/// turn, like botbuilder's DialogTestClient. Each client builds a NEW ConversationState and UserState; pass the
/// storage of another client to continue the conversation it started, as a restarted bot would.
/// </summary>
public sealed class DialogTestClient
{
    private readonly TestAdapter _adapter;
    private readonly BotCallbackHandler _callback;

    public DialogTestClient(string channelId, Dialog targetDialog, object? initialDialogOptions = null, IEnumerable<IMiddleware>? middlewares = null, IStorage? storage = null)
    {
        Storage = storage ?? new MemoryStorage();
        ConversationState = new ConversationState(Storage);
        UserState = new UserState(Storage);
        DialogStateAccessor = ConversationState.CreateProperty<DialogState>("DialogState");

        _adapter = new TestAdapter(channelId).Use(new AutoSaveStateMiddleware(UserState, ConversationState));
        foreach (var middleware in middlewares ?? [])
        {
            _adapter.Use(middleware);
        }

        _callback = async (turnContext, cancellationToken) =>
        {
            var dialogSet = new DialogSet(DialogStateAccessor).Add(targetDialog);
            var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken);
            StateWasReset = dc.StateWasReset;
            DialogTurnResult = await dc.ContinueDialogAsync(cancellationToken);
            if (DialogTurnResult.Status == DialogTurnStatus.Empty)
            {
                DialogTurnResult = await dc.BeginDialogAsync(targetDialog.Id, initialDialogOptions, cancellationToken);
            }
        };
    }

    public IStorage Storage { get; }

    public ConversationState ConversationState { get; }

    public UserState UserState { get; }

    public IStatePropertyAccessor<DialogState> DialogStateAccessor { get; }

    /// <summary>What the dialog stack ended the last turn with.</summary>
    public DialogTurnResult DialogTurnResult { get; private set; } = new(DialogTurnStatus.Empty);

    /// <summary>Whether the last turn found a stored stack from an older build and emptied it.</summary>
    public bool StateWasReset { get; private set; }

    /// <summary>Sends <paramref name="text"/> as the user and returns the bot's first reply, if any.</summary>
    public async Task<T?> SendActivityAsync<T>(string text, CancellationToken cancellationToken = default)
        where T : class, IActivity
    {
        await _adapter.SendTextToBotAsync(text, _callback, cancellationToken);
        return GetNextReply<T>();
    }

    /// <summary>The dialog stack as the next turn will load it: read from storage through a fresh ConversationState.</summary>
    public async Task<DialogState> ReadDialogStateAsync(CancellationToken cancellationToken = default)
    {
        var reader = new ConversationState(Storage);
        var context = new TurnContext(_adapter, (Activity)_adapter.Conversation.GetContinuationActivity());
        await reader.LoadAsync(context, force: true, cancellationToken);
        return await reader.CreateProperty<DialogState>("DialogState").GetAsync(context, () => new DialogState(), cancellationToken);
    }

    public T? GetNextReply<T>()
        where T : class, IActivity => (T?)_adapter.GetNextReply();
}
