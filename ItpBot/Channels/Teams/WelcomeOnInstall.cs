using BotChannels = Microsoft.Bot.Connector.Channels;
using Microsoft.Bot.Schema;

namespace ItpBot.Channels.Teams;

/// <summary>
/// When to welcome. Teams announces one install twice, an installationUpdate (action "add") and a conversationUpdate
/// that adds the bot, in either order and possibly at the same moment; welcoming on both greets the user twice.
/// So on msteams the installationUpdate alone welcomes, and a conversationUpdate that adds the bot does not. That is
/// a rule on the activity, not on stored state, so it holds for simultaneous arrivals and greets again after a
/// reinstall. Other channels (Web Chat, Direct Line, the Emulator) send only the conversationUpdate.
/// </summary>
public static class WelcomeOnInstall
{
    /// <summary>The people to welcome for a conversationUpdate: those added, except the bot, unless Teams welcomes on install.</summary>
    public static IReadOnlyList<ChannelAccount> MembersToWelcome(IConversationUpdateActivity activity)
    {
        var botId = activity.Recipient?.Id;
        var added = activity.MembersAdded ?? [];
        if (activity.ChannelId == BotChannels.Msteams && added.Any(member => member.Id == botId))
        {
            return [];
        }

        return [.. added.Where(member => member.Id != botId)];
    }

    /// <summary>True for a fresh install; false for an upgrade ("add-upgrade"), which should not greet again.</summary>
    public static bool IsNewInstall(IInstallationUpdateActivity activity) =>
        string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase);
}
