using Microsoft.Bot.Builder;

namespace ItpBot.Storage;

/// <summary>"Forget me": removes what the bot keeps about the user and this conversation.</summary>
public interface IForgetMe
{
    Task ForgetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

/// <summary>Deletes the conversation's and the user's state from storage and from the turn's cache.</summary>
public sealed class ForgetMe(ConversationState conversationState, UserState userState) : IForgetMe
{
    public async Task ForgetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await conversationState.DeleteAsync(turnContext, cancellationToken);
        await userState.DeleteAsync(turnContext, cancellationToken);
    }
}
