using System.Globalization;
using System.Text;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Numbers reference ids in order of first use while a reply is written, so that [1], [2]... in the text and the
/// references list at the end always agree. Ids that name no known reference are left out rather than numbered.
/// </summary>
internal sealed class CitationNumbers
{
    private readonly Dictionary<string, Reference> known;
    private readonly List<Reference> used = [];
    private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);

    public CitationNumbers(IEnumerable<Reference> references)
    {
        known = new Dictionary<string, Reference>(StringComparer.Ordinal);
        foreach (var reference in references) known.TryAdd(reference.Id, reference);
    }

    /// <summary>References in citation order: the n-th entry is [n].</summary>
    public IReadOnlyList<Reference> Used => used;

    public bool IsKnown(string id) => known.ContainsKey(id);

    public bool IsNumbered(string id) => numbers.ContainsKey(id);

    /// <summary>" [1][2]" for the given ids (numbering new ones), or "" when none is known.</summary>
    public string Cite(IEnumerable<string> ids)
    {
        // Called for nearly every line of a reply, most with no or one citation: no set and no builder until needed.
        if (ids is IReadOnlyCollection<string> { Count: 0 }) return string.Empty;
        StringBuilder? marks = null;
        List<string>? seen = null;
        foreach (var id in ids)
        {
            seen ??= [];
            if (seen.Contains(id, StringComparer.Ordinal)) continue;
            seen.Add(id);
            var number = Number(id);
            if (number is not null) (marks ??= new StringBuilder(" ")).Append(CultureInfo.InvariantCulture, $"[{number}]");
        }
        return marks is null ? string.Empty : marks.ToString();
    }

    public int? Number(string id)
    {
        if (numbers.TryGetValue(id, out var number)) return number;
        if (!known.TryGetValue(id, out var reference)) return null;
        used.Add(reference);
        numbers[id] = used.Count;
        return used.Count;
    }

    /// <summary>The numbered references list, one Markdown list item per reference.</summary>
    public string ReferenceList()
    {
        var list = new StringBuilder();
        for (var i = 0; i < used.Count; i++)
        {
            var reference = used[i];
            if (i > 0) list.Append('\n');
            list.Append(CultureInfo.InvariantCulture,
                $"{i + 1}. {MarkdownText.Escape(reference.Title)}. {MarkdownText.Escape(reference.Publisher)}, {reference.Year}.");
            if (Uri.TryCreate(reference.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                list.Append(' ').Append(MarkdownText.Link(url.Host, url.AbsoluteUri));
            }
        }
        return list.ToString();
    }
}
