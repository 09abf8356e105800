using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// CoreBot-style dialog tests: the whole bot with a mocked recogniser or advisor (Moq) in place of the real one for
/// the messages under test, read as transcripts (User: / Bot: in the test output). One decision per turn about what
/// wins: emergency, audience, command, question, correction, answer.
/// </summary>
public sealed class TurnInterruptionTests(ITestOutputHelper output)
{
    /// <summary>The real recogniser, except for the messages given, which mean what the test says.</summary>
    private static Action<IServiceCollection> Recogniser(Func<string, MessageMeaning?> overrides) => TestRecogniser.Except(overrides);

    [Fact]
    public async Task An_emergency_sign_mid_intake_wins_over_the_pending_yes_no_question()
    {
        await using var bot = new BotTestClient(output, replace: Recogniser(text =>
            text == "he just had a seizure" ? new MessageMeaning { Emergency = Bleeding.Critical } : null));
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Splenectomy);

        var replies = await bot.SendAsync("he just had a seizure");

        Assert.DoesNotContain(replies, r => r.Text == Retry(IntakeField.Splenectomy));
        Assert.True(IsAssessment(replies), "the emergency answer comes at once");
        Assert.Equal(Bleeding.Critical, (await bot.ReadStateAsync()).Intake!.Profile.Bleeding);
    }

    [Fact]
    public async Task An_emergency_wins_over_a_command_and_a_question_in_the_same_message()
    {
        await using var bot = new BotTestClient(output, replace: Recogniser(text =>
            text == "cancel, what dose of IVIG? she is vomiting blood"
                ? new MessageMeaning { Emergency = Bleeding.Severe, Command = ItpBot.Dialogs.Understanding.Command.Cancel, OpenQuestion = "what dose of IVIG?" }
                : null));
        await bot.SendAsync("start");

        var replies = await bot.SendAsync("cancel, what dose of IVIG? she is vomiting blood");

        Assert.True(IsAssessment(replies));
        Assert.DoesNotContain(replies, r => r.Text == ConversationTexts.Default.Messages.Cancelled.Clinician);
    }

    // The conversation's emergency comes from the one reading, which knows the question a reply answers: "had a
    // stroke" to the conditions question is the history asked for (a past clot or stroke), not today's sign.
    [Theory]
    [InlineData("had a stroke")]
    [InlineData("diabetes, and a TIA")]
    public async Task A_stroke_given_as_the_answer_to_the_conditions_question_is_history_not_an_emergency(string answer)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Comorbidities);

        var replies = await bot.SendAsync(answer);

        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.False(IsAssessment(replies), "no emergency answer for a past stroke");
        Assert.NotEqual(Bleeding.Critical, profile.Bleeding);
        Assert.Contains(Comorbidity.ThrombosisHistory, profile.Comorbidities ?? []);
    }

    [Theory]
    [InlineData("she had a stroke this morning")]
    [InlineData("I think he's having a stroke")]
    public async Task A_stroke_told_as_recent_at_the_conditions_question_is_still_an_emergency(string answer)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Comorbidities);

        var replies = await bot.SendAsync(answer);

        Assert.True(IsAssessment(replies), "the emergency answer comes at once");
        Assert.Equal(Bleeding.Critical, (await bot.ReadStateAsync()).Intake!.Profile.Bleeding);
    }

    [Theory]
    [InlineData("my mum is vomiting blood and feels faint")]
    [InlineData("I'm a patient and I'm vomiting blood")]
    public async Task A_patient_or_caregiver_emergency_is_answered_at_once_in_the_patient_voice(string message)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Comorbidities);

        var replies = await bot.SendAsync(message);

        Assert.Equal(Audience.Patient, (await bot.ReadStateAsync()).Settings!.Audience);
        ShowsAssessment(replies, Audience.Patient);
    }

    [Fact]
    public async Task The_audience_switches_before_the_question_in_the_same_message_is_answered()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Bleeding);

        var replies = await bot.SendAsync("I'm a patient, what is the dose of romiplostim?");

        Assert.Equal(Audience.Patient, (await bot.ReadStateAsync()).Settings!.Audience);
        Assert.Equal(ConversationTexts.Default.Messages.AudiencePatient.Patient, replies[0].Text);
        Assert.True(replies.Count >= 3, "switch, answer, then the pending question again");
        Asks(replies, IntakeField.Bleeding, Audience.Patient);
    }

    [Theory]
    [InlineData("my mum has ITP, what dose of romiplostim should she be on?")]
    [InlineData("My dad was told he has ITP. How much eltrombopag will he take?")]
    [InlineData("asking for my daughter - what are the side effects of rituximab?")]
    public async Task A_caregiver_gets_the_patient_voice_before_the_answer(string message)
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("start");

        var replies = await bot.SendAsync(message);

        Assert.Equal(Audience.Patient, (await bot.ReadStateAsync()).Settings!.Audience);
        Assert.DoesNotContain(replies, r => r.Text == ConversationTexts.Default.Messages.NoAnswer.Patient);
        Assert.True(replies.Count >= 2);
    }

    [Theory]
    [InlineData("what vaccines before splenectomy?")]
    [InlineData("which vaccines does someone need before a splenectomy")]
    [InlineData("what do I need to know about rituximab?")]
    public async Task A_question_mid_intake_is_answered_and_the_pending_question_asked_again(string question)
    {
        await using var bot = new BotTestClient(output);
        var first = await bot.SendAsync("start");
        Asks(first, IntakeField.PlateletCount);

        var replies = await bot.SendAsync(question);

        Assert.True(replies.Count >= 2, "an answer, then the pending question");
        Assert.DoesNotContain(replies, r => r.Text == Retry(IntakeField.PlateletCount));
        Assert.DoesNotContain(replies, r => r.Text == ConversationTexts.Default.Messages.NoAnswer.Clinician);
        Asks(replies, IntakeField.PlateletCount);
    }

    [Theory]
    [InlineData("what platelet count is needed for surgery?")]
    [InlineData("how high should the count be for a hip replacement?")]
    [InlineData("what's the safe platelet threshold before an operation")]
    [InlineData("what count do we need for an epidural?")]
    public async Task A_question_the_content_answers_is_never_called_not_covered(string question)
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("start");

        var replies = await bot.SendAsync(question);

        Assert.DoesNotContain(replies, r => r.Text == ConversationTexts.Default.Messages.NoAnswer.Clinician);
        Assert.Contains(replies, r => r.Text?.Contains("× 10⁹/L", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("what is the best diet for ITP?")]
    [InlineData("can I drink alcohol with low platelets?")]
    [InlineData("how do I claim sick pay?")]
    [InlineData("is there a support group near me?")]
    public async Task A_question_the_content_cannot_answer_is_called_not_covered_with_what_is_covered(string question)
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("start");

        var replies = await bot.SendAsync(question);

        Assert.Contains(replies, r => r.Text == ConversationTexts.Default.Messages.NoAnswer.Clinician);
        Assert.Contains("not covered", ConversationTexts.Default.Messages.NoAnswer.Clinician);
        Asks(replies, IntakeField.PlateletCount);
    }

    // "don't know", "not sure", "skip" and "no idea" at every question: WayOutTests. Here, ways out in more words.
    [Theory]
    [InlineData(IntakeField.Weight, "I don't know her weight")]
    [InlineData(IntakeField.PlateletCount, "haven't got a recent one")]
    public async Task A_way_out_is_accepted_the_first_time_and_the_bot_says_what_it_assumes(IntakeField field, string answer)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, field);

        var replies = await bot.SendAsync(answer);

        Assert.Equal(ConversationTexts.Default.Assumption(field, Audience.Clinician), replies[0].Text);
        Assert.DoesNotContain(replies, r => r.Text == Retry(field));
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Contains(field, intake.Skipped);
        Assert.NotEqual(field, intake.Pending);
    }

    [Theory]
    [InlineData(IntakeField.Comorbidities, "nothing like that", "Comorbidities: none")]
    [InlineData(IntakeField.Preferences, "no particular preference", "Preferences: none")]
    [InlineData(IntakeField.Antithrombotics, "no blood thinners", "Antithrombotics: none")]
    [InlineData(IntakeField.Unavailable, "we can get everything", "Not available: none")]
    [InlineData(IntakeField.Bleeding, "nothing like that", "Bleeding now: none")]
    public async Task Everyday_answers_work_where_the_button_words_work(IntakeField field, string answer, string line)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, field);

        var summary = ShowsCaseSummary(await CaseScript.With((field, answer)).AnswerUntilSummaryAsync(bot, await bot.SendAsync(answer)));

        Assert.Contains(line, summary);
    }

    [Theory]
    [InlineData("looks right")]
    [InlineData("yes that all looks correct")]
    [InlineData("all good")]
    [InlineData("spot on, thanks")]
    public async Task Looks_right_confirms_the_case(string answer)
    {
        await using var bot = new BotTestClient(output);
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync("start"));

        ShowsAssessment(await bot.SendAsync(answer));
    }

    [Fact]
    public async Task A_v2_fact_the_advisor_needs_is_asked_once_before_the_assessment_and_can_be_skipped()
    {
        // The advisor says pregnancy plans would change this woman's answer.
        await using var bot = new BotTestClient(output, replace: services =>
        {
            services.RemoveAll<ITreatmentAdvisor>();
            services.AddSingleton(sp =>
            {
                var real = ActivatorUtilities.CreateInstance<TreatmentAdvisor>(sp);
                var mock = new Mock<ITreatmentAdvisor>();
                mock.Setup(a => a.Assess(It.IsAny<PatientProfile>())).Returns((PatientProfile p) =>
                {
                    var assessment = real.Assess(p);
                    return p.Sex == Sex.Female && p.PregnancyPlanned is null
                        ? assessment with { Missing = [.. assessment.Missing, ProfileFields.PregnancyPlanned] }
                        : assessment;
                });
                return mock.Object;
            });
        });
        // Asked in one breath with "is she pregnant?" (their question group); "not sure" passes both.
        var script = CaseScript.With((IntakeField.Sex, "female"), (IntakeField.Age, "31"), (IntakeField.Pregnancy, "not sure"), (IntakeField.PregnancyPlanned, "not sure"));

        var summary = ShowsCaseSummary(await script.AnswerUntilSummaryAsync(bot, await bot.SendAsync("start")));

        Assert.Equal(1, script.Asked.Count(f => f == IntakeField.PregnancyPlanned));
        Assert.Equal(script.Asked.IndexOf(IntakeField.Pregnancy) + 1, script.Asked.IndexOf(IntakeField.PregnancyPlanned));
        Assert.Contains(IntakeField.PregnancyPlanned, (await bot.ReadStateAsync()).Intake!.Skipped);
        Assert.DoesNotContain(summary, l => l.StartsWith("Pregnancy planned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_v2_fact_is_not_asked_when_the_advisor_does_not_need_it()
    {
        await using var bot = new BotTestClient(output);
        var script = new CaseScript(CaseScript.Typical);

        ShowsCaseSummary(await script.AnswerUntilSummaryAsync(bot, await bot.SendAsync("start")));

        // The current drugs are the exception: asked in the blood-thinner part of the history question, they cost no turn.
        var v2 = FieldRegistry.All.Where(f => f.AskWhen == AskWhen.AdvisorNeedsIt && f.Id != IntakeField.CurrentDrugs).Select(f => f.Id).ToList();
        Assert.DoesNotContain(script.Asked, v2.Contains);
        Assert.Contains(IntakeField.CurrentDrugs, script.Asked);
    }
}
