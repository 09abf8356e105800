using System.Text.RegularExpressions;
using ItpBot.Knowledge.Content;

namespace ItpBot.Knowledge.Loading;

/// <summary>Collects problems while the content is read, and builds cited texts that are checked on the way.</summary>
internal sealed partial class ContentProblems(IReadOnlySet<string> referenceIds)
{
    private readonly List<ContentProblem> _problems = [];

    public bool Any => _problems.Count > 0;

    public void Add(string file, string entry, string field, string problem) =>
        _problems.Add(new ContentProblem(file, entry, field, problem));

    public void ThrowIfAny()
    {
        if (_problems.Count > 0) throw new KnowledgeContentException(_problems.ToList());
    }

    public string Required(string? value, string file, string entry, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(file, entry, field, "is required");
            return string.Empty;
        }
        return value.Trim();
    }

    public double Range(double? value, double min, double max, string file, string entry, string field)
    {
        if (value is not { } v)
        {
            Add(file, entry, field, "is required");
            return min;
        }
        if (double.IsNaN(v) || v < min || v > max)
            Add(file, entry, field, $"must be between {min} and {max} (was {v})");
        return v;
    }

    public IReadOnlyList<string> Citations(List<string>? citations, string file, string entry, string field)
    {
        if (citations is null || citations.Count == 0)
        {
            Add(file, entry, field, "needs at least one citation");
            return [];
        }
        for (var i = 0; i < citations.Count; i++)
        {
            if (!referenceIds.Contains(citations[i]))
                Add(file, entry, $"{field}[{i}]", $"cites unknown reference '{citations[i]}'");
        }
        return citations.Distinct(StringComparer.Ordinal).ToList();
    }

    public CitedText Text(string? text, string? patient, List<string>? citations, bool uncertain,
        string file, string entry, string field)
    {
        var clinician = Required(text, file, entry, field + ".text");
        var cited = Citations(citations, file, entry, field + ".citations");
        var patientText = string.IsNullOrWhiteSpace(patient) ? null : patient.Trim();
        if (uncertain)
        {
            // [?] facts must never read as settled, wherever they are shown.
            clinician = "Uncertain: " + clinician;
            if (patientText is not null) patientText = "Uncertain: " + patientText;
        }
        return new CitedText(clinician, patientText, cited, uncertain);
    }

    public CitedText Text(TextDoc? doc, string file, string entry, string field)
    {
        if (doc is null)
        {
            Add(file, entry, field, "is required");
            return new CitedText(string.Empty, null, []);
        }
        return Text(doc.Text, doc.Patient, doc.Citations, doc.Uncertain, file, entry, field);
    }

    public T Enum<T>(string? value, string file, string entry, string field) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(file, entry, field, "is required");
            return default;
        }
        if (System.Enum.TryParse<T>(KebabToPascal().Replace(value.Trim(), m => m.Groups[1].Value.ToUpperInvariant()),
                ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
            return parsed;
        Add(file, entry, field, $"unknown value '{value}'");
        return default;
    }

    public void Unique(IEnumerable<string?> ids, string file, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (id is not null && !seen.Add(id)) Add(file, id, field, $"duplicate id '{id}'");
        }
    }

    [GeneratedRegex("-([a-z])")]
    private static partial Regex KebabToPascal();
}
