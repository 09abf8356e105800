using System.Text;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.CdsHooks;

/// <summary>Markdown and summary helpers shared by the patient-view and order-check cards.</summary>
public static class CardText
{
    public const int MaxSummary = 140;

    /// <summary>At most 140 characters, cut at a word with an ellipsis.</summary>
    public static string Summary(string text)
    {
        var clean = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length <= MaxSummary) return clean;
        var cut = clean.LastIndexOf(' ', MaxSummary - 1);
        return clean[..(cut > 40 ? cut : MaxSummary - 1)].TrimEnd(',', ';', ':') + "…";
    }

    /// <summary>The first sentence of a text.</summary>
    public static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? text[..(end + 1)] : text;
    }

    /// <summary>Escapes what GitHub-flavoured Markdown would read as markup or HTML.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '#' or '|') builder.Append('\\').Append(c);
            else if (c == '<') builder.Append("&lt;");
            else if (c == '>') builder.Append("&gt;");
            else builder.Append(c);
        }
        return builder.ToString();
    }

    public static string Number(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A "Sources" line naming each cited reference once.</summary>
    public static string Sources(KnowledgeBase knowledge, IEnumerable<string> citations)
    {
        var references = citations.Distinct(StringComparer.Ordinal)
            .Select(id => knowledge.References.TryGetValue(id, out var r) ? r : null)
            .OfType<Reference>()
            .Select(r => $"{Escape(r.Title)} ({Escape(r.Publisher)} {r.Year})")
            .ToList();
        return references.Count == 0 ? string.Empty : "Sources: " + string.Join("; ", references) + ".";
    }

    public static string TherapyName(KnowledgeBase knowledge, string id) =>
        knowledge.TryGetTherapy(id, out var therapy) ? therapy.Name : id;

    public static CdsSource Source(KnowledgeBase knowledge, string label) => new()
    {
        Label = $"{label} (ITP content {knowledge.ContentVersion})",
        Topic = new CdsCoding("urn:itpbot:cds-topic", "itp-decision-support", "Immune thrombocytopenia decision support"),
    };
}
