using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// One part of an assessment the opening leaves for later, written when the reader asks for it (a suggested action
/// or a question): alternatives, dosing, response, safety steps, interactions, what to avoid, decisions, references.
/// Each reply numbers its own citations and ends with its own references, and each text cites only its own sources.
/// </summary>
internal sealed class AssessmentDetails(ReplyTexts texts, TherapyDisplayNames names, AssessmentMarkdown opening)
{
    public string Write(Assessment assessment, AssessmentTopic topic, Conversation.Addressee to)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(to);
        var audience = to.Audience;
        var labels = texts.Labels.For(audience);
        var plan = texts.Plan.For(audience);
        var filter = new AudienceFilter(audience, to);
        var cites = new CitationNumbers(assessment.References);
        var blocks = new List<string?> { $"**{MarkdownText.Escape(texts.FollowUp(topic, audience).Title)}**" };

        if (topic == AssessmentTopic.References)
        {
            // Numbered as the opening numbered them, then the rest: [n] means the same source in both replies.
            opening.Write(assessment, audience, out cites);
            foreach (var reference in assessment.References) cites.Number(reference.Id);
            blocks.Add(cites.Used.Count == 0 ? null : cites.ReferenceList());
        }
        else
        {
            blocks.AddRange(topic switch
            {
                AssessmentTopic.Today => [Today(assessment, filter, cites)],
                AssessmentTopic.Alternatives => Alternatives(assessment, filter, labels, plan, audience, cites),
                AssessmentTopic.Dosing => PerOption(assessment, option => option.Dosing is { } dosing && !string.IsNullOrWhiteSpace(dosing)
                    ? [$"{MarkdownText.Escape(dosing)}{cites.Cite(option.CitationsOf(dosing))}"] : []),
                AssessmentTopic.Response => PerOption(assessment, option => Response(option, filter, labels, cites)),
                AssessmentTopic.Safety => Safety(assessment, filter, labels, plan, cites),
                AssessmentTopic.Interactions => Interactions(assessment, filter, plan, cites),
                AssessmentTopic.Avoid => [Avoid(assessment, filter, labels, cites)],
                AssessmentTopic.Decisions => Decisions(assessment, filter, audience, cites),
                _ => [],
            });
            if (cites.Used.Count > 0) blocks.Add(AssessmentMarkdown.References(labels, cites));
        }

