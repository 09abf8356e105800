using ItpBot.Dialogs.Conversation;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// A fact told inside a question ("what dose of romiplostim for a 95kg man?") fills what the case does not know yet,
/// and the question is still answered; it never replaces a fact the conversation already holds (a clinician's "and for
/// a 70 kg adult?" keeps the patient's 80 kg).
/// </summary>
public sealed class QuestionFactsTranscriptTests(ITestOutputHelper output)
{
    private static MessageTexts Messages => ConversationTexts.Default.Messages;

    [Fact]
    public async Task A_weight_told_in_a_question_fills_an_unknown_weight_and_the_question_is_answered()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Splenectomy);
        Assert.Null((await bot.ReadStateAsync()).Intake!.Profile.WeightKg);

        var replies = await bot.SendAsync("what dose of romiplostim for a 95kg man?");

        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal(95d, profile.WeightKg);
        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, r => r.Text.Contains(Messages.NotUnderstood.Clinician, StringComparison.Ordinal));
        // The question answered is not the case told: the count already given stays.
        Assert.Equal(12d, profile.PlateletCount);
    }

    [Fact]
    public async Task A_weight_told_in_a_question_never_replaces_the_weight_already_given()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Preferences);
        Assert.Equal(80d, (await bot.ReadStateAsync()).Intake!.Profile.WeightKg);

        await bot.SendAsync("what dose of romiplostim for a 70 kg adult?");

        Assert.Equal(80d, (await bot.ReadStateAsync()).Intake!.Profile.WeightKg);
    }

    [Fact]
    public async Task A_count_told_in_a_question_never_replaces_the_count_already_given()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Splenectomy);

        await bot.SendAsync("is it safe for him to fly with a count of 28?");

        Assert.Equal(12d, (await bot.ReadStateAsync()).Intake!.Profile.PlateletCount);
    }
}
