using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.CdsHooks;

/// <summary>
/// The full assessment behind a card's link, as one self-contained HTML page rendered on the server (no script, so
/// the host's script policy is kept): the case as read from the record, then the whole assessment.
/// </summary>
public static class AssessmentPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Render(KnowledgeBase knowledge, PatientProfile profile, IReadOnlyList<string> notMapped, Assessment assessment)
    {
        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ItpBot assessment</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.4}")
            .Append("h2{border-bottom:1px solid #ccc}dt{font-weight:600}.critical{color:#a00}</style></head><body>")
            .Append("<h1>ITP assessment</h1><p>ItpBot supports, and does not replace, clinical judgement. Content version ")
            .Append(Html.Encode(assessment.ContentVersion)).Append(".</p>");

        if (!string.IsNullOrWhiteSpace(assessment.BottomLine)) Section(page, "Bottom line", [assessment.BottomLine]);
        page.Append("<p><strong>Urgency:</strong> ").Append(Html.Encode(Json(assessment.Urgency)))
            .Append(" · <strong>Bleeding risk:</strong> ").Append(Html.Encode(Json(assessment.BleedingRisk)));
        if (assessment.Phase is { } phase) page.Append(" · <strong>Phase:</strong> ").Append(Html.Encode(Json(phase)));
        page.Append("</p>");

        Section(page, "Alerts", assessment.Alerts.Select(a => a.Text));
        Section(page, "Today", assessment.Today.Select(t => t.Action));
        Section(page, "Decisions", assessment.Decisions.Select(d => d.Answer));

        page.Append("<h2>Options, best first</h2>");
        foreach (var option in assessment.Options)
        {
            page.Append("<h3>").Append(option.Rank).Append(". ").Append(Html.Encode(CardText.TherapyName(knowledge, option.Therapy)))
                .Append(" <small>(").Append(Html.Encode(Json(option.Role))).Append(")</small></h3><p>").Append(Html.Encode(option.Summary)).Append("</p><dl>");
            Item(page, "Why", option.Rationale);
            Item(page, "Dosing", option.Dosing is null ? [] : [option.Dosing]);
            Item(page, "Onset", option.Onset is null ? [] : [option.Onset]);
            Item(page, "Response", option.ResponseRates);
            Item(page, "Cautions", option.Cautions);
            Item(page, "On starting", option.OnStart);
            Item(page, "On stopping", option.OnStop);
            page.Append("</dl>");
        }
        Section(page, "Avoid", assessment.Avoid.Select(a => $"{CardText.TherapyName(knowledge, a.Therapy)}: {a.Reason}"));
        Section(page, "Interactions", assessment.Interactions.Select(i => $"{string.Join(" + ", i.Drugs)} ({i.Severity}): {i.Text}"));

        page.Append("<h2>The case, as read from the record</h2><pre>")
            .Append(Html.Encode(JsonSerializer.Serialize(profile, new JsonSerializerOptions(ContractJson.Options) { WriteIndented = true })))
            .Append("</pre>");
        Section(page, "Not read from the record", notMapped);
        Section(page, "Would change the answer if known", assessment.Missing);
        Section(page, "References", assessment.References.Select(r => $"[{r.Id}] {r.Title}. {r.Publisher}, {r.Year}."));
        page.Append("</body></html>");
        return page.ToString();
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ContractJson.Options).Trim('"');

    private static void Section(StringBuilder page, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        page.Append("<h2>").Append(Html.Encode(title)).Append("</h2><ul>");
        foreach (var item in list) page.Append("<li>").Append(Html.Encode(item)).Append("</li>");
        page.Append("</ul>");
    }

    private static void Item(StringBuilder page, string term, IEnumerable<string> items)
    {
        foreach (var item in items) page.Append("<dt>").Append(Html.Encode(term)).Append("</dt><dd>").Append(Html.Encode(item)).Append("</dd>");
    }
}
