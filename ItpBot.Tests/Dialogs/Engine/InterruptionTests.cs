using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Engine;

public class InterruptionTests(ITestOutputHelper output)
{
    /// <summary>CoreBot's CancelAndHelpDialog shape: one place that looks at every message before the steps do.</summary>
    private sealed class IntakeDialog : ComponentDialog
    {
        public IntakeDialog()
            : base("intake")
        {
            AddDialog(new NumberPrompt<int>("count"));
            AddDialog(new ConfirmPrompt("confirm"));
            AddDialog(new WaterfallDialog("steps", [
                (step, ct) => step.PromptAsync("count", TestDialogs.Ask("What is the platelet count?"), ct),
                (step, ct) =>
                {
                    step.Values["count"] = step.Result!;
                    return step.PromptAsync("confirm", TestDialogs.Ask("Any bleeding?"), ct);
                },
                (step, ct) => step.EndDialogAsync($"{step.Values.GetValue<int>("count")}, bleeding: {step.Result}", ct),
            ]));
            AddDialog(new WaterfallDialog("question", [
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync("Eltrombopag is an oral thrombopoietin receptor agonist.", cancellationToken: ct);
                    return await step.PromptAsync("confirm", TestDialogs.Ask("Did that answer it?"), ct);
                },
                (step, ct) => step.EndDialogAsync(null, ct),
            ]));
            InitialDialogId = "steps";
        }

        protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
        {
            var text = innerDc.Context.Activity.Text?.Trim().ToLowerInvariant() ?? string.Empty;
            switch (text)
            {
                case "help":
                    await innerDc.Context.SendActivityAsync("I need a few facts about the patient.", cancellationToken: cancellationToken);
                    await innerDc.RepromptDialogAsync(cancellationToken);
                    return EndOfTurn;
                case "cancel":
                    await innerDc.Context.SendActivityAsync("Cancelled.", cancellationToken: cancellationToken);
                    return await innerDc.CancelAllDialogsAsync(cancellationToken);
                case var question when question.StartsWith("what is ", StringComparison.Ordinal):
                    // Pushed on top of the waiting prompt: when it ends, the prompt is resumed and asks again.
                    return await innerDc.BeginDialogAsync("question", null, cancellationToken);
                default:
                    return await base.OnContinueDialogAsync(innerDc, cancellationToken);
            }
        }
    }

    [Fact]
    public async Task Help_answers_then_reprompts_the_waiting_question()
    {
        var client = TestDialogs.Client(new IntakeDialog(), output);

        Assert.Equal("What is the platelet count?", (await client.SendActivityAsync<IMessageActivity>("hi"))?.Text);
        Assert.Equal("I need a few facts about the patient.", (await client.SendActivityAsync<IMessageActivity>("help"))?.Text);
        Assert.Equal("What is the platelet count?", client.GetNextReply<IMessageActivity>()?.Text);
        Assert.Equal("Any bleeding?", (await client.SendActivityAsync<IMessageActivity>("25000"))?.Text);
        Assert.Null(await client.SendActivityAsync<IMessageActivity>("nope"));

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "25000, bleeding: False"), client.DialogTurnResult);
    }

    [Fact]
    public async Task A_question_dialog_pushed_over_a_prompt_resumes_the_prompt_when_it_ends()
    {
        var client = TestDialogs.Client(new IntakeDialog(), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        Assert.Equal("Eltrombopag is an oral thrombopoietin receptor agonist.", (await client.SendActivityAsync<IMessageActivity>("what is eltrombopag"))?.Text);
        Assert.Equal("Did that answer it?", client.GetNextReply<IMessageActivity>()?.Text);
        Assert.Equal("What is the platelet count?", (await client.SendActivityAsync<IMessageActivity>("yes"))?.Text);
        Assert.Equal("Any bleeding?", (await client.SendActivityAsync<IMessageActivity>("12"))?.Text);
        await client.SendActivityAsync<IMessageActivity>("yes");

        Assert.Equal("12, bleeding: True", client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task Cancel_empties_the_inner_stack_and_ends_the_component()
    {
        var client = TestDialogs.Client(new IntakeDialog(), output);

        await client.SendActivityAsync<IMessageActivity>("hi");
        await client.SendActivityAsync<IMessageActivity>("30");
        Assert.Equal("Cancelled.", (await client.SendActivityAsync<IMessageActivity>("cancel"))?.Text);

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult.Status);
        Assert.Null(client.DialogTurnResult.Result);
        Assert.Empty((await client.ReadDialogStateAsync()).DialogStack);
    }
}
