using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// "Forget me": deletes this user's and this conversation's state from storage and from the turn's cache, so the
/// save at the end of the turn writes nothing back.
/// </summary>
public sealed class StateForgetMe(ConversationState conversationState, UserState userState) : IForgetMe
{
    public async Task ForgetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await conversationState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await userState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }
}
