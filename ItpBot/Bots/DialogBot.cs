using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Bots;

/// <summary>CoreBot's DialogBot: runs the main dialog on every message and saves state after every turn.</summary>
public class DialogBot<T>(ConversationAccessors accessors, T dialog) : ActivityHandler
    where T : Dialog
{
    protected ConversationAccessors Accessors { get; } = accessors;

    protected T Dialog { get; } = dialog;

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);

        await Accessors.ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await Accessors.UserState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        Dialog.RunAsync(turnContext, Accessors.DialogState, cancellationToken);
}
