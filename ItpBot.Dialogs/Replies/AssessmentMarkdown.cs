using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Writes the opening of an <see cref="Assessment"/> for one audience, in the order a clinician acts: the bottom
/// line, the safety-critical alerts, the answer to the question asked, today's steps, then the first choice and why
/// (or, in an emergency, the treatments given together). It stays within <see cref="ReaderWords.OpeningLimit"/>
/// words; alternatives, full dosing, response rates, safety steps, interactions and the rest come on request
/// (<see cref="AssessmentDetails"/>). Each text cites only its own references, numbered in order of reading.
/// </summary>
internal sealed class AssessmentMarkdown(ReplyTexts texts, TherapyDisplayNames names)
{
    private const string EmergencySign = "\U0001F6A8";
    internal const string AlertSign = "\u26A0\uFE0F";
    private const string TalkSign = "\U0001F4AC";
    private const int CompactNames = 4;

    // Lower is kept first when words run short (OpeningBudget.Always is always kept).
    private const int Safety = 1;
    private const int Steps = 2;
    private const int Detail = 3;
    private const int Reasons = 4;
    private const int Pointers = 5;
    private const int Context = 6;

    public IReadOnlyList<string> Write(Assessment assessment, Conversation.Addressee to) => Write(assessment, to, out _);

    /// <param name="cites">The numbering the opening used, so a later list of every reference can keep it.</param>
    public IReadOnlyList<string> Write(Assessment assessment, Conversation.Addressee to, out CitationNumbers cites)
    {
        ArgumentNullException.ThrowIfNull(to);
        var audience = to.Audience;
        var filter = new AudienceFilter(audience, to);
        var labels = texts.Labels.For(audience);
        var plan = texts.Plan.For(audience);
        var budget = new OpeningBudget(assessment.References);
        var emergency = assessment.Urgency == Urgency.Emergency;

        if (emergency) EmergencyLead(budget, assessment, audience, labels);
        BottomLine(budget, assessment, audience, filter, labels, plan, emergency);
        foreach (var alert in AssessmentParts.LeadAlerts(assessment))
        {
            var text = filter.Text(alert.Text);
            if (text is null) continue;
            var first = FirstSentence.Of(text);
            budget.Paragraph(Safety, Detail,
                c => $"{AlertSign} {MarkdownText.Escape(text)}{c.Cite(alert.Citations)}",
                c => first is null ? null : $"{AlertSign} {MarkdownText.Escape(first)}{c.Cite(alert.Citations)}");
        }
        Question(budget, assessment, filter, plan);
        Today(budget, assessment, filter, plan);

        if (emergency) EmergencyOptions(budget, assessment, filter, labels);
        else FirstChoice(budget, assessment, filter, labels, plan, audience);

        if (assessment.Options.Count == 0) budget.Paragraph(OpeningBudget.Always, _ => $"**{MarkdownText.Escape(labels.NoOptions)}**");
        // Every name to avoid, however many; in pregnancy, or where contraception matters, as surely as the alerts.
        var reproductive = assessment.Alerts.Any(alert => alert.Code is AlertCodes.Pregnancy or AlertCodes.Contraception);
        budget.Paragraph(reproductive ? Safety : Pointers, _ => NamesLine(labels.Avoid, assessment.Avoid.Select(avoided => avoided.Therapy).ToList(), int.MaxValue));
        budget.Paragraph(Pointers, _ => MarkdownBlocks.Labelled(plan.AlsoCheck,
            string.Join(", ", AssessmentParts.OtherAlerts(assessment).Select(alert => texts.AlertName(alert.Code)).Distinct())));
        budget.Paragraph(Context, _ => MarkdownBlocks.Labelled(labels.Missing, string.Join(", ", assessment.Missing.Select(texts.FieldName))));
        if (filter.IsPatient) budget.Paragraph(OpeningBudget.Always, _ => $"{TalkSign} **{MarkdownText.Escape(texts.HaematologistPointerFor(to))}**");
        budget.Paragraph(OpeningBudget.Always, _ => More(assessment, audience, plan));

        cites = new CitationNumbers(assessment.References);
        var blocks = budget.Write(cites).ToList();
        if (cites.Used.Count > 0) blocks.Add(References(labels, cites));
        return blocks;
    }

    /// <summary>The references list under its label, numbered as cited.</summary>
    internal static string References(SectionLabels labels, CitationNumbers cites) =>
        $"**{MarkdownText.Escape(labels.References)}:**{MarkdownBlocks.Separator}{cites.ReferenceList()}";

