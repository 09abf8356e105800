using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Engine;

public class DialogStateTests(ITestOutputHelper output)
{
    public sealed record Finding(string Therapy, int Courses);

    /// <summary>A component with a nested component, waterfall values of several simple kinds, and a waiting prompt.</summary>
    private sealed class History : ComponentDialog
    {
        public History()
            : base("history")
        {
            AddDialog(new TextPrompt("text"));
            AddDialog(new NumberPrompt<int>("count"));
            AddDialog(new ChoicePrompt("choice"));
            AddDialog(TestDialogs.Component(new WaterfallDialog("detail", [
                (step, ct) => step.PromptAsync("count", TestDialogs.Ask("How many courses?"), ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ])));
            AddDialog(new WaterfallDialog("steps", [
                (step, ct) => step.PromptAsync("choice", TestDialogs.Ask("Which therapy?", null, null, "eltrombopag", "romiplostim"), ct),
                (step, ct) =>
                {
                    var found = (FoundChoice)step.Result!;
                    step.Values["therapy"] = found.Value;
                    step.Values["score"] = found.Score;
                    step.Values["tags"] = new List<string> { "tpo-ra", "oral" };
                    step.Values["responded"] = true;
                    return step.BeginDialogAsync("holder", null, ct);
                },
                (step, ct) =>
                {
                    step.Values["finding"] = new Finding(step.Values.GetValue<string>("therapy")!, (int)step.Result!);
                    return step.PromptAsync("text", TestDialogs.Ask("Any note?"), ct);
                },
                (step, ct) => step.EndDialogAsync(
                    new object[]
                    {
                        step.Values.GetValue<Finding>("finding")!,
                        step.Values.GetValue<List<string>>("tags")!.Count,
                        step.Values.GetValue<bool>("responded"),
                        step.Values.GetValue<double>("score"),
                        step.Result!,
                    },
                    ct),
            ]));
            InitialDialogId = "steps";
        }

        protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken = default)
        {
            if (innerDc.StateWasReset)
            {
                await innerDc.Context.SendActivityAsync("Sorry, the bot was updated, so we are starting again.", cancellationToken: cancellationToken);
            }

            return await base.OnBeginDialogAsync(innerDc, options, cancellationToken);
        }
    }

    [Fact]
    public async Task A_new_ConversationState_over_the_same_storage_continues_the_conversation()
    {
        var storage = new MemoryStorage();
        var first = TestDialogs.Client(new History(), output, storage);
        Assert.Equal("Which therapy?", (await first.SendActivityAsync<IMessageActivity>("hi"))?.Text);
        Assert.Equal("How many courses?", (await first.SendActivityAsync<IMessageActivity>("romiplostim"))?.Text);

        // The bot restarts: new adapter, new ConversationState, same storage.
        var second = TestDialogs.Client(new History(), output, storage);
        Assert.Equal("Any note?", (await second.SendActivityAsync<IMessageActivity>("two"))?.Text);
        await second.SendActivityAsync<IMessageActivity>("well tolerated");

        Assert.False(second.StateWasReset);
        Assert.Equal(DialogTurnStatus.Complete, second.DialogTurnResult.Status);
        Assert.Equal(new object[] { new Finding("romiplostim", 2), 2, true, 1.0, "well tolerated" }, (object[])second.DialogTurnResult.Result!);
    }

    [Fact]
    public async Task The_stack_survives_Newtonsoft_with_TypeNameHandling_All()
    {
        var client = TestDialogs.Client(new History(), output);
        await client.SendActivityAsync<IMessageActivity>("hi");
        await client.SendActivityAsync<IMessageActivity>("eltrombopag");
        var state = await client.ReadDialogStateAsync();

        var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All };
        var json = JsonConvert.SerializeObject(state, settings);
        var copy = JsonConvert.DeserializeObject<DialogState>(json, settings)!;

