using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;
using ItpBot.Tests.Dialogs.Conversation;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Replies;

/// <summary>
/// After the assessment, the whole bot turn by turn: the short opening, then each detail on request, tapped or
/// typed, answered from this case's own assessment. Failures print the transcript.
/// </summary>
public sealed class FollowUpDetailsTranscriptTests(ITestOutputHelper output)
{
    private const string FreeTextCase = "52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy";

    private static async Task<AssessmentSeen> AssessedAsync(BotTestClient bot, string summary = FreeTextCase)
    {
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync(summary));
        return ShowsAssessment(await bot.SendAsync("yes"));
    }

    [Fact]
    public async Task The_opening_is_short_and_each_tapped_detail_comes_with_its_own_references_and_the_other_actions()
    {
        await using var bot = new BotTestClient(output);
        var assessment = await AssessedAsync(bot);
        Assert.True(ReaderWords.Count(ReplyInspection.BeforeReferences(assessment.Markdown, "References")) <= ReaderWords.OpeningLimit);

        var alternatives = assessment.Actions.Single(a => a.Title == "Alternatives");
        var reply = Assert.Single(await bot.SendAsync((string)alternatives.Value));

        Assert.StartsWith("**Alternatives**", reply.Text);
        Assert.Contains("**Later options:**", reply.Text);
        Assert.Contains("**References:**", reply.Text);
        Assert.DoesNotContain(reply.SuggestedActions.Actions, a => a.Title == "Alternatives");
        Assert.Contains(reply.SuggestedActions.Actions, a => a.Title == "Safety steps");
        Assert.Contains(reply.SuggestedActions.Actions, a => a.Title == "New patient");
        Assert.Null((await bot.ReadStateAsync()).Intake!.Pending);

        var safety = Assert.Single(await bot.SendAsync("Safety steps"));
        Assert.StartsWith("**Safety steps**", safety.Text);
        Assert.Contains("\u26A0\uFE0F", safety.Text);
    }

    [Theory]
    [InlineData("what about the references?", "**References**")]
    [InlineData("Show me the alternatives", "**Alternatives**")]
    [InlineData("other options?", "**Alternatives**")]
    [InlineData("Interactions", "**Interactions**")]
    [InlineData("cautions", "**Safety steps**")]
    [InlineData("today in full", "**Today in full**")]
    [InlineData("what to avoid", "**What to avoid**")]
    [InlineData("response rates please", "**Response rates**")]
    [InlineData("all doses", "**All dosing**")]
    [InlineData("decisions", "**Decisions**")]
    public async Task A_typed_request_gets_the_same_detail_as_the_button(string typed, string heading)
    {
        await using var bot = new BotTestClient(output);
        await AssessedAsync(bot);

        var reply = Assert.Single(await bot.SendAsync(typed));

        Assert.StartsWith(heading, reply.Text);
        Assert.NotEmpty(reply.SuggestedActions.Actions);
        Assert.Null((await bot.ReadStateAsync()).Intake!.Pending);
    }

    [Fact]
    public async Task The_details_are_those_of_this_case()
    {
        await using var bot = new BotTestClient(output);
        await AssessedAsync(bot);
        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        var expected = bot.Services.GetRequiredService<ITreatmentAdvisor>().Assess(profile with { Audience = Audience.Clinician });

        var dosing = Assert.Single(await bot.SendAsync("All dosing")).Text;

        foreach (var option in expected.Options.Where(o => o.Dosing is not null))
        {
            Assert.Contains(MarkdownText.Escape(option.Dosing), dosing);
        }
    }

    [Fact]
    public async Task Something_else_after_the_assessment_still_gets_the_pointer()
    {
        await using var bot = new BotTestClient(output);
        await AssessedAsync(bot);

        var reply = Assert.Single(await bot.SendAsync("purple elephants"));

        var messages = ConversationTexts.Default.Messages;
        Assert.Equal($"{messages.NotUnderstood.Clinician} {messages.FollowUp.Clinician}", reply.Text);
    }

    [Fact]
    public async Task A_patient_asking_how_the_options_are_given_gets_the_doses_they_asked_for()
    {
        await using var bot = new BotTestClient(output);
        await bot.ConversationUpdateAsync();
        await bot.SendAsync("I'm a patient");
        var script = CaseScript.With((IntakeField.Age, "52"), (IntakeField.Sex, "male")).InPatientVoice();
        await script.AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase));
        var assessment = ShowsAssessment(await bot.SendAsync("yes"), Audience.Patient);
        Assert.DoesNotMatch(@"\d\s*(mg|µg|mcg|g/kg)\b", assessment.Markdown);
        Assert.Contains(assessment.Actions, a => a.Title == "Other options");

        var given = Assert.Single(await bot.SendAsync("How they are given"));

        Assert.StartsWith("**How they are given**", given.Text);
        Assert.Matches(@"\d\s*(mg|µg|mcg|g/kg)", given.Text);
        Assert.Contains("**Sources:**", given.Text);
    }
}