    private void EmergencyLead(OpeningBudget budget, Assessment assessment, Audience audience, SectionLabels labels)
    {
        var now = MarkdownText.Escape(texts.UrgencyText(Urgency.Emergency, audience));
        var combination = AssessmentParts.EmergencyCombination(assessment);
        if (combination.Count == 0)
        {
            budget.Paragraph(OpeningBudget.Always, _ => $"{EmergencySign} **{now}**");
            return;
        }

        var treatment = MarkdownText.Escape(names.Combination(combination.Select(option => option.Therapy)));
        var ids = combination.SelectMany(option => option.TextCitations.Count > 0 ? option.CitationsOf(option.Summary) : option.Citations).ToList();
        var label = MarkdownText.Escape(labels.EmergencyTreatment);
        if (audience == Audience.Patient)
        {
            budget.Paragraph(OpeningBudget.Always, _ => $"{EmergencySign} **{now}**");
            budget.Paragraph(OpeningBudget.Always, c => $"**{label}:** {treatment}{c.Cite(ids)}");
        }
        else
        {
            budget.Paragraph(OpeningBudget.Always, c => $"{EmergencySign} **{now} {label}: {treatment}**{c.Cite(ids)}");
        }
    }

    private void BottomLine(OpeningBudget budget, Assessment assessment, Audience audience, AudienceFilter filter,
        SectionLabels labels, PlanLabels plan, bool emergency)
    {
        var bottomLine = filter.Text(assessment.BottomLine);
        var urgency = $"**{MarkdownText.Escape(labels.Urgency)}:** {MarkdownText.Escape(texts.UrgencyText(assessment.Urgency, audience))}";
        if (bottomLine is not null) budget.Paragraph(OpeningBudget.Always, _ => MarkdownBlocks.Labelled(plan.BottomLine, bottomLine));
        // Without a bottom line the urgency leads; a patient is told how soon to act in words of their own either way.
        if (emergency) return;
        if (bottomLine is null) budget.Paragraph(OpeningBudget.Always, _ => urgency);
        else if (filter.IsPatient) budget.Paragraph(Safety, _ => urgency);
    }

    private void Question(OpeningBudget budget, Assessment assessment, AudienceFilter filter, PlanLabels plan)
    {
        if (AssessmentParts.Question(assessment) is not { } decision || filter.Text(decision.Answer) is not { } answer) return;
        var reasons = filter.Texts(decision.Reasons);
        var first = FirstSentence.Of(answer);
        budget.Paragraph(Safety, Detail,
            c => $"{Label(plan.Question)} {MarkdownText.Escape(WithReasons(answer, reasons, all: false))}{c.Cite(decision.Citations)}",
            c => $"{Label(plan.Question)} {MarkdownText.Escape(answer)}{c.Cite(decision.Citations)}",
            c => first is null ? null : $"{Label(plan.Question)} {MarkdownText.Escape(first)}{c.Cite(decision.Citations)}");
    }

    private static void Today(OpeningBudget budget, Assessment assessment, AudienceFilter filter, PlanLabels plan)
    {
        var list = budget.List(Label(plan.Today));
        var answer = filter.Text(AssessmentParts.Question(assessment)?.Answer);
        var bottomLine = filter.Text(assessment.BottomLine) ?? "";
        foreach (var step in assessment.Today)
        {
            // A step the answer to the question already says, with the same sources, is not said twice; one the
            // bottom line already says (without sources) is kept only if words remain.
            if (filter.Text(step.Action) is not { } action || action == answer) continue;
            var reasons = filter.Texts(step.Reasons);
            list.Item(bottomLine.Contains(action.TrimEnd('.'), StringComparison.Ordinal) ? Pointers : Steps,
                c => $"- {MarkdownText.Escape(WithReasons(action, reasons, all: true))}{c.Cite(step.Citations)}",
                c => $"- {MarkdownText.Escape(WithReasons(action, reasons, all: false))}{c.Cite(step.Citations)}",
                c => $"- {MarkdownText.Escape(action)}{c.Cite(step.Citations)}");
        }
    }

    /// <summary>"Action: first reason; second reason." The reasons are the action's own, so its citations cover them.</summary>
    internal static string WithReasons(string action, IReadOnlyList<string> reasons, bool all)
    {
        if (reasons.Count == 0) return action;
        var shown = all ? string.Join("; ", reasons.Select(reason => reason.TrimEnd('.'))) : reasons[0].TrimEnd('.');
        return $"{action.TrimEnd('.', ':')}: {shown}.";
    }

    private void EmergencyOptions(OpeningBudget budget, Assessment assessment, AudienceFilter filter, SectionLabels labels)
    {
        var list = budget.List(Label(labels.EmergencyOptions));
        foreach (var option in AssessmentParts.EmergencyCombination(assessment))
        {
            var name = $"**{MarkdownText.Escape(names.Name(option.Therapy))}**";
            var summary = filter.Text(option.Summary);
            var dosing = filter.IsPatient ? null : filter.Text(option.Dosing);
            list.Item(Steps,
                c => dosing is null ? null : $"- {name} \u2014 {MarkdownText.Escape(dosing)}{c.Cite(option.CitationsOf(option.Dosing))}",
                c => summary is null ? null : $"- {name} \u2014 {MarkdownText.Escape(summary)}{c.Cite(option.CitationsOf(option.Summary))}",
                c => $"- {name}{(option.TextCitations.Count > 0 ? "" : c.Cite(option.Citations))}");
        }
    }

