using ItpBot.Knowledge.Model;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Puts an assessment's Markdown, its card and its follow-up actions into activities: the text (split if long)
/// with the card on its first message, then a separate attachment-free message with the suggested actions.
/// </summary>
internal sealed class AssessmentMessages
{
    private readonly AssessmentMarkdown markdown;
    private readonly AssessmentCard card;
    private readonly FollowUpActions actions;
    private readonly AssessmentDetails details;

    public AssessmentMessages(ReplyTexts texts, TherapyDisplayNames names)
    {
        markdown = new AssessmentMarkdown(texts, names);
        card = new AssessmentCard(texts, names);
        actions = new FollowUpActions(texts, names);
        details = new AssessmentDetails(texts, names, markdown);
    }

    public IReadOnlyList<IMessageActivity> Create(Assessment assessment, Conversation.Addressee to)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(to);
        var chunks = MessageChunks.Split(markdown.Write(assessment, to));
        var messages = new List<IMessageActivity>(chunks.Count + 1);
        for (var i = 0; i < chunks.Count; i++)
        {
            var message = MarkdownMessage.Create(chunks[i]);
            if (i == 0) message.Attachments = [card.Create(assessment, to)];
            messages.Add(message);
        }
        messages.Add(actions.Create(assessment, to.Audience));
        return messages;
    }

    public string Markdown(Assessment assessment, Conversation.Addressee to) =>
        MarkdownBlocks.Join(markdown.Write(assessment, to));

    /// <summary>One detail of the assessment, with the other details and questions offered again on its last message.</summary>
    public IReadOnlyList<IMessageActivity> Details(Assessment assessment, AssessmentTopic topic, Conversation.Addressee to)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(to);
        var audience = to.Audience;
        var chunks = MessageChunks.Split([details.Write(assessment, topic, to)]);
        var messages = chunks.Select(MarkdownMessage.Create).ToList();
        messages[^1].SuggestedActions = new SuggestedActions { Actions = actions.Actions(assessment, audience, shown: topic) };
        messages[^1].InputHint = InputHints.ExpectingInput;
        return messages;
    }

    public string DetailsMarkdown(Assessment assessment, AssessmentTopic topic, Conversation.Addressee to) =>
        details.Write(assessment, topic, to);
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