        if (blocks.Count(block => !string.IsNullOrWhiteSpace(block)) == 1) blocks.Add(MarkdownText.Escape(plan.Nothing));
        return MarkdownBlocks.Join(blocks);
    }

    private static string? Today(Assessment assessment, AudienceFilter filter, CitationNumbers cites) =>
        List(assessment.Today.Select(step => filter.Text(step.Action) is { } action
            ? $"{MarkdownText.Escape(AssessmentMarkdown.WithReasons(action, filter.Texts(step.Reasons), all: true))}{cites.Cite(step.Citations)}"
            : null));

    private IEnumerable<string?> Alternatives(Assessment assessment, AudienceFilter filter, SectionLabels labels, PlanLabels plan,
        Audience audience, CitationNumbers cites)
    {
        var others = AssessmentParts.Others(assessment);
        var hints = filter.IsPatient ? texts.PatientHints : null;
        var emergency = assessment.Urgency == Urgency.Emergency;
        var alternativesHint = emergency ? hints?.EmergencyAlternatives ?? hints?.Alternatives : hints?.Alternatives;
        yield return Group(labels.Alternatives, alternativesHint, others, [OptionRole.Alternative, OptionRole.FirstChoice], numbered: true);
        yield return Group(labels.Later, hints?.Later, others, [OptionRole.Later], numbered: false);
        yield return Group(labels.Rescue, hints?.Rescue, others, [OptionRole.Rescue], numbered: false);

        string? Group(string label, string? hint, IEnumerable<TreatmentOption> options, OptionRole[] roles, bool numbered) =>
            MarkdownBlocks.List(label, options.Where(option => roles.Contains(option.Role))
                .Select(option => ShortOption(option, filter, plan, audience, cites)).ToList(), numbered, hint);
    }

    /// <summary>"**Name** — summary [n]. In favour: efficacy and onset; against: burden."</summary>
    private string ShortOption(TreatmentOption option, AudienceFilter filter, PlanLabels plan, Audience audience, CitationNumbers cites)
    {
        var line = $"**{MarkdownText.Escape(names.Name(option.Therapy))}**";
        var summary = filter.Text(option.Summary);
        if (summary is not null) line += $" \u2014 {MarkdownText.Escape(summary)}";
        line += cites.Cite(option.TextCitations.Count > 0 ? option.CitationsOf(option.Summary) : option.Citations);
        var words = texts.Fit.For(audience);
        var fit = new[]
        {
            (plan.InFavour, AssessmentMarkdown.JoinWords(AssessmentMarkdown.Criteria(option.Fit, words, FitGrade.Favours))),
            (plan.Against, AssessmentMarkdown.JoinWords(AssessmentMarkdown.Criteria(option.Fit, words, FitGrade.Against))),
        }.Where(part => part.Item2 is not null).Select(part => $"{part.Item1}: {part.Item2}").ToList();
        return fit.Count == 0 ? line : $"{line} _{MarkdownText.Escape(string.Join("; ", fit))}._";
    }

    private static IEnumerable<string> Response(TreatmentOption option, AudienceFilter filter, SectionLabels labels, CitationNumbers cites)
    {
        foreach (var rate in option.ResponseRates)
        {
            if (filter.Text(rate) is { } text) yield return $"{MarkdownText.Escape(text)}{cites.Cite(option.CitationsOf(rate))}";
        }
        if (filter.Text(option.Onset) is { } onset)
        {
            yield return $"{MarkdownText.Escape($"{labels.Onset}: {onset}")}{cites.Cite(option.CitationsOf(option.Onset))}";
        }
    }

    /// <summary>Every option with what it has to say on this topic: its name in bold, then its lines.</summary>
    private IEnumerable<string?> PerOption(Assessment assessment, Func<TreatmentOption, IEnumerable<string>> lines)
    {
        foreach (var option in assessment.Options)
        {
            var items = lines(option).ToList();
            if (items.Count == 0) continue;
            yield return $"**{MarkdownText.Escape(names.Name(option.Therapy))}:**{MarkdownBlocks.Separator}{string.Join("\n", items.Select(item => $"- {item}"))}";
        }
    }

    private IEnumerable<string?> Safety(Assessment assessment, AudienceFilter filter, SectionLabels labels, PlanLabels plan, CitationNumbers cites)
    {
        // Every alert, those of the opening too: the opening may have given only their first sentence.
        yield return MarkdownBlocks.List(labels.Alerts, assessment.Alerts
            .Select(alert => filter.Text(alert.Text) is { } text ? $"{AssessmentMarkdown.AlertSign} {MarkdownText.Escape(text)}{cites.Cite(alert.Citations)}" : null)
            .OfType<string>().ToList(), numbered: false);
        foreach (var option in assessment.Options)
        {
            var parts = new[]
            {
                Steps(plan.BeforeStarting, option.OnStart), Steps(plan.OnStop, option.OnStop), Steps(labels.Cautions, option.Cautions),
            }.OfType<string>().ToList();
            if (parts.Count > 0) yield return $"**{MarkdownText.Escape(names.Name(option.Therapy))}**{MarkdownBlocks.Separator}{string.Join(MarkdownBlocks.Separator, parts)}";

            string? Steps(string label, IReadOnlyList<string> steps) => MarkdownBlocks.List(label, steps
                .Select(step => filter.Text(step) is { } text ? $"{MarkdownText.Escape(text)}{cites.Cite(option.CitationsOf(step))}" : null)
                .OfType<string>().ToList(), numbered: false);
        }
    }

    private static IEnumerable<string?> Interactions(Assessment assessment, AudienceFilter filter, PlanLabels plan, CitationNumbers cites)
    {
        yield return List(assessment.Interactions.Select(interaction => filter.Text(interaction.Text) is { } text
            ? $"**{MarkdownText.Escape(string.Join(" + ", interaction.Drugs))}** ({MarkdownText.Escape(interaction.Severity)}): {MarkdownText.Escape(text)}{cites.Cite(interaction.Citations)}"
            : null));
        yield return MarkdownBlocks.Labelled(plan.UnrecognisedDrugs, string.Join(", ", assessment.UnrecognisedDrugs));
    }

    private string? Avoid(Assessment assessment, AudienceFilter filter, SectionLabels labels, CitationNumbers cites) =>
        MarkdownBlocks.List(labels.Avoid, assessment.Avoid.Select(avoided =>
        {
            // The citations are the reason's: a name shown without its reason cites nothing.
            var line = $"**{MarkdownText.Escape(names.Name(avoided.Therapy))}**";
            return filter.Text(avoided.Reason) is { } reason ? $"{line} \u2014 {MarkdownText.Escape(reason)}{cites.Cite(avoided.Citations)}" : line;
        }).ToList(), numbered: false, filter.IsPatient ? texts.PatientHints.Avoid : null);

    private IEnumerable<string?> Decisions(Assessment assessment, AudienceFilter filter, Audience audience, CitationNumbers cites)
    {
        foreach (var decision in assessment.Decisions)
        {
            if (filter.Text(decision.Answer) is not { } answer) continue;
            var heading = $"**{MarkdownText.Escape(texts.DecisionTopic(decision.Topic, audience))}:** {MarkdownText.Escape(answer)}{cites.Cite(decision.Citations)}";
            var reasons = filter.Texts(decision.Reasons).Select(reason => $"- {MarkdownText.Escape(reason)}").ToList();
            yield return reasons.Count == 0 ? heading : $"{heading}\n{string.Join("\n", reasons)}";
        }
    }

    private static string? List(IEnumerable<string?> items)
    {
        var lines = items.OfType<string>().Select(item => $"- {item}").ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }
}
