using ItpBot.Dialogs.Conversation;
using Microsoft.Bot.Builder;

namespace ItpBot.Channels.DirectLine;

/// <summary>
/// "Forget me" on the local Direct Line: besides the bot's state, the channel's own transcript of the conversation is
/// dropped, so what was said cannot be read back with the conversation's token.
/// </summary>
public sealed class LocalTranscriptForgetMe(IForgetMe state, LocalConversations conversations) : IForgetMe
{
    public async Task ForgetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await state.ForgetAsync(turnContext, cancellationToken);
        if (turnContext.Activity.ChannelId == LocalDirectLine.ChannelId
            && turnContext.Activity.Conversation?.Id is { } conversationId
            && conversations.Find(conversationId) is { } conversation)
        {
            conversation.ForgetTranscript();
        }
    }
}
