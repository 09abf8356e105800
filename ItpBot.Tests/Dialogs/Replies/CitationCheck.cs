using System.Text.RegularExpressions;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Replies;

/// <summary>
/// Reads a rendered reply the way a reviewer checks its sources: every run of citation marks is traced to the text
/// just before it (the last claim token there), and each mark must name a reference that text lists; the references
/// list must number exactly the sources cited, in order of first use.
/// </summary>
internal static partial class CitationCheck
{
    public static IReadOnlyList<string> Problems(string markdown, Assessment assessment, GeneratedAssessments source,
        TherapyDisplayNames names, string referencesLabel)
    {
        var problems = new List<string>();
        var labelAt = markdown.LastIndexOf($"**{referencesLabel}:**", StringComparison.Ordinal);
        var body = labelAt < 0 ? markdown : markdown[..labelAt];
        var numbered = labelAt < 0 ? [] : ReferenceItem().Matches(markdown[labelAt..])
            .ToDictionary(m => int.Parse(m.Groups[1].Value), m => IdOfTitle(assessment, m.Groups[2].Value));
        var allowed = AllowedByToken(assessment, source);

        var used = new List<int>();
        var previousEnd = 0;
        foreach (Match run in CitationRun().Matches(body))
        {
            var lineStart = body.LastIndexOf('\n', Math.Max(0, run.Index - 1)) + 1;
            var segment = body[Math.Max(previousEnd, lineStart)..run.Index];
            previousEnd = run.Index + run.Length;
            var numbers = Mark().Matches(run.Value).Select(m => int.Parse(m.Groups[1].Value)).ToList();
            used.AddRange(numbers);

            var tokens = Token().Matches(segment).Select(m => m.Value).Where(source.IsToken).ToList();
            IReadOnlyList<string> permitted = tokens.Count > 0 ? allowed[tokens[^1]] : NamedOptionsCitations(segment, assessment, names);
            foreach (var number in numbers)
            {
                if (!numbered.TryGetValue(number, out var id)) problems.Add($"[{number}] is not in the references list: {segment}");
                else if (!permitted.Contains(id)) problems.Add($"[{number}] ({id}) does not support: {segment.Trim()}");
            }
        }

        var firstUse = used.Distinct().ToList();
        if (!firstUse.SequenceEqual(Enumerable.Range(1, firstUse.Count))) problems.Add($"numbered out of order of use: {string.Join(",", firstUse)}");
        if (numbered.Count != firstUse.Count) problems.Add($"{numbered.Count} references listed, {firstUse.Count} cited");
        return problems;
    }

    /// <summary>Each token's permitted sources: its own text's, or, for an option without per-text citations, the option's.</summary>
    private static Dictionary<string, IReadOnlyList<string>> AllowedByToken(Assessment assessment, GeneratedAssessments source)
    {
        var allowed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var texts = new List<string?> { assessment.BottomLine };
        texts.AddRange(assessment.Alerts.Select(a => a.Text));
        texts.AddRange(assessment.Decisions.SelectMany(d => d.Reasons.Prepend(d.Answer)));
        texts.AddRange(assessment.Today.SelectMany(t => t.Reasons.Prepend(t.Action)));
        texts.AddRange(assessment.Avoid.Select(a => a.Reason));
        texts.AddRange(assessment.Interactions.Select(i => i.Text));
        foreach (var option in assessment.Options)
        {
            var optionTexts = OptionTexts(option).ToList();
            foreach (var token in optionTexts.SelectMany(t => Token().Matches(t ?? "").Select(m => m.Value)))
            {
                allowed[token] = option.TextCitations.Count > 0 ? source.CitationsOf(token) : option.Citations;
            }
        }
        foreach (var token in texts.SelectMany(t => Token().Matches(t ?? "").Select(m => m.Value)))
        {
            allowed.TryAdd(token, source.CitationsOf(token));
        }
        return allowed;
    }

    private static IEnumerable<string?> OptionTexts(TreatmentOption option) =>
        new[] { option.Summary, option.Dosing, option.Onset }
            .Concat(option.Rationale).Concat(option.ResponseRates).Concat(option.Cautions).Concat(option.OnStart).Concat(option.OnStop);

    /// <summary>A line naming options and no text of theirs (the emergency lead, a heading): their summaries' sources.</summary>
    private static IReadOnlyList<string> NamedOptionsCitations(string segment, Assessment assessment, TherapyDisplayNames names) =>
        assessment.Options.Where(option => segment.Contains(MarkdownText.Escape(names.Name(option.Therapy)), StringComparison.Ordinal))
            .SelectMany(option => option.TextCitations.Count > 0 ? option.CitationsOf(option.Summary) : option.Citations)
            .Distinct().ToList();

    private static string IdOfTitle(Assessment assessment, string item) =>
        assessment.References.FirstOrDefault(r => item.StartsWith(MarkdownText.Escape(r.Title), StringComparison.Ordinal))?.Id ?? $"unknown: {item}";

    [GeneratedRegex(@"(?:\[\d+\])+")]
    private static partial Regex CitationRun();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Mark();

    [GeneratedRegex(@"\bzq\d+\b")]
    private static partial Regex Token();

    [GeneratedRegex(@"^(\d+)\. (.*)$", RegexOptions.Multiline)]
    private static partial Regex ReferenceItem();
}
