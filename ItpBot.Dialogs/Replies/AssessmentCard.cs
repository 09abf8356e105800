using ItpBot.Knowledge.Model;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// The at-a-glance summary of an <see cref="Assessment"/> as an Adaptive Card 1.5 (plain JSON: the AdaptiveCards
/// package is not available), in the order of the text: bottom line, answer, today, first choice, then compact
/// alternatives. Lists and texts are capped so the card stays small whatever the content holds (Teams refuses
/// large activities); the detail is in the Markdown text and the follow-ups.
/// </summary>
internal sealed class AssessmentCard(ReplyTexts texts, TherapyDisplayNames names)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";
    private const int MaxItems = 6;
    private const int MaxTextLength = 300;

    public Attachment Create(Assessment assessment, Conversation.Addressee to)
    {
        ArgumentNullException.ThrowIfNull(to);
        var audience = to.Audience;
        var filter = new AudienceFilter(audience, to);
        var labels = texts.Labels.For(audience);
        var plan = texts.Plan.For(audience);
        var body = new JArray
        {
            TextBlock(labels.CardTitle, size: "Medium", weight: "Bolder"),
            UrgencyBanner(assessment, audience),
        };

        // The same order as the text: bottom line, safety-critical alerts, the answer, today, the first choice and why.
        if (filter.Text(assessment.BottomLine) is { } bottomLine) body.Add(TextBlock(bottomLine, weight: "Bolder"));
        foreach (var alert in AssessmentParts.LeadAlerts(assessment).Take(MaxItems))
        {
            if (filter.Text(alert.Text) is { } text) body.Add(TextBlock(text, color: "Attention"));
        }
        if (AssessmentParts.Question(assessment) is { } question && filter.Text(question.Answer) is { } answer)
        {
            AddSection(body, plan.Question, [answer]);
        }
        AddSection(body, plan.Today, assessment.Today.Select(step => filter.Text(step.Action)).OfType<string>().ToList());

        var facts = new JArray();
        if (assessment.Urgency == Urgency.Emergency && assessment.Options.Count > 0)
        {
            var combination = AssessmentParts.EmergencyCombination(assessment).Select(option => option.Therapy);
            facts.Add(Fact(labels.EmergencyTreatment, names.Combination(combination)));
        }
        var first = AssessmentParts.FirstChoice(assessment);
        if (first is not null)
        {
            facts.Add(Fact(labels.FirstChoice, names.Name(first.Therapy)));
            if (AssessmentMarkdown.Favoured(first.Fit, texts.Fit.For(audience)) is { } favoured) facts.Add(Fact(labels.Why, $"{plan.WhyFavoured} {favoured}"));
            if (!filter.IsPatient && !string.IsNullOrWhiteSpace(first.Dosing)) facts.Add(Fact(labels.Dosing, first.Dosing));
        }
        facts.Add(Fact(labels.BleedingRisk, texts.BleedingRiskName(assessment.BleedingRisk)));
        facts.Add(Fact(labels.Phase, texts.PhaseName(assessment.Phase)));
        body.Add(new JObject { ["type"] = "FactSet", ["facts"] = facts, ["separator"] = true });

        // Compact: names only, the detail is one question away.
        var alternatives = AssessmentParts.Others(assessment).Select(option => names.Name(option.Therapy)).ToList();
        AddSection(body, labels.Alternatives, alternatives.Count == 0 ? [] : [string.Join(", ", alternatives.Take(MaxItems))]);
        AddSection(body, labels.Avoid, assessment.Avoid.Count == 0 ? []
            : [string.Join(", ", assessment.Avoid.Take(MaxItems).Select(avoided => names.Name(avoided.Therapy)))]);
        if (filter.IsPatient) body.Add(TextBlock(texts.HaematologistPointerFor(to), weight: "Bolder"));

        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["body"] = body,
        };
        // Built as Newtonsoft tokens directly: the SDK serialises attachments with Newtonsoft, and a detour through
        // System.Text.Json text cost a second tree and a parse per assessment.
        return new Attachment { ContentType = ContentType, Content = card };
    }

    private JObject UrgencyBanner(Assessment assessment, Audience audience)
    {
        var emergency = assessment.Urgency == Urgency.Emergency;
        return new JObject
        {
            ["type"] = "Container",
            ["style"] = assessment.Urgency switch
            {
                Urgency.Emergency => "attention",
                Urgency.Prompt => "warning",
                _ => "good",
            },
            ["items"] = new JArray
            {
                TextBlock(texts.UrgencyText(assessment.Urgency, audience), weight: "Bolder",
                    size: emergency ? "Large" : null, color: emergency ? "Attention" : null),
            },
        };
    }

    private static void AddSection(JArray body, string label, IReadOnlyList<string> items, string? color = null)
    {
        if (items.Count == 0) return;
        body.Add(TextBlock(label, weight: "Bolder", separator: true));
        foreach (var item in items.Take(MaxItems)) body.Add(TextBlock(item, color: color));
    }

    private static JObject Fact(string title, string value) =>
        new JObject { ["title"] = MarkdownText.Escape(title), ["value"] = MarkdownText.Escape(Cap(value)) };

    private static JObject TextBlock(string text, string? size = null, string? weight = null, string? color = null,
        bool separator = false)
    {
        // Card TextBlocks render a Markdown subset too, so content text is escaped as in the message.
        var block = new JObject { ["type"] = "TextBlock", ["text"] = MarkdownText.Escape(Cap(text)), ["wrap"] = true };
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (color is not null) block["color"] = color;
        if (separator) block["separator"] = true;
        return block;
    }

    private static string Cap(string text) =>
        text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength - 1), "\u2026");
}
