using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ItpBot.Channels.DirectLine;

/// <summary>
/// Hands activities from the local Direct Line to the bot, one turn at a time per conversation.
/// </summary>
public sealed class LocalDirectLineBot(LocalDirectLineAdapter adapter, TimeProvider time, IOptions<DirectLineOptions> options)
{
    public ChannelAccount BotAccount => new(options.Value.BotId, options.Value.BotName, RoleTypes.Bot);

    /// <summary>Tells the bot the user joined, as Azure Direct Line does when a conversation starts: the bot's welcome.</summary>
    public Task StartAsync(LocalConversation conversation, string? locale, IBot bot, CancellationToken cancellationToken)
    {
        var user = new ChannelAccount(conversation.UserId, role: RoleTypes.User);
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = $"{conversation.Id}|start",
            From = user,
            MembersAdded = [BotAccount, user],
            Locale = locale,
        };
        return DeliverAsync(conversation, update, bot, cancellationToken);
    }

    /// <summary>Runs one bot turn for an activity the user posted (already numbered and kept in the conversation).</summary>
    public async Task DeliverAsync(LocalConversation conversation, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        activity.ChannelId = LocalDirectLine.ChannelId;
        activity.ServiceUrl = LocalConnectorFactory.ServiceUrl;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.Recipient = BotAccount;
        activity.Timestamp ??= time.GetUtcNow();

        await conversation.TurnGate.WaitAsync(cancellationToken);
        try
        {
            await adapter.RunTurnAsync(activity, bot, cancellationToken);
        }
        finally
        {
            conversation.TurnGate.Release();
        }
    }
}
