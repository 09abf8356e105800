using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Conversation;

/// <summary>Deletes everything stored for this user and this conversation. The host decides where that lives.</summary>
public interface IForgetMe
{
    Task ForgetAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
