using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Writes an <see cref="Assessment"/> as Markdown blocks for one audience, numbering citations in order of use.
/// Routine and prompt assessments lead with the urgency and the first choice in detail; emergencies lead with
/// the unmistakable instruction and detail the options given together, the others in short.
/// </summary>
internal sealed class AssessmentMarkdown(ReplyTexts texts, TherapyDisplayNames names)
{
    private const string EmergencySign = "\U0001F6A8";
    private const string AlertSign = "\u26A0\uFE0F";
    private const string TalkSign = "\U0001F4AC";

    public IReadOnlyList<string> Write(Assessment assessment, Audience audience)
    {
        var filter = new AudienceFilter(audience);
        var labels = texts.Labels.For(audience);
        var cites = new CitationNumbers(assessment.References);
        var blocks = new List<string?>();

        if (assessment.Urgency == Urgency.Emergency)
        {
            blocks.AddRange(EmergencyLead(assessment, audience, labels, cites));
            blocks.Add(Status(assessment, labels));
            var combination = EmergencyCombination(assessment);
            if (combination.Count > 0) blocks.Add($"**{MarkdownText.Escape(labels.EmergencyOptions)}:**");
            foreach (var option in combination) blocks.AddRange(OptionDetails(option, filter, labels, cites, heading: null));
            blocks.AddRange(OtherOptions(assessment.Options.Except(combination).ToList(), labels, filter, cites, emergency: true));
        }
        else
        {
            blocks.Add($"**{MarkdownText.Escape(labels.Urgency)}:** {MarkdownText.Escape(texts.UrgencyText(assessment.Urgency, audience))}");
            blocks.Add(Status(assessment, labels));
            var first = FirstChoice(assessment);
            if (first is not null)
            {
                blocks.AddRange(OptionDetails(first, filter, labels, cites, labels.FirstChoice));
                blocks.AddRange(OtherOptions(assessment.Options.Where(option => !ReferenceEquals(option, first)).ToList(),
                    labels, filter, cites, emergency: false));
            }
        }

        if (assessment.Options.Count == 0) blocks.Add($"**{MarkdownText.Escape(labels.NoOptions)}**");
        blocks.Add(Avoid(assessment, filter, labels, cites));
        blocks.Add(Alerts(assessment, filter, labels, cites));
        blocks.Add(Missing(assessment, labels));
        if (filter.IsPatient) blocks.Add($"{TalkSign} **{MarkdownText.Escape(texts.HaematologistPointer)}**");
        blocks.Add(References(labels, cites));
        return blocks.OfType<string>().Where(block => block.Length > 0).ToList();
    }

    /// <summary>The option the reply is built around: the first with the first-choice role, else the best ranked.</summary>
    public static TreatmentOption? FirstChoice(Assessment assessment) =>
        assessment.Options.FirstOrDefault(option => option.Role == OptionRole.FirstChoice) ?? assessment.Options.FirstOrDefault();

    /// <summary>In an emergency the options given together: first-choice and rescue roles, else all of them.</summary>
    public static IReadOnlyList<TreatmentOption> EmergencyCombination(Assessment assessment)
    {
        var combined = assessment.Options.Where(option => option.Role is OptionRole.FirstChoice or OptionRole.Rescue).ToList();
        return combined.Count > 0 ? combined : assessment.Options;
    }

    private IEnumerable<string?> EmergencyLead(Assessment assessment, Audience audience, SectionLabels labels, CitationNumbers cites)
    {
        var now = texts.UrgencyText(Urgency.Emergency, audience);
        var combination = EmergencyCombination(assessment);
        if (combination.Count == 0)
        {
            yield return $"{EmergencySign} **{MarkdownText.Escape(now)}**";
            yield break;
        }

        var treatment = MarkdownText.Escape(names.Combination(combination.Select(option => option.Therapy)));
        var citations = cites.Cite(combination.SelectMany(option =>
            option.TextCitations.Count > 0 ? option.CitationsOf(option.Summary) : option.Citations));
        if (audience == Audience.Patient)
        {
            yield return $"{EmergencySign} **{MarkdownText.Escape(now)}**";
            yield return $"**{MarkdownText.Escape(labels.EmergencyTreatment)}:** {treatment}{citations}";
        }
        else
        {
            yield return $"{EmergencySign} **{MarkdownText.Escape(now)} {MarkdownText.Escape(labels.EmergencyTreatment)}: {treatment}**{citations}";
        }
    }

    private string Status(Assessment assessment, SectionLabels labels) =>
        $"**{MarkdownText.Escape(labels.BleedingRisk)}:** {MarkdownText.Escape(texts.BleedingRiskName(assessment.BleedingRisk))}" +
        $" \u00B7 **{MarkdownText.Escape(labels.Phase)}:** {MarkdownText.Escape(texts.PhaseName(assessment.Phase))}";

