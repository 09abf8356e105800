using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using BotChannels = Microsoft.Bot.Connector.Channels;

namespace ItpBot.Channels.Teams;

/// <summary>
/// A Teams client does not show suggested actions on a message that has attachments: the buttons silently vanish.
/// On msteams such a message is sent as two: the text with its attachments, then the buttons on a message of their own.
/// </summary>
public sealed class SuggestedActionsSeparatorMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public const string ButtonsText = "Choose an option, or type your own answer.";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity?.ChannelId == BotChannels.Msteams)
        {
            turnContext.OnSendActivities(async (_, activities, sendNext) =>
            {
                var separated = activities.SelectMany(Separate).ToList();
                activities.Clear();
                activities.AddRange(separated);
                return await sendNext();
            });
        }

        await next(cancellationToken);
    }

    /// <summary>The activity itself, or the message without its buttons followed by the buttons alone.</summary>
    public static IEnumerable<Activity> Separate(Activity activity)
    {
        if (activity.Type != ActivityTypes.Message || activity.Attachments is not { Count: > 0 } || activity.SuggestedActions?.Actions is not { Count: > 0 })
        {
            return [activity];
        }

        var buttons = activity.SuggestedActions;
        activity.SuggestedActions = null;
        var follow = MessageFactory.Text(ButtonsText);
        follow.SuggestedActions = buttons;
        follow.ReplyToId = activity.ReplyToId;
        follow.Conversation = activity.Conversation;
        follow.From = activity.From;
        follow.Recipient = activity.Recipient;
        follow.ServiceUrl = activity.ServiceUrl;
        follow.ChannelId = activity.ChannelId;
        follow.Locale = activity.Locale;
        follow.InputHint = activity.InputHint;
        activity.InputHint = InputHints.IgnoringInput;
        return [activity, follow];
    }
}
