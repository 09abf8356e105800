using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Channels.Teams;

/// <summary>
/// In Teams team and group chats a user must @mention the bot, so the text arrives as "&lt;at&gt;ItpBot&lt;/at&gt; new patient"
/// with a mention entity. The bot's own mention is not part of what the clinician said: remove it before the dialogs
/// read the text. Mentions of other people stay (they may be the subject of the message).
/// </summary>
public sealed class RemoveMentionMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity is { Type: ActivityTypes.Message } activity)
        {
            activity.Text = WithoutRecipientMention(activity);
        }

        await next(cancellationToken);
    }

    /// <summary>The message text without the bot's @mention(s), whitespace tidied; the text unchanged when the bot is not mentioned.</summary>
    public static string? WithoutRecipientMention(IMessageActivity activity)
    {
        var text = activity.Text;
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(botId))
        {
            return text;
        }

        var mentionTexts = activity.GetMentions()
            .Where(m => m.Mentioned?.Id == botId)
            .Select(m => string.IsNullOrEmpty(m.Text) ? $"<at>{m.Mentioned.Name}</at>" : m.Text)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (mentionTexts.Count == 0)
        {
            return text;
        }

        // A literal replace, not Regex: a display name may contain characters that mean something in a pattern.
        foreach (var mention in mentionTexts)
        {
            text = text.Replace(mention, " ", StringComparison.OrdinalIgnoreCase);
        }

        return TidyWhitespace(text);
    }

    private static string TidyWhitespace(string text)
    {
        // Teams puts a non-breaking space after the mention; line breaks inside the message are meaningful, keep them.
        var lines = text.Replace("&nbsp;", " ", StringComparison.Ordinal).Replace('\u00A0', ' ').Split('\n');
        return string.Join('\n', lines.Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)))).Trim();
    }
}
