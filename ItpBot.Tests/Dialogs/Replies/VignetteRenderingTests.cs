using System.Text.RegularExpressions;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;
using ItpBot.Tests.Knowledge.Vignettes;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Replies;

/// <summary>
/// The developer vignettes, assessed by the shipped content and reasoning and rendered for both audiences, read as a
/// haematologist reads the chat: a short opening with the bottom line, the answer and the safety-critical alerts;
/// every citation traced to the content's own sources for the text it follows; no number the content does not hold.
/// </summary>
public sealed partial class VignetteRenderingTests(ITestOutputHelper output)
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.LoadEmbedded();
    private static readonly TreatmentAdvisor Advisor = new(Kb);
    private static readonly TherapyDisplayNames Names = new(Kb);
    private readonly AssessmentReply reply = new(Kb);

    public static TheoryData<string, Audience> Cases()
    {
        var data = new TheoryData<string, Audience>();
        foreach (var vignette in Vignette.Load("dev-vignettes.json"))
        {
            data.Add(vignette.Id, Audience.Clinician);
            data.Add(vignette.Id, Audience.Patient);
        }
        return data;
    }

    private static Assessment Assess(string id, Audience audience) =>
        Advisor.Assess(Vignette.Load("dev-vignettes.json").Single(v => v.Id == id).Profile with { Audience = audience });

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_opening_is_short_and_carries_the_bottom_line_the_answer_and_the_safety_critical_alerts(string id, Audience audience)
    {
        var assessment = Assess(id, audience);
        var markdown = reply.Markdown(assessment, audience);
        var label = ReplyTexts.Default.Labels.For(audience).References;
        var opening = markdown.Contains($"**{label}:**", StringComparison.Ordinal) ? ReplyInspection.BeforeReferences(markdown, label) : markdown;
        var words = ReaderWords.Count(opening);
        output.WriteLine($"{id} {audience}: {words} words\n\n{markdown}");

        Assert.True(words <= ReaderWords.OpeningLimit, $"{words} words");
        var filter = (string? text) => audience == Audience.Patient ? PatientLanguage.WithoutDoses(text) : text;
        var musts = new List<string?> { filter(assessment.BottomLine), filter(AssessmentParts.Question(assessment)?.Answer) };
        musts.AddRange(AssessmentParts.LeadAlerts(assessment).Select(alert => filter(alert.Text)));
        // At least the first sentence of each: the whole is in the safety details.
        foreach (var text in musts.OfType<string>().Select(text => FirstSentence.Of(text) ?? text))
        {
            Assert.Contains(MarkdownText.Escape(text.TrimEnd('.')), opening);
        }
        if (audience == Audience.Patient) Assert.False(PatientLanguage.StatesDose(opening), "a dose in the patient opening");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_citation_names_a_source_the_content_gives_for_the_text_it_follows(string id, Audience audience)
    {
        var assessment = Assess(id, audience);
        var label = ReplyTexts.Default.Labels.For(audience).References;
        var replies = Enum.GetValues<AssessmentTopic>().Where(t => t != AssessmentTopic.References)
            .Select(topic => (Name: topic.ToString(), Markdown: reply.DetailsMarkdown(assessment, topic, audience)))
            .Prepend(("opening", reply.Markdown(assessment, audience)));
        foreach (var (name, markdown) in replies)
        {
            var problems = Problems(markdown, assessment, audience, label);
            Assert.True(problems.Count == 0, $"{id} {name}: {string.Join("\n", problems)}\n\n{markdown}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_number_reaches_the_reader_unless_the_content_holds_it(string id, Audience audience)
    {
        var assessment = Assess(id, audience);
        var messages = reply.Render(assessment, audience)
            .Concat(Enum.GetValues<AssessmentTopic>().SelectMany(topic => reply.Details(assessment, topic, audience)));
        foreach (var message in messages)
        {
            var unsourced = ReplyNumbersGuard.UnsourcedNumbers(message.Text ?? "", assessment);
            Assert.True(unsourced.Count == 0, $"{string.Join(", ", unsourced)} in:\n{message.Text}");
            if (message.Attachments is { Count: > 0 })
                Assert.Empty(ReplyNumbersGuard.UnsourcedNumbers(ReplyInspection.CardText(ReplyInspection.SerializedCard(message)), assessment));
        }
    }

    /// <summary>
    /// Each run of marks must name only sources of the content texts it follows: the texts the segment before it
    /// shows (matched by their opening words), or, on a line naming options and none of their texts (the emergency
    /// lead), those options' summaries.
    /// </summary>
    private static List<string> Problems(string markdown, Assessment assessment, Audience audience, string label)
    {
        var problems = new List<string>();
        var at = markdown.LastIndexOf($"**{label}:**", StringComparison.Ordinal);
        if (at < 0) return CitationRun().IsMatch(markdown) ? ["citations without a references list"] : problems;
        var body = markdown[..at];
        var numbered = ReferenceItem().Matches(markdown[at..]).ToDictionary(
            m => int.Parse(m.Groups[1].Value),
            m => assessment.References.First(r => m.Groups[2].Value.StartsWith(MarkdownText.Escape(r.Title), StringComparison.Ordinal)).Id);
        var claims = Claims(assessment, audience).ToList();

        var previousEnd = 0;
        foreach (Match run in CitationRun().Matches(body))
        {
            var lineStart = body.LastIndexOf('\n', Math.Max(0, run.Index - 1)) + 1;
            var segment = body[Math.Max(previousEnd, lineStart)..run.Index];
            previousEnd = run.Index + run.Length;
            var permitted = claims.Where(claim => segment.Contains(claim.Probe, StringComparison.Ordinal)).SelectMany(claim => claim.Ids).ToHashSet();
            if (permitted.Count == 0)
            {
                permitted = assessment.Options.Where(o => segment.Contains(MarkdownText.Escape(Names.Name(o.Therapy)), StringComparison.Ordinal))
                    .SelectMany(o => o.CitationsOf(o.Summary)).ToHashSet();
            }
            foreach (Match mark in Mark().Matches(run.Value))
            {
                var id = numbered[int.Parse(mark.Groups[1].Value)];
                if (!permitted.Contains(id)) problems.Add($"{mark.Value} ({id}) does not support: {segment.Trim()}");
            }
        }
        return problems;
    }

    private static IEnumerable<(string Probe, IReadOnlyList<string> Ids)> Claims(Assessment assessment, Audience audience)
    {
        IEnumerable<(string, IReadOnlyList<string>)> Of(string? text, IReadOnlyList<string> ids)
        {
            // As shown: whole or its first sentence, and for patients without doses (unless they asked, as for dosing).
            var forms = new[] { text, audience == Audience.Patient ? PatientLanguage.WithoutDoses(text) : null };
            foreach (var shown in forms.OfType<string>().Where(t => !string.IsNullOrWhiteSpace(t)))
            {
                // Any sentence may lead what is shown (a dose's "For 80 kg: ..." alone, say).
                foreach (var sentence in Regex.Split(RationaleText.WithoutRuleName(shown), @"(?<=[.!?])\s+(?=\p{Lu})"))
                {
                    var escaped = MarkdownText.Escape(sentence).TrimEnd('.');
                    if (escaped.Length > 0) yield return (escaped.Length > 60 ? escaped[..60] : escaped, ids);
                }
            }
        }

        foreach (var alert in assessment.Alerts) foreach (var c in Of(alert.Text, alert.Citations)) yield return c;
        foreach (var d in assessment.Decisions) foreach (var text in d.Reasons.Prepend(d.Answer)) foreach (var c in Of(text, d.Citations)) yield return c;
        foreach (var t in assessment.Today) foreach (var text in t.Reasons.Prepend(t.Action)) foreach (var c in Of(text, t.Citations)) yield return c;
        foreach (var a in assessment.Avoid) foreach (var c in Of(a.Reason, a.Citations)) yield return c;
        foreach (var i in assessment.Interactions) foreach (var c in Of(i.Text, i.Citations)) yield return c;
        foreach (var o in assessment.Options)
        {
            var texts = new[] { o.Summary, o.Dosing, o.Onset }.Concat(o.Rationale).Concat(o.ResponseRates).Concat(o.Cautions).Concat(o.OnStart).Concat(o.OnStop);
            foreach (var text in texts) foreach (var c in Of(text, o.CitationsOf(text))) yield return c;
        }
    }

    [GeneratedRegex(@"(?:\[\d+\])+")]
    private static partial Regex CitationRun();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Mark();

    [GeneratedRegex(@"^(\d+)\. (.*)$", RegexOptions.Multiline)]
    private static partial Regex ReferenceItem();
}
