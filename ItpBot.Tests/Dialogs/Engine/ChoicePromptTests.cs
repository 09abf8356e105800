using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Engine;

public class ChoicePromptTests(ITestOutputHelper output)
{
    private static IList<Choice> Therapies() =>
    [
        new("eltrombopag") { Synonyms = ["Promacta", "Revolade"] },
        new("romiplostim") { Synonyms = ["Nplate"] },
        new("avatrombopag") { Synonyms = ["Doptelet"] },
        new("rituximab"),
        new("fostamatinib"),
    ];

    private static PromptOptions AskTherapy(int? maxAttempts = null, ListStyle? style = null) => new()
    {
        Prompt = MessageFactory.Text("Which therapy?"),
        RetryPrompt = MessageFactory.Text("Please pick one of the therapies."),
        Choices = Therapies(),
        MaxAttempts = maxAttempts,
        Style = style,
    };

    public static TheoryData<string, string, string?> Understood => new()
    {
        { "eltrombopag", "eltrombopag", null },
        { "Eltrombopag.", "eltrombopag", null },
        { "Promacta", "eltrombopag", "Promacta" },
        { "nplate", "romiplostim", "Nplate" },
        { "2", "romiplostim", null },
        { "the second one", "romiplostim", null },
        { "third", "avatrombopag", null },
        { "I'll take the 4th please", "rituximab", null },
        { "romiplostim first", "romiplostim", null },
        { "romiplastim first", "romiplostim", null },
        { "eltrombopg", "eltrombopag", null },
        { "romiplastim", "romiplostim", null },
        { "I'd go with fostamatinb please", "fostamatinib", null },
        { "Doptlet", "avatrombopag", "Doptelet" },
    };

    [Theory]
    [MemberData(nameof(Understood))]
    public async Task Understands_values_synonyms_positions_and_misspellings(string answer, string expected, string? synonym)
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new ChoicePrompt("choice"), AskTherapy()), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        await client.SendActivityAsync<IMessageActivity>(answer);

        var found = Assert.IsType<FoundChoice>(client.DialogTurnResult.Result);
        Assert.Equal(expected, found.Value);
        Assert.Equal(Therapies().Select(c => c.Value).ToList().IndexOf(expected), found.Index);
        Assert.Equal(synonym, found.Synonym);
    }

    [Fact]
    public async Task A_misspelling_scores_below_an_exact_match()
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new ChoicePrompt("choice"), AskTherapy()), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        await client.SendActivityAsync<IMessageActivity>("eltrombopg");

        var found = Assert.IsType<FoundChoice>(client.DialogTurnResult.Result);
        Assert.InRange(found.Score, 0.8, 0.99);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("trombopag")] // as close to eltrombopag as to avatrombopag: ask, don't guess
    [InlineData("9")]
    [InlineData("I had 3 courses")]
    [InlineData("the first time it failed")]
    public async Task Asks_again_when_no_single_choice_is_named(string answer)
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new ChoicePrompt("choice"), AskTherapy()), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        var retry = await client.SendActivityAsync<IMessageActivity>(answer);

        Assert.Equal("Please pick one of the therapies.", retry?.Text);
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult.Status);
    }

    [Fact]
    public async Task Shows_choices_as_imBack_suggested_actions()
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new ChoicePrompt("choice"), AskTherapy()), output);

        var prompt = await client.SendActivityAsync<IMessageActivity>("hi");

        Assert.Equal(Therapies().Select(c => c.Value), TestDialogs.ButtonTitles(prompt));
        Assert.All(prompt!.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.All(prompt.SuggestedActions.Actions, a => Assert.Equal(a.Title, a.Value));
    }

    [Fact]
    public async Task List_style_numbers_the_choices_in_the_text()
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new ChoicePrompt("choice"), AskTherapy(style: ListStyle.List)), output);

        var prompt = await client.SendActivityAsync<IMessageActivity>("hi");

        Assert.Equal("Which therapy?\n\n1. eltrombopag\n2. romiplostim\n3. avatrombopag\n4. rituximab\n5. fostamatinib", prompt?.Text);
        Assert.Null(prompt?.SuggestedActions);
    }

    [Fact]
    public async Task Last_attempt_offers_the_choices_plus_a_way_out_then_gives_up()
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new ChoicePrompt("choice"), AskTherapy(maxAttempts: 2)), output);

        Assert.DoesNotContain(PromptWayOut.Skip, TestDialogs.ButtonTitles(await client.SendActivityAsync<IMessageActivity>("hi")));
        var last = await client.SendActivityAsync<IMessageActivity>("banana");
        Assert.Equal(Therapies().Select(c => c.Value).Append(PromptWayOut.Skip).Append(PromptWayOut.Cancel), TestDialogs.ButtonTitles(last));

        await client.SendActivityAsync<IMessageActivity>("apple");

        Assert.Equal(new PromptGaveUp("choice", GaveUpReason.MaxAttemptsReached, 2), client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task A_choice_prompt_without_choices_is_refused()
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new ChoicePrompt("choice"), TestDialogs.Ask("Which?")), output);

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendActivityAsync<IMessageActivity>("hi"));
    }

    public static TheoryData<string, string[]> MultiUnderstood => new()
    {
        { "eltrombopag, romiplostim and rituximab", ["eltrombopag", "romiplostim", "rituximab"] },
        { "Nplate & Doptelet", ["romiplostim", "avatrombopag"] },
        { "1 and 3", ["eltrombopag", "avatrombopag"] },
        { "rituximab; eltrombopg", ["rituximab", "eltrombopag"] },
        { "eltrombopag and Promacta", ["eltrombopag"] },
        { "fostamatinib", ["fostamatinib"] },
        { "none", [] },
        { "None of them", [] },
        { "all of them", ["eltrombopag", "romiplostim", "avatrombopag", "rituximab", "fostamatinib"] },
    };

    [Theory]
    [MemberData(nameof(MultiUnderstood))]
    public async Task Multi_choice_reads_lists_none_and_all(string answer, string[] expected)
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new MultiChoicePrompt("multi"), AskTherapy()), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        await client.SendActivityAsync<IMessageActivity>(answer);

        var found = Assert.IsAssignableFrom<IReadOnlyList<FoundChoice>>(client.DialogTurnResult.Result);
        Assert.Equal(expected, found.Select(f => f.Value));
    }

    [Theory]
    [InlineData("eltrombopag, banana")]
    [InlineData("and")]
    public async Task Multi_choice_asks_again_when_any_part_is_not_a_choice(string answer)
    {
        var client = TestDialogs.Client(TestDialogs.PromptHost(new MultiChoicePrompt("multi"), AskTherapy()), output);

        await client.SendActivityAsync<IMessageActivity>("hi");

        Assert.Equal("Please pick one of the therapies.", (await client.SendActivityAsync<IMessageActivity>(answer))?.Text);
    }

    [Fact]
    public async Task Multi_choice_does_not_split_a_choice_whose_name_has_and_in_it()
    {
        var options = TestDialogs.Ask("Which?", null, null, "rituximab and dexamethasone", "rituximab");
        var client = TestDialogs.Client(TestDialogs.PromptHost(new MultiChoicePrompt("multi"), options), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        await client.SendActivityAsync<IMessageActivity>("Rituximab and dexamethasone");

        var found = Assert.IsAssignableFrom<IReadOnlyList<FoundChoice>>(client.DialogTurnResult.Result);
        Assert.Equal(new[] { "rituximab and dexamethasone" }, found.Select(f => f.Value));
    }
}
