using ItpBot.Knowledge.Model;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// The at-a-glance summary of an <see cref="Assessment"/> as an Adaptive Card 1.5 (plain JSON: the AdaptiveCards
/// package is not available). Lists and texts are capped so the card stays small whatever the content holds;
/// the full detail is in the Markdown text that travels with it.
/// </summary>
internal sealed class AssessmentCard(ReplyTexts texts, TherapyDisplayNames names)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";
    private const int MaxItems = 6;
    private const int MaxTextLength = 300;

    public Attachment Create(Assessment assessment, Audience audience)
    {
        var filter = new AudienceFilter(audience);
        var labels = texts.Labels.For(audience);
        var body = new JArray
        {
            TextBlock(labels.CardTitle, size: "Medium", weight: "Bolder"),
            UrgencyBanner(assessment, audience),
        };

        var facts = new JArray
        {
            Fact(labels.BleedingRisk, texts.BleedingRiskName(assessment.BleedingRisk)),
            Fact(labels.Phase, texts.PhaseName(assessment.Phase)),
        };
        if (assessment.Urgency == Urgency.Emergency && assessment.Options.Count > 0)
        {
            var combination = AssessmentMarkdown.EmergencyCombination(assessment).Select(option => option.Therapy);
            facts.Insert(0, Fact(labels.EmergencyTreatment, names.Combination(combination)));
        }
        var first = AssessmentMarkdown.FirstChoice(assessment);
        if (first is not null)
        {
            facts.Add(Fact(labels.FirstChoice, names.Name(first.Therapy)));
            if (!filter.IsPatient && !string.IsNullOrWhiteSpace(first.Dosing)) facts.Add(Fact(labels.Dosing, first.Dosing));
        }
        body.Add(new JObject { ["type"] = "FactSet", ["facts"] = facts });

        var alternatives = assessment.Options.Where(option => !ReferenceEquals(option, first))
            .Select(option => names.Name(option.Therapy)).ToList();
        AddSection(body, labels.Alternatives, alternatives.Count == 0 ? [] : [string.Join(", ", alternatives.Take(MaxItems))]);
        AddSection(body, labels.Avoid, assessment.Avoid.Select(avoided =>
        {
            var reason = filter.Text(avoided.Reason);
            return reason is null ? names.Name(avoided.Therapy) : $"{names.Name(avoided.Therapy)}: {reason}";
        }).ToList());
        AddSection(body, labels.Alerts, assessment.Alerts.Select(alert => filter.Text(alert.Text)).OfType<string>().ToList(),
            color: "Attention");
        if (filter.IsPatient) body.Add(TextBlock(texts.HaematologistPointer, weight: "Bolder"));

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
