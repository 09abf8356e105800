using ItpBot.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Engine;

public class DialogContextTests(ITestOutputHelper output)
{
    /// <summary>Outer component -> inner component -> waterfall that asks twice; each level reports how it ended.</summary>
    private sealed class Outer : ComponentDialog
    {
        public Outer()
            : base("outer")
        {
            AddDialog(new WaterfallDialog("outerSteps", [
                (step, ct) => step.BeginDialogAsync("inner", null, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"Inner gave {step.Result}.", cancellationToken: ct);
                    return await step.EndDialogAsync($"outer({step.Result})", ct);
                },
            ]));
            AddDialog(new Inner());
        }
    }

    private sealed class Inner : ComponentDialog
    {
        public Inner()
            : base("inner")
        {
            AddDialog(new WaterfallDialog("innerSteps", [
                TestDialogs.Say("First?"),
                async (step, ct) =>
                {
                    step.Values["first"] = step.Result!;
                    await step.Context.SendActivityAsync("Second?", cancellationToken: ct);
                    return Dialog.EndOfTurn;
                },
                (step, ct) => step.EndDialogAsync($"{step.Values.GetValue<string>("first")}+{step.Result}", ct),
            ]));
        }
    }

    [Fact]
    public async Task Nested_components_keep_one_outer_stack_entry_and_pass_results_up()
    {
        var client = TestDialogs.Client(new Outer(), output);

        Assert.Equal("First?", (await client.SendActivityAsync<IMessageActivity>("go"))?.Text);
        Assert.Equal("Second?", (await client.SendActivityAsync<IMessageActivity>("a"))?.Text);
        var state = await client.ReadDialogStateAsync();
        Assert.Equal(new[] { "outer" }, state.DialogStack.Select(i => i.Id));

        Assert.Equal("Inner gave a+b.", (await client.SendActivityAsync<IMessageActivity>("b"))?.Text);
        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "outer(a+b)"), client.DialogTurnResult);
        Assert.Empty((await client.ReadDialogStateAsync()).DialogStack);
    }

    [Fact]
    public async Task ReplaceDialog_loops_without_growing_the_stack()
    {
        var client = TestDialogs.Client(new LoopDialog(), output);

        Assert.Equal("Turn 1?", (await client.SendActivityAsync<IMessageActivity>("go"))?.Text);
        Assert.Equal("Turn 2?", (await client.SendActivityAsync<IMessageActivity>("x"))?.Text);
        Assert.Equal("Turn 3?", (await client.SendActivityAsync<IMessageActivity>("y"))?.Text);
        Assert.Equal(new[] { "loop", "loopSteps" }, Flatten(await client.ReadDialogStateAsync()));
    }

    [Fact]
    public async Task EndDialog_resumes_the_parent_with_the_result()
    {
        var parent = new WaterfallDialog("parent", [
            (step, ct) => step.BeginDialogAsync("child", "in", ct),
            (step, ct) => step.EndDialogAsync($"parent saw {step.Result}", ct),
        ]);
        var child = new WaterfallDialog("child", [(step, ct) => step.EndDialogAsync($"child got {step.Options}", ct)]);
        var root = new RootOf(parent, child);
        var client = TestDialogs.Client(root, output);

        await client.SendActivityAsync<IMessageActivity>("go");

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "parent saw child got in"), client.DialogTurnResult);
    }

    [Fact]
    public async Task CancelAllDialogs_empties_every_level_and_tells_each_dialog_why()
    {
        var ended = new List<(string, DialogReason)>();
        var waiting = new RecordingDialog("waiting", ended);
        var canceller = new WaterfallDialog("top", [
            (step, ct) => step.BeginDialogAsync("waiting", null, ct),
        ]);
        var root = new RootOf(canceller, waiting) { OnContinue = dc => dc.CancelAllDialogsAsync() };
        var client = TestDialogs.Client(root, output);

        await client.SendActivityAsync<IMessageActivity>("go");
        Assert.Equal(new[] { "root", "top", "waiting" }, Flatten(await client.ReadDialogStateAsync()));

        await client.SendActivityAsync<IMessageActivity>("cancel");

        Assert.Equal(new[] { ("waiting", DialogReason.CancelCalled) }, ended);
        Assert.Empty((await client.ReadDialogStateAsync()).DialogStack);
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult.Status);
    }

    [Fact]
    public async Task CancelAllDialogs_on_an_empty_stack_reports_empty()
    {
        var dc = new DialogContext(new DialogSet(), new TurnContext(new Microsoft.Bot.Builder.Adapters.TestAdapter(), new Activity(ActivityTypes.Message)), new DialogState());

        Assert.Equal(DialogTurnStatus.Empty, (await dc.CancelAllDialogsAsync()).Status);
        Assert.Equal(DialogTurnStatus.Empty, (await dc.ContinueDialogAsync()).Status);
    }

    [Fact]
    public void Adding_two_dialogs_with_one_id_is_refused()
    {
        var set = new DialogSet().Add(new WaterfallDialog("same"));

        Assert.Throws<ArgumentException>(() => set.Add(new WaterfallDialog("same")));
    }

    [Fact]
    public async Task Beginning_an_unknown_dialog_names_it()
    {
        var client = TestDialogs.Client(new WaterfallDialog("w", [(step, ct) => step.BeginDialogAsync("nowhere", null, ct)]), output);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendActivityAsync<IMessageActivity>("go"));
        Assert.Contains("nowhere", error.Message);
    }

    /// <summary>Every dialog id on the stack, outer first, descending into component inner stacks.</summary>
    internal static List<string> Flatten(DialogState state)
    {
        var ids = new List<string>();
        foreach (var instance in Enumerable.Reverse(state.DialogStack))
        {
            ids.Add(instance.Id);
            if (instance.State.GetValue<DialogState>("dialogs") is { } inner)
            {
                ids.AddRange(Flatten(inner));
            }
        }

        return ids;
    }

    private sealed class LoopDialog : ComponentDialog
    {
        public LoopDialog()
            : base("loop")
        {
            AddDialog(new WaterfallDialog("loopSteps", [
                async (step, ct) =>
                {
                    var turn = (step.Options is null ? 0 : Convert.ToInt32(step.Options)) + 1;
                    await step.Context.SendActivityAsync($"Turn {turn}?", cancellationToken: ct);
                    step.Values["turn"] = turn;
                    return Dialog.EndOfTurn;
                },
                (step, ct) => step.ReplaceDialogAsync("loopSteps", step.Values.GetValue<int>("turn"), ct),
            ]));
        }
    }

    /// <summary>A component holding the given dialogs, starting the first; OnContinue can intercept.</summary>
    private sealed class RootOf : ComponentDialog
    {
        public RootOf(params Dialog[] dialogs)
            : base("root")
        {
            foreach (var dialog in dialogs)
            {
                AddDialog(dialog);
            }
        }

        public Func<DialogContext, Task<DialogTurnResult>>? OnContinue { get; init; }

        protected override Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default) =>
            OnContinue?.Invoke(innerDc) ?? base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    private sealed class RecordingDialog(string id, List<(string, DialogReason)> ended) : Dialog(id)
    {
        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(EndOfTurn);

        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            ended.Add((Id, reason));
            return Task.CompletedTask;
        }
    }
}
