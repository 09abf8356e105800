using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;

namespace ItpBot.Tests.Knowledge;

public class ClinicalQuestionsTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.LoadEmbedded();
    private static readonly ClinicalQuestions Questions = new(Kb);

    private static ClinicalAnswer Ask(QuestionKind kind, params string[] therapies) =>
        Questions.Answer(new ClinicalQuestion(kind, therapies))!;

    private static void AssertCited(ClinicalAnswer answer)
    {
        Assert.NotEmpty(answer.Paragraphs);
        Assert.NotEmpty(answer.Citations);
        Assert.Equal(answer.Citations, answer.References.Select(r => r.Id));
    }

    [Fact]
    public void Dose_is_computed_from_weight_when_known()
    {
        var answer = Questions.Answer(new ClinicalQuestion(QuestionKind.Dose, [TherapyIds.Romiplostim], WeightKg: 54))!;
        AssertCited(answer);
        Assert.Contains(answer.Paragraphs, p => p.Contains("start 54 µg", StringComparison.Ordinal));
    }

    [Fact]
    public void Response_rates_carry_their_population()
    {
        var answer = Ask(QuestionKind.ResponseRate, TherapyIds.ImmunosuppressantCombination);
        AssertCited(answer);
        Assert.Contains(answer.Paragraphs, p => p.Contains("73.7%", StringComparison.Ordinal) && p.Contains("19 adults", StringComparison.Ordinal));
    }

    [Fact]
    public void Side_effects_onset_and_monitoring_come_from_the_therapy()
    {
        Assert.Contains(Ask(QuestionKind.SideEffects, TherapyIds.Fostamatinib).Paragraphs, p => p.Contains("hypertension 28%", StringComparison.Ordinal));
        Assert.Contains(Ask(QuestionKind.Onset, TherapyIds.Rituximab).Paragraphs, p => p.Contains("1–8 weeks", StringComparison.Ordinal));
        Assert.Contains(Ask(QuestionKind.Monitoring, TherapyIds.Eltrombopag).Paragraphs, p => p.Contains("ALT", StringComparison.Ordinal));
        // Eltrombopag is titrated on the platelet count: the monitoring answer must say when to check it, not only liver tests.
        Assert.Contains(Ask(QuestionKind.Monitoring, TherapyIds.Eltrombopag).Paragraphs, p => p.Contains("Platelet count about every 2 weeks", StringComparison.Ordinal));
    }

    [Fact]
    public void Pregnancy_safety_uses_the_corrected_wording_for_fostamatinib()
    {
        var answer = Ask(QuestionKind.PregnancySafety, TherapyIds.Fostamatinib);
        AssertCited(answer);
        Assert.Contains("Not a labelled contraindication", answer.Paragraphs[0]);
    }

    [Fact]
    public void Comparison_covers_both_therapies()
    {
        var answer = Ask(QuestionKind.Comparison, TherapyIds.Romiplostim, TherapyIds.Eltrombopag);
        AssertCited(answer);
        Assert.Contains(answer.Paragraphs, p => p.StartsWith("Romiplostim", StringComparison.Ordinal));
        Assert.Contains(answer.Paragraphs, p => p.StartsWith("Eltrombopag", StringComparison.Ordinal));
    }

    [Fact]
    public void Refractory_definition_states_the_seed_and_guideline_views()
    {
        var answer = Questions.Answer(new ClinicalQuestion(QuestionKind.Definition, [], Term: "refractory"))!;
        AssertCited(answer);
        Assert.Contains(answer.Paragraphs, p => p.Contains("IWG 2009", StringComparison.Ordinal));
        Assert.Contains("seed-article", answer.Citations);
        Assert.Contains("iwg-2009", answer.Citations);
    }

    [Fact]
    public void Refractory_definition_cites_each_source_beside_its_own_statement()
    {
        var answer = Questions.Answer(new ClinicalQuestion(QuestionKind.Definition, [], Term: "refractory"))!;

        // The definition's own paragraphs; the seed-versus-guideline paragraphs that follow summarise them.
        var definition = Kb.Definitions.Single(d => d.Id == "refractory");
        Assert.All(answer.ParagraphCitations.Take(1 + definition.More.Count), ids => Assert.InRange(ids.Count, 1, 2));
        var iwg = Assert.Single(answer.Paragraphs, p => p.Contains("IWG 2009:", StringComparison.Ordinal));
        Assert.DoesNotContain("miltiadous-2020", answer.ParagraphCitations[answer.Paragraphs.ToList().IndexOf(iwg)]);
        var miltiadous = answer.Paragraphs.ToList().FindIndex(p => p.StartsWith("Miltiadous", StringComparison.Ordinal));
        Assert.Equal(["miltiadous-2020"], answer.ParagraphCitations[miltiadous]);
        // The ICIS 2023 definition itself is [?] in the facts: shown only as uncertain.
        Assert.Contains(answer.Paragraphs, p => p.StartsWith("Uncertain:", StringComparison.Ordinal) && p.Contains("ICIS 2023", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TherapyIds.Cyclophosphamide)]
    [InlineData(TherapyIds.VincaAlkaloids)]
    public void Pregnancy_answers_do_not_quote_a_label_contraindication_that_was_never_checked(string therapy)
    {
        // guideline-facts §16: avoiding them in pregnancy is standard, but their label wording is still [K]/[?].
        var answer = Ask(QuestionKind.PregnancySafety, therapy);
        Assert.Contains(answer.Paragraphs, p => p.StartsWith("Avoid in pregnancy (fetal harm)", StringComparison.Ordinal));
        Assert.DoesNotContain(answer.Paragraphs, p => p.Contains("Contraindicated", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Overview_and_patient_audience()
    {
        var clinician = Ask(QuestionKind.Overview, TherapyIds.Splenectomy);
        AssertCited(clinician);
        Assert.Contains(clinician.Paragraphs, p => p.Contains("3.02", StringComparison.Ordinal));
        var patient = Questions.Answer(new ClinicalQuestion(QuestionKind.Overview, [TherapyIds.Splenectomy], Audience: Audience.Patient))!;
        Assert.Equal(Kb.Therapy(TherapyIds.Splenectomy).Summary.PatientText, patient.Paragraphs[0]);
    }

    [Fact]
    public void Unknown_therapy_or_term_has_no_answer()
    {
        Assert.Null(Questions.Answer(new ClinicalQuestion(QuestionKind.Dose, ["aspirin"])));
        Assert.Null(Questions.Answer(new ClinicalQuestion(QuestionKind.Definition, [], Term: "quantum")));
        Assert.Null(Questions.Answer(new ClinicalQuestion(QuestionKind.Onset, [TherapyIds.Observation]) with { Kind = QuestionKind.Comparison }));
    }

    [Fact]
    public void Every_paragraph_names_the_sources_it_rests_on()
    {
        var answer = Ask(QuestionKind.Dose, TherapyIds.Romiplostim);

        Assert.Equal(answer.Paragraphs.Count, answer.ParagraphCitations.Count);
        Assert.All(answer.ParagraphCitations, ids => Assert.NotEmpty(ids));
        Assert.Contains("nplate-label", answer.ParagraphCitations[0]);
        Assert.DoesNotContain("dasgupta-2019", answer.ParagraphCitations[0]);
        Assert.Equal(answer.Citations.Order(), answer.ParagraphCitations.SelectMany(ids => ids).Distinct().Order());
    }

    [Fact]
    public void A_definition_labels_the_seed_wording_as_the_seed_and_is_titled_as_a_heading()
    {
        var answer = Questions.Answer(new ClinicalQuestion(QuestionKind.Definition, [], Term: "refractory"));

        Assert.NotNull(answer);
        Assert.Equal("Refractory", answer.Title);
        var seedWording = Assert.Single(answer.Paragraphs, p => p.Contains("failed first-line corticosteroid therapy and require ongoing", StringComparison.Ordinal)
            && !p.StartsWith("Definitions differ", StringComparison.Ordinal));
        Assert.StartsWith("The seed article's wording:", seedWording);
    }
}