    private void FirstChoice(OpeningBudget budget, Assessment assessment, AudienceFilter filter, SectionLabels labels,
        PlanLabels plan, Audience audience)
    {
        if (AssessmentParts.FirstChoice(assessment) is not { } first) return;
        var title = $"**{MarkdownText.Escape($"{labels.FirstChoice}: {names.Name(first.Therapy)}")}**";
        // Without per-text citations the heading carries the option's; with them each sentence carries its own.
        var perText = first.TextCitations.Count > 0;
        var summary = filter.Text(first.Summary);
        budget.Paragraph(Steps,
            c => summary is null ? null : $"{title}{(perText ? "" : c.Cite(first.Citations))}{MarkdownBlocks.Separator}{MarkdownText.Escape(summary)}{c.Cite(first.CitationsOf(first.Summary))}",
            c => $"{title}{(perText ? "" : c.Cite(first.Citations))}");
        if (filter.IsPatient) budget.Paragraph(Reasons, _ => $"_{MarkdownText.Escape(texts.PatientHints.FirstChoice)}_");

        var why = budget.List(Label(labels.Why));
        var favoured = Favoured(first.Fit, texts.Fit.For(audience));
        if (favoured is not null) why.Item(Detail, _ => $"- {MarkdownText.Escape($"{plan.WhyFavoured} {favoured}.")}");
        foreach (var reason in first.Rationale)
        {
            if (filter.Text(reason) is not { } text) continue;
            why.Item(Reasons, c => $"- {MarkdownText.Escape(RationaleText.WithoutRuleName(text))}{c.Cite(first.CitationsOf(reason))}");
        }

        // The dose for this patient (the content works it out from the weight when it is known).
        if (!filter.IsPatient && !string.IsNullOrWhiteSpace(first.Dosing))
        {
            var cited = first.CitationsOf(first.Dosing);
            budget.Paragraph(Detail,
                DoseSentences.Forms(first.Dosing).Select<string, Func<CitationNumbers, string?>>(dose =>
                    c => MarkdownBlocks.Labelled(labels.Dosing, dose, c.Cite(cited))).ToArray());
        }
        var before = budget.List(Label(plan.BeforeStarting));
        var today = assessment.Today.Select(step => step.Action).ToHashSet(StringComparer.Ordinal);
        foreach (var step in first.OnStart.Where(step => !today.Contains(step)))
        {
            if (filter.Text(step) is { } text) before.Item(Detail, c => $"- {MarkdownText.Escape(text)}{c.Cite(first.CitationsOf(step))}");
        }
        budget.Paragraph(Pointers, _ => NamesLine(labels.Alternatives,
            AssessmentParts.Others(assessment).Where(option => option.Role is OptionRole.Alternative or OptionRole.FirstChoice)
                .Select(option => option.Therapy).ToList(), CompactNames));
    }

    /// <summary>"efficacy, durability and safety for this patient", or null when no criterion favours it.</summary>
    internal static string? Favoured(OptionFit? fit, FitTexts words) => JoinWords(Criteria(fit, words, FitGrade.Favours));

    internal static IReadOnlyList<string> Criteria(OptionFit? fit, FitTexts words, FitGrade grade)
    {
        if (fit is null) return [];
        var criteria = new (FitGrade Grade, string Word)[]
        {
            (fit.Efficacy, words.Efficacy), (fit.Durability, words.Durability), (fit.Onset, words.Onset),
            (fit.Burden, words.Burden), (fit.Safety, words.Safety), (fit.Preference, words.Preference),
        };
        return criteria.Where(criterion => criterion.Grade == grade).Select(criterion => criterion.Word).ToList();
    }

    internal static string? JoinWords(IReadOnlyList<string> words) => words.Count switch
    {
        0 => null,
        1 => words[0],
        _ => $"{string.Join(", ", words.Take(words.Count - 1))} and {words[^1]}",
    };

    /// <summary>"**Avoid now:** A, B, C, D, …": names only; the reasons are one question away.</summary>
    private string? NamesLine(string label, IReadOnlyList<string> therapies, int most)
    {
        if (therapies.Count == 0) return null;
        var shown = therapies.Take(most).Select(names.Name).ToList();
        return MarkdownBlocks.Labelled(label, string.Join(", ", shown) + (therapies.Count > most ? ", \u2026" : "."));
    }

    private string More(Assessment assessment, Audience audience, PlanLabels plan)
    {
        // The details without a button of their own (the buttons name the rest).
        var topics = AssessmentParts.Topics(assessment).Where(topic => !FollowUpActions.Offered.Contains(topic))
            .Select(topic => texts.FollowUp(topic, audience).Title).ToList();
        return topics.Count == 0 ? "" : $"_{MarkdownText.Escape(plan.More)}: {MarkdownText.Escape(string.Join(" \u00B7 ", topics))}_";
    }

    private static string Label(string label) => $"**{MarkdownText.Escape(label)}:**";
}
