using ItpBot.Dialogs.Conversation;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// CoreBot-style transcripts for a message that states facts and asks a question in one breath: the facts reach the
/// case (and are shown back as noted), the question is answered, and the intake then asks only what is missing.
/// </summary>
public sealed class FactsWithQuestionTranscriptTests(ITestOutputHelper output)
{
    private static MessageTexts Messages => ConversationTexts.Default.Messages;

    [Theory]
    [InlineData("she's 31 weeks pregnant, count 41: which drugs can she have?", 41, 31)]
    [InlineData("platelets 27 and 22 weeks pregnant - what is safe to give?", 27, 22)]
    [InlineData("what options are safe in pregnancy? she is 19 weeks pregnant, plt 38", 38, 19)]
    public async Task At_the_start_the_facts_before_or_after_a_question_are_kept(string text, int count, int weeks)
    {
        await using var bot = new BotTestClient(output);

        var replies = await bot.SendAsync(text);

        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal(count, profile.PlateletCount);
        Assert.True(profile.Pregnant);
        Assert.Equal(weeks, profile.GestationWeeks);
        Assert.Contains(replies, r => r.Text.StartsWith(Messages.Noted.Clinician, StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Text.Contains(Messages.NotUnderstood.Clinician, StringComparison.Ordinal));
        Assert.NotEqual(IntakeField.PlateletCount, (await bot.ReadStateAsync()).Intake!.Pending);
    }

    [Fact]
    public async Task Mid_intake_a_fact_with_a_question_is_noted_and_the_next_missing_question_asked()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Splenectomy);

        var replies = await bot.SendAsync("she had her spleen removed in 2015 - should she have had vaccines?");

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.True(intake.Profile.Splenectomy);
        Assert.NotEqual(IntakeField.Splenectomy, intake.Pending);
        Assert.DoesNotContain(replies, r => r.Text == Question(IntakeField.Splenectomy));
    }

    [Fact]
    public async Task A_question_alone_changes_nothing_in_the_case_and_the_pending_question_is_asked_again()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Splenectomy);

        var replies = await bot.SendAsync("which treatments are safe in pregnancy?");

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Null(intake.Profile.Pregnant);
        Assert.Equal(IntakeField.Splenectomy, intake.Pending);
        Assert.DoesNotContain(replies, r => r.Text.StartsWith(Messages.Noted.Clinician, StringComparison.Ordinal));
    }
}
