using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// CoreBot-style transcripts for what a message is: a fact that is not current (denied, past, planned, a relative's)
/// is acknowledged as noted and not counted, never "not understood"; a caregiver hears of the patient's
/// haematologist; "no, but we'd like to try for a baby" answers "pregnant now" with no and keeps the plan.
/// </summary>
public sealed class NotCurrentFactsTranscriptTests(ITestOutputHelper output)
{
    private static MessageTexts Messages => ConversationTexts.Default.Messages;

    [Theory]
    [InlineData("denies any clots", "denied")]
    [InlineData("her mum had hepatitis B", "about someone else")]
    public async Task Mid_intake_a_fact_that_is_not_current_is_noted_as_such_and_the_question_is_asked_again(string text, string why)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Splenectomy);

        var replies = await bot.SendAsync(text);

        Assert.StartsWith(Messages.NotCurrent.Clinician, replies[0].Text);
        Assert.Contains(why, replies[0].Text);
        Assert.DoesNotContain(replies, r => r.Text.Contains(Messages.NotUnderstood.Clinician, StringComparison.Ordinal));
        Asks(replies, IntakeField.Splenectomy);
        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Null(profile.HbvStatus);
        Assert.Null(profile.Splenectomy);
    }

    [Fact]
    public async Task At_the_start_a_fact_that_is_not_current_is_noted_and_the_intake_begins()
    {
        await using var bot = new BotTestClient(output);

        var replies = await bot.SendAsync("denies any clots");

        // After the welcome: the note, then the first question.
        var note = replies.ToList().FindIndex(r => r.Text.StartsWith(Messages.NotCurrent.Clinician, StringComparison.Ordinal));
        Assert.True(note >= 0, "the fact is noted as not current");
        Assert.Contains("clots: denied", replies[note].Text);
        Assert.Equal(note + 1, replies.Count - 1);
        Assert.NotNull((await bot.ReadStateAsync()).Intake!.Pending);
    }

    [Fact]
    public async Task A_caregiver_asking_for_help_hears_of_the_patients_haematologist_not_their_own()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("my dad has ITP");

        var replies = await bot.SendAsync("help");

        Assert.Contains(replies, r => r.Text.Contains("his haematologist", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Text.Contains("your haematologist", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_then_a_plan_answers_pregnant_now_with_no(bool group)
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await CaseScript.EveryQuestion.AnswerUntilAsync(bot, IntakeField.Pregnancy, group: group);

        var replies = await bot.SendAsync("no, but we'd like to try for a baby");

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.False(intake.Profile.Pregnant);
        Assert.NotEqual(IntakeField.Pregnancy, intake.Pending);
        Assert.DoesNotContain(replies, r => r.Text == Retry(IntakeField.Pregnancy));
    }
}
