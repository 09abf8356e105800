using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>What a turn's replies mean: which question was asked, whether an assessment came, what it carries.</summary>
internal static class ConversationAssert
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    private static ConversationTexts Texts => ConversationTexts.Default;

    public static string Question(IntakeField field, Audience audience = Audience.Clinician) => Texts.Question(field, audience);

    public static string Retry(IntakeField field) => Texts.PromptFor(field, Audience.Clinician, IntakeDialog.MaxAttempts).RetryPrompt!.Text;

    /// <summary>
    /// The turn ends by asking <paramref name="field"/>: its own question, or, where the field is asked in one breath
    /// with others of its group still wanted, the question of exactly that part of the group (never another field's).
    /// </summary>
    public static void Asks(IReadOnlyList<IMessageActivity> replies, IntakeField field, Audience audience = Audience.Clinician)
    {
        Assert.NotEmpty(replies);
        var asking = AskingsOf(field).FirstOrDefault(asked => Texts.Question(asked, audience) == replies[^1].Text);
        Assert.Equal(asking is null ? Question(field, audience) : Texts.Question(asking, audience), replies[^1].Text);
    }

    /// <summary>Every question that asks <paramref name="field"/>: its own, and each part of its group that holds it.</summary>
    private static IEnumerable<IReadOnlyList<IntakeField>> AskingsOf(IntakeField field)
    {
        yield return [field];
        if (ItpBot.Dialogs.Conversation.Fields.FieldRegistry.GroupOf(field) is not { } group)
        {
            yield break;
        }

        for (var mask = 1; mask < 1 << group.Fields.Count; mask++)
        {
            var asked = group.Fields.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            if (asked.Count >= 2 && asked.Contains(field))
            {
                yield return asked;
            }
        }
    }

    /// <summary>The turn ends by asking these fields in one breath (a question group, or the part of one still wanted).</summary>
    public static void AsksTogether(IReadOnlyList<IMessageActivity> replies, Audience audience, params IntakeField[] fields)
    {
        Assert.NotEmpty(replies);
        Assert.Equal(Texts.Question(fields, audience), replies[^1].Text);
    }

    public static void Retries(IReadOnlyList<IMessageActivity> replies, IntakeField field)
    {
        var retry = Assert.Single(replies);
        Assert.Equal(Retry(field), retry.Text);
    }

    public static bool IsCaseSummary(IMessageActivity reply) =>
        reply.Text?.StartsWith($"**{Texts.Messages.CaseHeading.Clinician}**", StringComparison.Ordinal) == true
        || reply.Text?.StartsWith($"**{Texts.Messages.CaseHeading.Patient}**", StringComparison.Ordinal) == true;

    /// <summary>The turn ends with the case back for confirmation; returns its "Label: value" lines.</summary>
    public static IReadOnlyList<string> ShowsCaseSummary(IReadOnlyList<IMessageActivity> replies)
    {
        Assert.NotEmpty(replies);
        Assert.True(IsCaseSummary(replies[^1]), $"expected the case summary, got: {replies[^1].Text}");
        return replies[^1].Text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
    }

    /// <summary>
    /// An assessment: Markdown with the first choice and a references list, the Adaptive Card 1.5 on the first
    /// message, and the suggested actions alone on the last message, without attachments.
    /// </summary>
    public static AssessmentSeen ShowsAssessment(IReadOnlyList<IMessageActivity> replies, Audience audience = Audience.Clinician)
    {
        var withCard = replies.Where(r => r.Attachments?.Any(a => a.ContentType == CardContentType) == true).ToList();
        var cardMessage = Assert.Single(withCard);
        var card = JObject.FromObject(cardMessage.Attachments.Single().Content);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);

        var actions = replies[^1];
        Assert.NotSame(cardMessage, actions);
        Assert.True(actions.Attachments is null || actions.Attachments.Count == 0, "suggested actions share a message with attachments");
        Assert.NotNull(actions.SuggestedActions);
        Assert.NotEmpty(actions.SuggestedActions.Actions);

        var firstIndex = replies.ToList().IndexOf(cardMessage);
        var markdown = string.Join("\n\n", replies.Skip(firstIndex).Take(replies.Count - 1 - firstIndex).Select(r => r.Text));
        var labels = ReplyTexts.Default.Labels.For(audience);
        Assert.Contains($"**{labels.References}:**", markdown);
        Assert.Matches(@"\n1\. \S", markdown[markdown.IndexOf($"**{labels.References}:**", StringComparison.Ordinal)..]);
        return new AssessmentSeen(markdown, card, actions.SuggestedActions.Actions.ToList());
    }

    public static bool IsAssessment(IReadOnlyList<IMessageActivity> replies) =>
        replies.Any(r => r.Attachments?.Any(a => a.ContentType == CardContentType) == true);
}

internal sealed record AssessmentSeen(string Markdown, JObject Card, IReadOnlyList<CardAction> Actions)
{
    public string CardText => string.Join("\n", Card.Descendants().OfType<JProperty>()
        .Where(p => p.Name is "text" or "title" or "value" && p.Value.Type == JTokenType.String)
        .Select(p => (string)p.Value!));
}
