using ItpBot.Dialogs.Conversation;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// "what have you got so far", "print the plan", "change my answer about the spleen": the case so far (or the plan,
/// once made) is shown again whatever is pending, and changing an answer shows the case and how to set it right.
/// </summary>
public sealed class CaseSoFarCommandsTranscriptTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_case_so_far_is_shown_mid_intake_and_the_question_asked_again()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("start");
        Asks(await bot.SendAsync("12"), IntakeField.Bleeding);

        var shown = await bot.SendAsync("what have you got so far?");

        Assert.StartsWith($"**{ConversationTexts.Default.Messages.CaseHeading.Clinician}**", shown[0].Text);
        Assert.Contains("Platelet count: 12", shown[0].Text);
        Asks(shown, IntakeField.Bleeding);
        Assert.Equal(12, (await bot.ReadStateAsync()).Intake!.Profile.PlateletCount);
    }

    [Fact]
    public async Task Changing_an_answer_shows_the_case_and_the_next_message_sets_it_right()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("start");
        Asks(await bot.SendAsync("12"), IntakeField.Bleeding);

        var change = Assert.Single(await bot.SendAsync("I need to change my answer about the count"));
        Assert.Contains("Platelet count: 12", change.Text);
        Assert.EndsWith(ConversationTexts.Default.Messages.AskCorrection.Clinician, change.Text);

        await bot.SendAsync("platelets are actually 21");
        Assert.Equal(21, (await bot.ReadStateAsync()).Intake!.Profile.PlateletCount);
    }

    [Fact]
    public async Task After_the_plan_asking_for_it_again_sends_the_plan()
    {
        await using var bot = new BotTestClient(output);
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync("start"));
        ShowsAssessment(await bot.SendAsync("yes"));

        ShowsAssessment(await bot.SendAsync("can you export the plan please"));
    }
}
