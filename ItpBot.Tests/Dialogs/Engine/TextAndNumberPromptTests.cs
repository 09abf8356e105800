using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Engine;

public class TextAndNumberPromptTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Text_prompt_returns_the_trimmed_answer()
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new TextPrompt("text"), TestDialogs.Ask("Name the drug?")), output);

        Assert.Equal("Name the drug?", (await client.SendActivityAsync<IMessageActivity>("hi"))?.Text);
        await client.SendActivityAsync<IMessageActivity>("  romiplostim ");

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "romiplostim"), client.DialogTurnResult);
    }

    [Fact]
    public async Task Text_prompt_validator_refusal_sends_the_retry_prompt_and_counts_attempts()
    {
        var attempts = new List<int>();
        var prompt = new TextPrompt("text", (ctx, ct) =>
        {
            attempts.Add(ctx.AttemptCount);
            return Task.FromResult(ctx.Recognized.Succeeded && ctx.Recognized.Value!.Length >= 4);
        });
        var client = TestDialogs.Client(TestDialogs.PromptHost(prompt, TestDialogs.Ask("Name the drug?", "At least four letters, please.")), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        Assert.Equal("At least four letters, please.", (await client.SendActivityAsync<IMessageActivity>("ab"))?.Text);
        Assert.Equal("At least four letters, please.", (await client.SendActivityAsync<IMessageActivity>("xyz"))?.Text);
        await client.SendActivityAsync<IMessageActivity>("rituximab");

        Assert.Equal(new[] { 1, 2, 3 }, attempts);
        Assert.Equal("rituximab", client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task A_validator_that_answers_itself_replaces_the_retry_prompt()
    {
        var prompt = new TextPrompt("text", async (ctx, ct) =>
        {
            await ctx.Context.SendActivityAsync("That is too short for a drug name.", cancellationToken: ct);
            return false;
        });
        var client = TestDialogs.Client(TestDialogs.PromptHost(prompt, TestDialogs.Ask("Name the drug?", "Retry?")), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        Assert.Equal("That is too short for a drug name.", (await client.SendActivityAsync<IMessageActivity>("ab"))?.Text);
        Assert.Null(client.GetNextReply<IMessageActivity>());
    }

    [Fact]
    public async Task After_max_attempts_the_prompt_gives_up_and_the_caller_decides()
    {
        var prompt = new TextPrompt("text", (ctx, ct) => Task.FromResult(false));
        var client = TestDialogs.Client(TestDialogs.PromptHost(prompt, TestDialogs.Ask("Name the drug?", "Once more?", maxAttempts: 3)), output);

        Assert.Empty(TestDialogs.ButtonTitles(await client.SendActivityAsync<IMessageActivity>("hi")));
        Assert.Empty(TestDialogs.ButtonTitles(await client.SendActivityAsync<IMessageActivity>("a")));
        var last = await client.SendActivityAsync<IMessageActivity>("b");
        Assert.Equal("Once more?", last?.Text);
        Assert.Equal(new[] { PromptWayOut.Skip, PromptWayOut.Cancel }, TestDialogs.ButtonTitles(last));

        Assert.Null(await client.SendActivityAsync<IMessageActivity>("c"));
        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, new PromptGaveUp("text", GaveUpReason.MaxAttemptsReached, 3)), client.DialogTurnResult);
    }

    [Theory]
    [InlineData("Skip", GaveUpReason.Skipped)]
    [InlineData("cancel", GaveUpReason.Cancelled)]
    public async Task On_the_last_attempt_skip_and_cancel_are_ways_out(string answer, GaveUpReason reason)
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new NumberPrompt<int>("n"), TestDialogs.Ask("Count?", maxAttempts: 2)), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        await client.SendActivityAsync<IMessageActivity>("lots");
        await client.SendActivityAsync<IMessageActivity>(answer);

        Assert.Equal(new PromptGaveUp("n", reason, 2), client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task Before_the_last_attempt_skip_is_an_ordinary_answer()
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new TextPrompt("text"), TestDialogs.Ask("Note?", maxAttempts: 3)), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        await client.SendActivityAsync<IMessageActivity>("skip");

        Assert.Equal("skip", client.DialogTurnResult.Result);
    }

    [Theory]
    [InlineData("30", 30)]
    [InlineData("30,000", 30000)]
    [InlineData("thirty thousand", 30000)]
    [InlineData("platelets were 12 this morning", 12)]
    [InlineData("-5", -5)]
    public async Task Number_prompt_reads_digits_and_words(string answer, int expected)
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new NumberPrompt<int>("n"), TestDialogs.Ask("Count?")), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        await client.SendActivityAsync<IMessageActivity>(answer);

        Assert.Equal(expected, client.DialogTurnResult.Result);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("none")]
    [InlineData("a few")]
    public async Task Whole_number_prompt_asks_again_for_fractions_and_words_without_a_number(string answer)
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new NumberPrompt<int>("n"), TestDialogs.Ask("Count?", "A whole number, please.")), output);

        await client.SendActivityAsync<IMessageActivity>("hi");

        Assert.Equal("A whole number, please.", (await client.SendActivityAsync<IMessageActivity>(answer))?.Text);
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult.Status);
    }

    [Fact]
    public async Task Decimal_number_prompt_keeps_the_fraction()
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new NumberPrompt<double>("n"), TestDialogs.Ask("Weight?")), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        await client.SendActivityAsync<IMessageActivity>("72.5");

        Assert.Equal(72.5, client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task Number_validator_sees_the_validations_from_the_options()
    {
        var prompt = new NumberPrompt<int>("n", (ctx, ct) =>
        {
            var limits = (int[])ctx.Options.Validations!;
            return Task.FromResult(ctx.Recognized.Succeeded && ctx.Recognized.Value >= limits[0] && ctx.Recognized.Value <= limits[1]);
        });
        var options = TestDialogs.Ask("Age?", "Between 18 and 120, please.");
        options.Validations = new[] { 18, 120 };
        var client = TestDialogs.Client(TestDialogs.PromptHost(prompt, options), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        Assert.Equal("Between 18 and 120, please.", (await client.SendActivityAsync<IMessageActivity>("12"))?.Text);
        await client.SendActivityAsync<IMessageActivity>("sixty");

        Assert.Equal(60, client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task Starting_a_prompt_without_prompt_options_is_refused()
    {
        var client = TestDialogs.Client(TestDialogs.Component(new WaterfallDialog("w", [(step, ct) => step.BeginDialogAsync("text", "not options", ct)]), new TextPrompt("text")), output);

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendActivityAsync<IMessageActivity>("hi"));
    }
}
