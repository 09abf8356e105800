using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Replies;

public class EmergencyReplyTests
{
    private readonly EmergencyReply reply = new(AssessmentFixtures.Lexicon());

    private static string FirstLine(string markdown) => markdown.Split("\n\n")[0];

    [Fact]
    public void Clinician_first_line_is_the_combined_emergency_treatment()
    {
        var markdown = reply.Markdown(AssessmentFixtures.Emergency(), Audience.Clinician);

        var first = FirstLine(markdown);
        Assert.StartsWith("\U0001F6A8 **EMERGENCY", first);
        Assert.Contains("Give together now: IVIg + Methylprednisolone + Platelet transfusion**", first);
        Assert.DoesNotContain("Romiplostim", first);
        Assert.EndsWith("[1][2]", first);
    }

    [Fact]
    public void Patient_first_line_says_call_emergency_services_or_go_to_hospital_now()
    {
        var markdown = reply.Markdown(AssessmentFixtures.Emergency(), Audience.Patient);

        Assert.Equal($"\U0001F6A8 **{ReplyTexts.Default.Urgency.Patient.Emergency}**", FirstLine(markdown));
        Assert.Contains("emergency services", FirstLine(markdown));
        Assert.Contains("hospital now", FirstLine(markdown));
    }

    [Fact]
    public void Then_the_alert_the_treatments_given_together_with_their_doses_what_to_avoid_and_references()
    {
        var assessment = AssessmentFixtures.Emergency();
        var markdown = reply.Markdown(assessment, Audience.Clinician);

        string[] inOrder =
        [
            assessment.Alerts[0].Text, "**Emergency options:**", $"- **IVIg** \u2014 {assessment.Options[0].Dosing}",
            $"- **Methylprednisolone** \u2014 {assessment.Options[1].Dosing}", "- **Platelet transfusion** \u2014 Transfuse platelets",
            "**Avoid now:** Splenectomy.", "**References:**",
        ];
        var positions = inOrder.Select(part => markdown.IndexOf(part, StringComparison.Ordinal)).ToList();
        Assert.All(positions.Zip(inOrder), p => Assert.True(p.First >= 0, $"missing: {p.Second}"));
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(2, ReplyInspection.ReferenceItems(markdown, "References").Count);
        // The later option waits for the question.
        Assert.DoesNotContain("Romiplostim", markdown);
        Assert.Contains("- **Romiplostim** \u2014 Start a TPO-RA",
            new AssessmentReply(AssessmentFixtures.Lexicon()).DetailsMarkdown(assessment, AssessmentTopic.Alternatives, Audience.Clinician));
    }

    [Fact]
    public void Render_returns_text_with_card_then_actions()
    {
        var messages = reply.Render(AssessmentFixtures.Emergency(), Audience.Clinician);

        Assert.Single(messages[0].Attachments);
        Assert.NotNull(messages[^1].SuggestedActions);
        Assert.Contains(messages[^1].SuggestedActions.Actions, a => a.Title == "Dosing of IVIg");
    }

    [Fact]
    public void A_non_emergency_assessment_is_refused()
    {
        Assert.Throws<ArgumentException>(() => reply.Render(AssessmentFixtures.Chronic(), Audience.Clinician));
    }

    [Fact]
    public void Assessment_reply_gives_an_emergency_the_same_text()
    {
        var assessment = AssessmentFixtures.Emergency();

        Assert.Equal(
            reply.Markdown(assessment, Audience.Clinician),
            new AssessmentReply(AssessmentFixtures.Lexicon()).Markdown(assessment, Audience.Clinician));
    }

    [Theory]
    [InlineData(Audience.Clinician)]
    [InlineData(Audience.Patient)]
    public void Immediate_answer_is_loud_and_has_no_numbers(Audience audience)
    {
        var text = reply.Immediate(audience).Text;

        Assert.StartsWith("\U0001F6A8 **", text);
        Assert.Contains("hospital", text);
        Assert.Empty(ReplyNumbersGuard.UnsourcedNumbers(text, []));
    }

    [Fact]
    public void Emergency_without_options_still_leads_with_the_emergency()
    {
        var assessment = AssessmentFixtures.Emergency() with { Options = [] };

        var markdown = reply.Markdown(assessment, Audience.Clinician);

        Assert.Equal($"\U0001F6A8 **{ReplyTexts.Default.Urgency.Clinician.Emergency}**", FirstLine(markdown));
    }
}

public class EmergencyReplyBySpeakerTests
{
    private readonly EmergencyReply reply = new(AssessmentFixtures.Lexicon());

    [Theory]
    [InlineData(ItpBot.Dialogs.Understanding.Reading.Speaker.Patient)]
    [InlineData(ItpBot.Dialogs.Understanding.Reading.Speaker.Caregiver)]
    public void A_patient_or_caregiver_gets_emergency_services_first_even_when_the_conversation_was_clinical(
        ItpBot.Dialogs.Understanding.Reading.Speaker speaker)
    {
        var immediate = reply.Immediate(Audience.Clinician, speaker).Text;
        var full = string.Join("\n\n", reply.Render(AssessmentFixtures.Emergency(), Audience.Clinician, speaker).Select(m => m.Text));

        Assert.Contains("emergency services", immediate.Split("\n\n")[0]);
        Assert.Contains("emergency services", full.Split("\n\n")[0]);
        Assert.DoesNotContain("**Dosing:**", full);
    }

    [Fact]
    public void When_nobody_says_who_is_typing_the_emergency_services_line_comes_before_the_clinicians()
    {
        var text = reply.Immediate(Audience.Clinician, ItpBot.Dialogs.Understanding.Reading.Speaker.Unknown).Text;

        var patientLine = text.IndexOf("emergency services", StringComparison.Ordinal);
        var clinicianLine = text.IndexOf(ReplyTexts.Default.EmergencyNow.Clinician[..20], StringComparison.Ordinal);
        Assert.True(patientLine >= 0 && clinicianLine > patientLine);
    }

    [Fact]
    public void A_clinician_keeps_the_clinical_answer() =>
        Assert.DoesNotContain("emergency services",
            reply.Immediate(Audience.Clinician, ItpBot.Dialogs.Understanding.Reading.Speaker.Clinician).Text);
}