        Assert.Equal(json, JsonConvert.SerializeObject(copy, settings));
        Assert.Equal(DialogState.CurrentVersion, copy.Version);
        Assert.Equal(new[] { "history", "steps", "holder", "detail", "count" }, DialogContextTests.Flatten(copy));
        var steps = copy.DialogStack[0].State.GetValue<DialogState>("dialogs")!.DialogStack.Single(i => i.Id == "steps");
        var values = steps.State.GetValue<Dictionary<string, object>>("values")!;
        Assert.Equal("eltrombopag", values.GetValue<string>("therapy"));
        Assert.Equal(new List<string> { "tpo-ra", "oral" }, values.GetValue<List<string>>("tags"));
        Assert.True(values.GetValue<bool>("responded"));
    }

    [Fact]
    public async Task The_stack_survives_storage_that_writes_no_type_names()
    {
        var storage = new MemoryStorage(new JsonSerializer());
        var first = TestDialogs.Client(new History(), output, storage);
        await first.SendActivityAsync<IMessageActivity>("hi");
        await first.SendActivityAsync<IMessageActivity>("eltrombopag");
        await first.SendActivityAsync<IMessageActivity>("3");

        var second = TestDialogs.Client(new History(), output, storage);
        await second.SendActivityAsync<IMessageActivity>("none");

        Assert.Equal(new object[] { new Finding("eltrombopag", 3), 2, true, 1.0, "none" }, (object[])second.DialogTurnResult.Result!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(null)]
    [InlineData(DialogState.CurrentVersion + 1)]
    public async Task A_stack_stored_in_another_shape_is_reset_and_the_root_dialog_is_told(int? storedVersion)
    {
        var items = new Dictionary<string, JObject>();
        var storage = new MemoryStorage(items);
        var first = TestDialogs.Client(new History(), output, storage);
        await first.SendActivityAsync<IMessageActivity>("hi");
        await first.SendActivityAsync<IMessageActivity>("eltrombopag");

        var stored = (JObject)items.Values.Single()["DialogState"]!;
        stored.Remove("Version");
        if (storedVersion is int version)
        {
            stored["Version"] = version;
        }

        var second = TestDialogs.Client(new History(), output, storage);
        Assert.Equal("Sorry, the bot was updated, so we are starting again.", (await second.SendActivityAsync<IMessageActivity>("4"))?.Text);
        Assert.Equal("Which therapy?", second.GetNextReply<IMessageActivity>()?.Text);
        Assert.True(second.StateWasReset);

        await second.SendActivityAsync<IMessageActivity>("romiplostim");
        Assert.False(second.StateWasReset);
        Assert.Equal(DialogState.CurrentVersion, (await second.ReadDialogStateAsync()).Version);
    }

    [Fact]
    public async Task State_size_does_not_grow_over_50_turns_of_a_looping_dialog()
    {
        var items = new Dictionary<string, JObject>();
        var loop = TestDialogs.Component(
            new TextPrompt("text"),
            new WaterfallDialog("ask", [
                (step, ct) => step.PromptAsync("text", TestDialogs.Ask("Anything else?"), ct),
                (step, ct) =>
                {
                    step.Values["last"] = step.Result!;
                    return step.ReplaceDialogAsync("ask", null, ct);
                },
            ]));
        ((ComponentDialog)loop).InitialDialogId = "ask";
        var client = TestDialogs.Client(loop, output, new MemoryStorage(items));

        var sizes = new List<int>();
        for (var turn = 1; turn <= 50; turn++)
        {
            await client.SendActivityAsync<IMessageActivity>($"answer {turn % 10}");
            sizes.Add(StoredSize(items));
        }

        Assert.Single(sizes.Skip(1).Distinct());
    }

    [Fact]
    public async Task State_size_does_not_grow_over_50_refused_answers()
    {
        var items = new Dictionary<string, JObject>();
        var prompt = new NumberPrompt<int>("n", (ctx, ct) => Task.FromResult(false));
        var client = TestDialogs.Client(TestDialogs.PromptHost(prompt, TestDialogs.Ask("Count?", "Again?")), output, new MemoryStorage(items));

        var sizes = new List<int>();
        for (var turn = 1; turn <= 50; turn++)
        {
            await client.SendActivityAsync<IMessageActivity>("12");
            client.GetNextReply<IMessageActivity>();
            sizes.Add(StoredSize(items));
        }

        // The first message starts the prompt; from the 11th on the attempt counter has two digits, so the stored
        // state must be byte for byte the same size.
        Assert.Single(sizes.Skip(10).Distinct());
        output.WriteLine($"Stored conversation state: {sizes[^1]} characters");
        Assert.InRange(sizes[^1], 1, 2500);
    }

    private static int StoredSize(Dictionary<string, JObject> items) =>
        items.Where(i => i.Key.Contains("/conversations/", StringComparison.Ordinal)).Sum(i => i.Value.ToString(Formatting.None).Length);
}
