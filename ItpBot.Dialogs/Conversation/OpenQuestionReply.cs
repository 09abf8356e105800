using System.Text.RegularExpressions;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Replies;
using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;
using ItpBot.Knowledge.Reasoning;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Conversation;

/// <summary>How an open question was answered.</summary>
/// <param name="KeepForPlan">The question is about this case's plan, asked before the plan: kept in the profile's question.</param>
public sealed record OpenAnswer(IMessageActivity Reply, bool Covered, bool KeepForPlan = false);

/// <summary>
/// A question the question reader could not place, answered honestly: from this case's own assessment (the
/// answer to the profile's question, a procedure's target count), else from the content on the therapy it names;
/// otherwise it is "not covered", with what is covered. A question the content answers is never called not covered.
/// </summary>
public sealed partial class OpenQuestionReply(
    ITreatmentAdvisor advisor, IClinicalQuestions questions, AnswerReply answerReply, TherapyRecognizer therapies, ConversationTexts texts)
{
    public OpenAnswer Render(string question, PatientProfile profile, Audience audience, bool afterAssessment) =>
        Render(question, profile, new Addressee(audience), afterAssessment);

    /// <param name="to">A caregiver is pointed to the patient's haematologist, not "your".</param>
    public OpenAnswer Render(string question, PatientProfile profile, Addressee to, bool afterAssessment)
    {
        ArgumentNullException.ThrowIfNull(to);
        var audience = to.Audience;
        var normalized = UnderstandingText.Normalize(question);
        var procedure = FieldReaders.Procedure(question);
        var asked = profile with
        {
            Audience = audience,
            Question = question,
            UpcomingProcedure = procedure is null ? profile.UpcomingProcedure : true,
            Procedure = procedure ?? profile.Procedure,
        };
        var assessment = advisor.Assess(asked);
        var decision = assessment.Decisions.FirstOrDefault(d => d.Topic == DecisionTopic.Question)
            ?? (procedure is not null ? assessment.Decisions.FirstOrDefault(d => d.Topic == DecisionTopic.ProcedureCount) : null);
        if (decision is not null)
        {
            return new(Cited(decision.Answer, decision.Reasons.Select(r => (r, (IReadOnlyList<string>)[])).ToList(), decision.Citations, assessment.References, audience), true);
        }

        if (procedure is not null && ProcedureAnswer(asked, audience) is { } procedureReply)
        {
            return new(procedureReply, true);
        }

        if (NextStep().IsMatch(normalized))
        {
            return afterAssessment
                ? new(PlanAnswer(assessment, audience), true)
                : new(MessageFactory.Text(texts.Say(texts.Messages.QuestionForPlan, to)), true, KeepForPlan: true);
        }

        // "low platelets" names no transfusion: only a question about transfusing counts as asking about it.
        var ids = therapies.FindAll(normalized).SelectMany(m => m.TherapyIds).Distinct()
            .Where(id => id != TherapyIds.PlateletTransfusion || normalized.Contains("transfus", StringComparison.Ordinal))
            .ToList();
        if (ids.Count is > 0 and <= 2
            && questions.Answer(new ClinicalQuestion(ids.Count == 2 ? QuestionKind.Comparison : QuestionKind.Overview, ids, null, profile.WeightKg, audience)) is { } answer)
        {
            return new(answerReply.Render(answer, to), true);
        }

        return new(MessageFactory.Text(texts.Say(texts.Messages.NoAnswer, to)), false);
    }

    /// <summary>
    /// The content's words on a procedure, as the assessment states them for this case with the procedure set. The
    /// target count is a fact about procedures, not about this patient's count, so when this count needs no rescue
    /// the case is asked again without it.
    /// </summary>
    private IMessageActivity? ProcedureAnswer(PatientProfile asked, Audience audience)
    {
        foreach (var probe in new[] { asked, asked with { PlateletCount = null } })
        {
            var assessment = advisor.Assess(probe);
            var found = assessment.Decisions.Where(d => d.Topic == DecisionTopic.ProcedureCount).Select(d => (Text: d.Answer, Citations: d.Citations))
                .Concat(assessment.Today.Select(t => (Text: t.Action, Citations: t.Citations)))
                .Concat(assessment.Options.SelectMany(o => o.Rationale.Select(r => (Text: r, Citations: o.CitationsOf(r)))))
                .Concat(assessment.Alerts.Select(a => (Text: a.Text, Citations: a.Citations)))
                .Where(t => ProcedureWords().IsMatch(t.Text.ToLowerInvariant()))
                .Select(t => (RationaleText.WithoutRuleName(t.Text), t.Citations))
                .DistinctBy(t => t.Item1)
                .ToList();
            if (found.Count > 0)
            {
                return Cited(null, found, [], assessment.References, audience);
            }
        }

        return null;
    }

    private static IMessageActivity PlanAnswer(Assessment assessment, Audience audience)
    {
        if (assessment.BottomLine is { Length: > 0 } bottomLine)
        {
            return MessageFactory.Text(MarkdownText.Escape(bottomLine));
        }

        var first = assessment.Options.FirstOrDefault(o => o.Role == OptionRole.FirstChoice) ?? assessment.Options.FirstOrDefault();
        return first is null
            ? MessageFactory.Text(MarkdownText.Escape(string.Join(" ", assessment.Alerts.Select(a => a.Text))))
            : Cited(null, [(first.Summary, first.Citations)], [], assessment.References, audience);
    }

    private static IMessageActivity Cited(
        string? heading, IReadOnlyList<(string Text, IReadOnlyList<string> Citations)> points, IReadOnlyList<string> headingCitations, IReadOnlyList<Reference> references, Audience audience)
    {
        var citations = new CitationNumbers(references);
        var lines = new List<string>();
        if (heading is not null)
        {
            lines.Add($"**{MarkdownText.Escape(heading)}**{citations.Cite(headingCitations)}");
        }

        lines.AddRange(points.Select(p => "- " + MarkdownText.Escape(p.Text) + citations.Cite(p.Citations)));
        var list = citations.ReferenceList();
        var label = MarkdownText.Escape(ReplyTexts.Default.Labels.For(audience).References);
        var body = string.Join("\n", lines);
        return MessageFactory.Text(string.IsNullOrEmpty(list) ? body : $"{body}\n\n**{label}:**\n\n{list}");
    }

    [GeneratedRegex(@"\b(?:procedures?|surgery|surgical|operation|delivery|dental|epidural|neuraxial|spinal|lumbar puncture)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProcedureWords();

    [GeneratedRegex(@"\b(?:what (?:to do|now|next|should|would|do (?:we|i|you))|next (?:step|line|option|treatment)s?|what are (?:the|my|her|his|their) options|options (?:after|now|left)|" +
                    @"after (?:\S+ ){0,4}(?:fail\w*|relapse\w*|not work\w*)|recommend\w*|best (?:option|treatment|next)|where (?:do|to) (?:we|i) go)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NextStep();
}