    private IEnumerable<string?> OptionDetails(
        TreatmentOption option, AudienceFilter filter, SectionLabels labels, CitationNumbers cites, string? heading)
    {
        var name = names.Name(option.Therapy);
        var title = heading is null ? name : $"{heading}: {name}";
        // With per-text citations each sentence carries its own; otherwise the heading carries them all.
        var perText = option.TextCitations.Count > 0;
        yield return $"**{MarkdownText.Escape(title)}**{(perText ? "" : cites.Cite(option.Citations))}";
        if (heading is not null && filter.IsPatient) yield return $"_{MarkdownText.Escape(texts.PatientHints.FirstChoice)}_";
        var summary = filter.Text(option.Summary);
        if (summary is not null) yield return MarkdownText.Escape(summary) + cites.Cite(option.CitationsOf(option.Summary));
        yield return CitedBullets(labels.Why, option, option.Rationale, filter, cites, RationaleText.WithoutRuleName);
        if (!filter.IsPatient) yield return MarkdownBlocks.Labelled(labels.Dosing, option.Dosing, cites.Cite(option.CitationsOf(option.Dosing)));
        yield return CitedBullets(labels.Response, option, option.ResponseRates, filter, cites);
        var onset = filter.Text(option.Onset);
        yield return MarkdownBlocks.Labelled(labels.Onset, onset, onset is null ? "" : cites.Cite(option.CitationsOf(option.Onset)));
        yield return CitedBullets(labels.Cautions, option, option.Cautions, filter, cites);
    }

    /// <summary>A labelled bullet list of an option's texts for the audience, each followed by its own citations.</summary>
    private static string? CitedBullets(string label, TreatmentOption option, IEnumerable<string> originals,
        AudienceFilter filter, CitationNumbers cites, Func<string, string>? shown = null)
    {
        var items = new List<string>();
        foreach (var original in originals)
        {
            var text = filter.Text(original);
            if (text is null) continue;
            items.Add(MarkdownText.Escape(shown is null ? text : shown(text)) + cites.Cite(option.CitationsOf(original)));
        }
        return MarkdownBlocks.List(label, items, numbered: false);
    }

    /// <summary>The options not detailed, short and grouped by role (a second first choice reads as an alternative).</summary>
    /// <param name="emergency">
    /// Outside emergencies later options are named only: at the bedside they are a pointer (the user can ask about
    /// any), and the long refractory lists' summaries and citations would double the reply without changing what is
    /// done now. In an emergency the few later options say when to add them, so they keep their summaries, and the
    /// patient hint for alternatives says they may be used instead or as well, not "if the first one stops working".
    /// </param>
    private IEnumerable<string?> OtherOptions(IReadOnlyList<TreatmentOption> others, SectionLabels labels,
        AudienceFilter filter, CitationNumbers cites, bool emergency)
    {
        var hints = filter.IsPatient ? texts.PatientHints : null;
        var alternativesHint = emergency ? hints?.EmergencyAlternatives ?? hints?.Alternatives : hints?.Alternatives;
        yield return OptionGroup(labels.Alternatives, alternativesHint, others, OptionRole.Alternative, OptionRole.FirstChoice, filter, cites);
        yield return OptionGroup(labels.Later, hints?.Later, others, OptionRole.Later, null, filter, cites, nameOnly: !emergency);
        yield return OptionGroup(labels.Rescue, hints?.Rescue, others, OptionRole.Rescue, null, filter, cites);
    }

    private string? OptionGroup(string label, string? hint, IEnumerable<TreatmentOption> options, OptionRole role, OptionRole? alsoRole,
        AudienceFilter filter, CitationNumbers cites, bool nameOnly = false)
    {
        var items = options.Where(option => option.Role == role || option.Role == alsoRole)
            .Select(option => nameOnly
                ? $"**{MarkdownText.Escape(names.Name(option.Therapy))}**"
                : ShortOption(option, filter, cites)).ToList();
        return MarkdownBlocks.List(label, items, numbered: role == OptionRole.Alternative, hint);
    }

    private string ShortOption(TreatmentOption option, AudienceFilter filter, CitationNumbers cites)
    {
        var summary = filter.Text(option.Summary);
        var line = $"**{MarkdownText.Escape(names.Name(option.Therapy))}**";
        if (summary is not null) line += $" \u2014 {MarkdownText.Escape(summary)}";
        // A one-line mention cites what its summary rests on, not every source behind the full option.
        return line + cites.Cite(option.TextCitations.Count > 0 ? option.CitationsOf(option.Summary) : option.Citations);
    }

    private string? Avoid(Assessment assessment, AudienceFilter filter, SectionLabels labels, CitationNumbers cites)
    {
        var items = assessment.Avoid.Select(avoided =>
        {
            var line = $"**{MarkdownText.Escape(names.Name(avoided.Therapy))}**";
            var reason = filter.Text(avoided.Reason);
            if (reason is not null) line += $" \u2014 {MarkdownText.Escape(reason)}";
            return line + cites.Cite(avoided.Citations);
        }).ToList();
        return MarkdownBlocks.List(labels.Avoid, items, numbered: false, filter.IsPatient ? texts.PatientHints.Avoid : null);
    }

    private static string? Alerts(Assessment assessment, AudienceFilter filter, SectionLabels labels, CitationNumbers cites)
    {
        var items = assessment.Alerts
            .Select(alert => (Text: filter.Text(alert.Text), alert.Citations))
            .Where(alert => alert.Text is not null)
            .Select(alert => $"{AlertSign} {MarkdownText.Escape(alert.Text)}{cites.Cite(alert.Citations)}")
            .ToList();
        return MarkdownBlocks.List(labels.Alerts, items, numbered: false);
    }

    private string? Missing(Assessment assessment, SectionLabels labels) =>
        MarkdownBlocks.Labelled(labels.Missing, string.Join(", ", assessment.Missing.Select(texts.FieldName)));

    private static string? References(SectionLabels labels, CitationNumbers cites) =>
        cites.Used.Count == 0 ? null : $"**{MarkdownText.Escape(labels.References)}:**{MarkdownBlocks.Separator}{cites.ReferenceList()}";
}
