using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Engine;

public class ConfirmPromptTests(ITestOutputHelper output)
{
    public static TheoryData<string, bool> Answers => new()
    {
        { "yes", true }, { "Y", true }, { "yeah", true }, { "yep", true }, { "Yup!", true }, { "sure", true },
        { "correct", true }, { "That's right", true }, { "ok", true }, { "of course", true }, { "yes, twice", true },
        { "Yes please", true },
        { "no", false }, { "N", false }, { "nope", false }, { "nah", false }, { "no thanks", false },
        { "No thank you.", false }, { "not at all", false }, { "incorrect", false }, { "no, never", false },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Understands_the_usual_ways_of_saying_yes_and_no(string answer, bool expected)
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new ConfirmPrompt("confirm"), TestDialogs.Ask("Any bleeding?")), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        await client.SendActivityAsync<IMessageActivity>(answer);

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, expected), client.DialogTurnResult);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("not sure")]
    [InlineData("nobody knows")]
    [InlineData("yesterday")]
    public async Task Asks_again_when_the_answer_is_neither(string answer)
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new ConfirmPrompt("confirm"), TestDialogs.Ask("Any bleeding?", "Yes or no?")), output);

        await client.SendActivityAsync<IMessageActivity>("hi");

        Assert.Equal("Yes or no?", (await client.SendActivityAsync<IMessageActivity>(answer))?.Text);
    }

    [Fact]
    public async Task Shows_yes_and_no_buttons()
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new ConfirmPrompt("confirm"), TestDialogs.Ask("Any bleeding?")), output);

        Assert.Equal(new[] { "Yes", "No" }, TestDialogs.ButtonTitles(await client.SendActivityAsync<IMessageActivity>("hi")));
    }

    [Theory]
    [InlineData("Bleeding now", true)]
    [InlineData("No bleeding", false)]
    public async Task Custom_labels_mean_yes_then_no(string answer, bool expected)
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new ConfirmPrompt("confirm"), TestDialogs.Ask("Any bleeding?", null, null, "Bleeding now", "No bleeding")), output);

        Assert.Equal(new[] { "Bleeding now", "No bleeding" }, TestDialogs.ButtonTitles(await client.SendActivityAsync<IMessageActivity>("hi")));
        await client.SendActivityAsync<IMessageActivity>(answer);

        Assert.Equal(expected, client.DialogTurnResult.Result);
    }
}
