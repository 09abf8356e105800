using System.Text.RegularExpressions;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;

namespace ItpBot.Tests.Dialogs.Replies;

public class AnswerReplyTests
{
    private readonly AnswerReply reply = new();

    private static ClinicalAnswer Dose() => new(
        "Romiplostim dosing",
        [
            "Start at 1 µg/kg once weekly [kuter-2008].",
            "Adjust by 1 µg/kg per week to keep platelets 50–200 × 10⁹/L [ash-2019][kuter-2008].",
            "Hold if platelets exceed 400 × 10⁹/L.",
        ],
        ["kuter-2008", "ash-2019", "icr-2019"],
        [AssessmentFixtures.Icr2019, AssessmentFixtures.Ash2019, AssessmentFixtures.Kuter2008]);

    [Fact]
    public void Inline_reference_ids_become_numbers_in_order_of_first_use()
    {
        var markdown = reply.Markdown(Dose(), Audience.Clinician);

        Assert.StartsWith("**Romiplostim dosing**", markdown);
        Assert.Contains("Start at 1 µg/kg once weekly [1].", markdown);
        Assert.Contains("50–200 × 10⁹/L [2][1].", markdown);
        Assert.DoesNotContain("kuter-2008", markdown);
    }

    [Fact]
    public void Answer_citations_not_cited_inline_are_attached_to_the_last_paragraph()
    {
        var markdown = reply.Markdown(Dose(), Audience.Clinician);

        Assert.Contains("Hold if platelets exceed 400 × 10⁹/L. [3]", markdown);
        var references = ReplyInspection.ReferenceItems(markdown, "References");
        Assert.Equal(3, references.Count);
        Assert.StartsWith("Efficacy of romiplostim", references[0]);
        Assert.StartsWith("American Society", references[1]);
        Assert.StartsWith("Updated international", references[2]);
    }

    [Fact]
    public void With_paragraph_citations_each_paragraph_cites_its_own_sources()
    {
        var answer = new ClinicalAnswer("Romiplostim: dose",
            ["Start 1 µg/kg once weekly.", "In emergencies no guideline gives a dose."],
            ["kuter-2008", "icr-2019", "ash-2019"],
            [AssessmentFixtures.Icr2019, AssessmentFixtures.Ash2019, AssessmentFixtures.Kuter2008])
        {
            ParagraphCitations = [["kuter-2008"], ["icr-2019", "ash-2019"]],
        };

        var markdown = reply.Markdown(answer, Audience.Clinician);

        Assert.Contains("Start 1 µg/kg once weekly. [1]\n", markdown);
        Assert.Contains("In emergencies no guideline gives a dose. [2][3]", markdown);
    }

    [Fact]
    public void A_paragraph_the_patient_does_not_see_cites_nothing()
    {
        var answer = new ClinicalAnswer("Romiplostim: dose",
            ["Start 1 µg/kg once weekly.", "It is an injection under the skin once a week."],
            ["kuter-2008", "icr-2019"],
            [AssessmentFixtures.Icr2019, AssessmentFixtures.Kuter2008])
        {
            ParagraphCitations = [["kuter-2008"], ["icr-2019"]],
        };

        var markdown = reply.Markdown(answer, Audience.Patient);

        Assert.Contains("It is an injection under the skin once a week. [1]", markdown);
        var references = ReplyInspection.ReferenceItems(markdown, ReplyTexts.Default.Labels.For(Audience.Patient).References);
        Assert.StartsWith("Updated international", Assert.Single(references));
    }

    [Fact]
    public void Plain_answers_without_inline_marks_are_cited_at_the_end()
    {
        var answer = new ClinicalAnswer("Refractory ITP", ["Failure of or relapse after splenectomy."], ["icr-2019"],
            [AssessmentFixtures.Icr2019]);

        var markdown = reply.Markdown(answer);

        Assert.Contains("Failure of or relapse after splenectomy. [1]", markdown);
        Assert.Equal(Enumerable.Range(1, 1), ReplyInspection.CitationOrder(ReplyInspection.BeforeReferences(markdown, "References")));
    }

    [Fact]
    public void Brackets_that_name_no_reference_stay_as_escaped_text()
    {
        var answer = new ClinicalAnswer("Term", ["Counts [in this range] vary *a lot*."], [], []);

        var markdown = reply.Markdown(answer);

        Assert.Contains(@"Counts \[in this range\] vary \*a lot\*.", markdown);
        Assert.DoesNotContain("References", markdown);
    }

    [Fact]
    public void Every_number_comes_from_the_answer_and_there_are_no_headers_or_tables()
    {
        var answer = Dose();
        var markdown = reply.Render(answer).Text;

        Assert.Empty(ReplyNumbersGuard.UnsourcedNumbers(markdown, answer));
        Assert.DoesNotMatch(new Regex(@"^\s*#", RegexOptions.Multiline), markdown);
        Assert.DoesNotContain("|", markdown);
    }

    [Fact]
    public void Patient_answer_drops_doses_and_points_to_the_haematologist()
    {
        var markdown = reply.Markdown(Dose(), Audience.Patient);

        Assert.DoesNotMatch(new Regex(@"\d\s*(mg|µg|μg|mcg)"), markdown);
        Assert.Contains("Hold if platelets exceed 400", markdown);
        Assert.Contains(ReplyTexts.Default.HaematologistPointer, markdown);
        Assert.Contains("**Sources:**", markdown);
    }
}
