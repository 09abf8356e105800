using ItpBot.Dialogs.Conversation;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// "since he was 21" is a time since diagnosis only beside today's age, which the reader of one message may not
/// have; the conversation has it, or will: the time is worked out when both are known, and not asked for meanwhile.
/// </summary>
public sealed class AgeAtDiagnosisTranscriptTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_age_at_diagnosis_said_first_makes_the_age_answer_the_time_since_diagnosis_too()
    {
        await using var bot = new BotTestClient(output);
        var script = new CaseScript(CaseScript.Typical);

        var replies = await bot.SendAsync("plt 40, bruising, ITP since he was 21");
        ShowsCaseSummary(await script.AnswerUntilSummaryAsync(bot, replies));

        Assert.DoesNotContain(IntakeField.TimeSinceDiagnosis, script.Asked);
        Assert.Contains(IntakeField.Age, script.Asked);
        Assert.Equal((52 - 21) * 12, (await bot.ReadStateAsync()).Intake!.Profile.MonthsSinceDiagnosis);
    }

    [Fact]
    public async Task Ever_since_she_was_with_the_age_known_answers_the_time_since_diagnosis()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("she's 44, platelets 35, some bruising");
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(IntakeField.TimeSinceDiagnosis, intake.Pending);

        var replies = await bot.SendAsync("ever since she was 38");

        intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(72, intake.Profile.MonthsSinceDiagnosis);
        Assert.NotEqual(IntakeField.TimeSinceDiagnosis, intake.Pending);
        Assert.DoesNotContain(replies, r => r.Text == Retry(IntakeField.TimeSinceDiagnosis));
    }
}

/// <summary>A woman planning a baby is not asked whether she could become pregnant: the plan says so.</summary>
public sealed class FactsThatFollowTranscriptTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_woman_hoping_to_conceive_is_not_asked_whether_she_could_become_pregnant()
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        var script = new CaseScript(CaseScript.EveryQuestion);

        var replies = await bot.SendAsync("36F, plt 30, bruises, ITP 4 years, prednisone relapsed, hoping to conceive next spring");
        var summary = ShowsCaseSummary(await script.AnswerUntilSummaryAsync(bot, replies));

        Assert.DoesNotContain(IntakeField.ChildbearingPotential, script.Asked);
        Assert.Equal(true, (await bot.ReadStateAsync()).Intake!.Profile.ChildbearingPotential);
        Assert.Contains(summary, l => l.StartsWith("Could become pregnant: yes", StringComparison.Ordinal));
    }
}
