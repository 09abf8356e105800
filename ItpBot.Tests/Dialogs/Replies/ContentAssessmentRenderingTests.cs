using System.Text.RegularExpressions;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;

namespace ItpBot.Tests.Dialogs.Replies;

/// <summary>
/// Replies written from real assessments (the shipped content and rules), read as a haematologist at the bedside
/// reads them: each sentence cites what it rests on, no rule ids, no citation heaps, later options in brief.
/// </summary>
public partial class ContentAssessmentRenderingTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.LoadEmbedded();
    private static readonly TreatmentAdvisor Advisor = new(Kb);
    private readonly AssessmentReply reply = new(Kb);

    /// <summary>52-year-old, chronic ITP for 3 years, count 12 with epistaxis, eltrombopag and rituximab failed.</summary>
    private static PatientProfile Refractory(Audience audience) => new()
    {
        Audience = audience,
        AgeYears = 52,
        Sex = Sex.Male,
        WeightKg = 80,
        MonthsSinceDiagnosis = 36,
        PlateletCount = 12,
        Bleeding = Bleeding.Mucosal,
        PriorTreatments = [new(TherapyIds.Eltrombopag, TreatmentOutcome.NoResponse), new(TherapyIds.Rituximab, TreatmentOutcome.NoResponse)],
        Splenectomy = false,
        Antithrombotics = [],
        Comorbidities = [],
        Preferences = [],
        Unavailable = [],
        UpcomingProcedure = false,
    };

    private string Write(Audience audience)
    {
        var profile = Refractory(audience);
        return reply.Markdown(Advisor.Assess(profile), audience);
    }

    [Theory]
    [InlineData(Audience.Clinician)]
    [InlineData(Audience.Patient)]
    public void The_first_choice_heading_carries_no_citation_heap_and_its_sentences_cite_their_own(Audience audience)
    {
        var labels = ReplyTexts.Default.Labels.For(audience);
        var markdown = Write(audience);

        var heading = markdown.Split('\n').Single(line => line.StartsWith($"**{labels.FirstChoice}:", StringComparison.Ordinal));
        Assert.EndsWith("**", heading);
        Assert.Matches(CitationRun(), markdown.Split($"**{labels.Why}:**")[0]);
    }

    [Theory]
    [InlineData(Audience.Clinician)]
    [InlineData(Audience.Patient)]
    public void No_sentence_carries_more_than_five_citations(Audience audience)
    {
        var assessment = Advisor.Assess(Refractory(audience));
        var markdown = string.Join("\n", Enum.GetValues<AssessmentTopic>().Where(t => t != AssessmentTopic.References)
            .Select(topic => reply.DetailsMarkdown(assessment, topic, audience)).Prepend(Write(audience))
            .Select(text => text.Contains($"**{ReplyTexts.Default.Labels.For(audience).References}:**", StringComparison.Ordinal)
                ? ReplyInspection.BeforeReferences(text, ReplyTexts.Default.Labels.For(audience).References) : text));

        foreach (Match run in CitationRun().Matches(markdown))
            Assert.True(Regex.Matches(run.Value, @"\[\d+\]").Count <= 5, $"citation heap: {run.Value}");
    }

    [Theory]
    [InlineData(Audience.Clinician)]
    [InlineData(Audience.Patient)]
    public void Reasons_read_without_the_rule_ids_the_api_keeps(Audience audience)
    {
        var assessment = Advisor.Assess(Refractory(audience));
        Assert.Contains(assessment.Options[0].Rationale, r => r.StartsWith("treatment-line: ", StringComparison.Ordinal));

        var markdown = reply.Markdown(assessment, audience);

        Assert.DoesNotContain("treatment-line:", markdown);
        Assert.DoesNotContain("tpo-ra-failure:", markdown);
    }

    [Theory]
    [InlineData(Audience.Clinician)]
    [InlineData(Audience.Patient)]
    public void The_opening_names_the_alternatives_only_and_stays_short_enough_for_the_bedside(Audience audience)
    {
        var labels = ReplyTexts.Default.Labels.For(audience);
        var markdown = Write(audience);

        // Named only, when words remain for them at all.
        foreach (var alternatives in markdown.Split($"**{labels.Alternatives}:**").Skip(1).Select(rest => rest.Split("\n\n")[0]))
        {
            Assert.DoesNotContain("\u2014", alternatives);
        }
        Assert.DoesNotContain($"**{labels.Later}:**", markdown);
        Assert.True(ReaderWords.Count(ReplyInspection.BeforeReferences(markdown, labels.References)) <= ReaderWords.OpeningLimit);
        var references = ReplyInspection.ReferenceItems(markdown, labels.References);
        // The opening lists the sources of what it says, not every source behind the assessment.
        var all = Advisor.Assess(Refractory(audience)).References.Count;
        Assert.True(references.Count <= all / 2, $"{references.Count} of {all} references");

        var details = reply.DetailsMarkdown(Advisor.Assess(Refractory(audience)), AssessmentTopic.Alternatives, audience);
        Assert.Contains($"**{labels.Later}:**", details);
    }

    [Fact]
    public void Patients_read_response_figures_and_cautions_only_in_words_written_for_them()
    {
        string Details(Audience audience)
        {
            var assessment = Advisor.Assess(Refractory(audience));
            return reply.DetailsMarkdown(assessment, AssessmentTopic.Response, audience) + reply.DetailsMarkdown(assessment, AssessmentTopic.Safety, audience);
        }
        var clinician = Details(Audience.Clinician);
        var patient = Details(Audience.Patient);

        Assert.Contains("Population:", clinician);
        Assert.Contains("meta-analyses", clinician);
        Assert.DoesNotContain("Population:", patient);
        Assert.DoesNotContain("meta-analyses", patient);
        Assert.Contains("blood clot", patient);
    }

    [Fact]
    public void In_an_emergency_patients_are_told_alternatives_may_be_used_instead_or_as_well()
    {
        var profile = new PatientProfile { Audience = Audience.Patient, PlateletCount = 5, Bleeding = Bleeding.Critical };
        var markdown = reply.DetailsMarkdown(Advisor.Assess(profile), AssessmentTopic.Alternatives, Audience.Patient);

        var hints = ReplyTexts.Default.PatientHints;
        Assert.NotNull(hints.EmergencyAlternatives);
        Assert.Contains(hints.EmergencyAlternatives, markdown);
        Assert.DoesNotContain(hints.Alternatives, markdown);
    }

    [GeneratedRegex(@"(?:\[\d+\])+")]
    private static partial Regex CitationRun();
}
