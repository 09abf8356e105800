using ItpBot.Knowledge.Model;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Puts an assessment's Markdown, its card and its follow-up actions into activities: the text (split if long)
/// with the card on its first message, then a separate attachment-free message with the suggested actions.
/// </summary>
internal sealed class AssessmentMessages(ReplyTexts texts, TherapyDisplayNames names)
{
    private readonly AssessmentMarkdown markdown = new(texts, names);
    private readonly AssessmentCard card = new(texts, names);
    private readonly FollowUpActions actions = new(texts, names);

    public IReadOnlyList<IMessageActivity> Create(Assessment assessment, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var chunks = MessageChunks.Split(markdown.Write(assessment, audience));
        var messages = new List<IMessageActivity>(chunks.Count + 1);
        for (var i = 0; i < chunks.Count; i++)
        {
            var message = MarkdownMessage.Create(chunks[i]);
            if (i == 0) message.Attachments = [card.Create(assessment, audience)];
            messages.Add(message);
        }
        messages.Add(actions.Create(assessment, audience));
        return messages;
    }

    public string Markdown(Assessment assessment, Audience audience) =>
        MarkdownBlocks.Join(markdown.Write(assessment, audience));
}

/// <summary>A message whose text every channel renders as Markdown.</summary>
internal static class MarkdownMessage
{
    public static IMessageActivity Create(string markdown)
    {
        var message = MessageFactory.Text(markdown, inputHint: InputHints.AcceptingInput);
        message.TextFormat = TextFormatTypes.Markdown;
        return message;
    }
}
