using ItpBot.Dialogs.Conversation;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>Wrong turns found by driving realistic conversations: each one replayed through the whole bot.</summary>
public sealed class ConversationPolishTests(ITestOutputHelper output)
{
    private const string FreeTextCase = "52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy";

    [Theory]
    [InlineData("none")]
    [InlineData("nothing")]
    [InlineData("None.")]
    public async Task None_at_the_case_confirmation_is_not_a_no_the_confirmation_is_asked_again(string answer)
    {
        await using var bot = new BotTestClient(output);
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase));

        var replies = await bot.SendAsync(answer);

        Assert.DoesNotContain(replies, r => r.Text == ConversationTexts.Default.Messages.AskCorrection.Clinician);
        Assert.Contains(replies, r => r.Text == ConversationTexts.Default.Messages.Confirm.Clinician);
        Assert.False((await bot.ReadStateAsync()).Intake!.Confirmed);
        ShowsAssessment(await bot.SendAsync("yes"));
    }
}
