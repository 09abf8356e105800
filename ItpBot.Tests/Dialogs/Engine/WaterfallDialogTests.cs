using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Engine;

public class WaterfallDialogTests(ITestOutputHelper output)
{
    public sealed record Booking(string? Destination = null, string? Origin = null);

    /// <summary>CoreBot's BookingDialog in miniature: each step asks only when the value is not already known.</summary>
    private sealed class BookingDialog : ComponentDialog
    {
        public BookingDialog()
            : base(nameof(BookingDialog))
        {
            AddDialog(new TextPrompt(nameof(TextPrompt)));
            AddDialog(new WaterfallDialog("steps", [DestinationStep, OriginStep, SummaryStep]));
            InitialDialogId = "steps";
        }

        private static async Task<DialogTurnResult> DestinationStep(WaterfallStepContext step, CancellationToken ct)
        {
            var booking = (Booking)step.Options!;
            return booking.Destination is null
                ? await step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = MessageFactory.Text("Where to?") }, ct)
                : await step.NextAsync(booking.Destination, ct);
        }

        private static async Task<DialogTurnResult> OriginStep(WaterfallStepContext step, CancellationToken ct)
        {
            step.Values["destination"] = (string)step.Result!;
            var booking = (Booking)step.Options!;
            return booking.Origin is null
                ? await step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = MessageFactory.Text("From where?") }, ct)
                : await step.NextAsync(booking.Origin, ct);
        }

        private static async Task<DialogTurnResult> SummaryStep(WaterfallStepContext step, CancellationToken ct)
        {
            var result = new Booking(step.Values.GetValue<string>("destination"), (string)step.Result!);
            await step.Context.SendActivityAsync($"Booked {result.Origin} to {result.Destination}.", cancellationToken: ct);
            return await step.EndDialogAsync(result, ct);
        }
    }

    [Fact]
    public async Task Runs_the_steps_in_order_asking_for_each_missing_value()
    {
        var client = TestDialogs.Client(new BookingDialog(), output, options: new Booking());

        Assert.Equal("Where to?", (await client.SendActivityAsync<IMessageActivity>("hi"))?.Text);
        Assert.Equal("From where?", (await client.SendActivityAsync<IMessageActivity>("Paris"))?.Text);
        Assert.Equal("Booked Oslo to Paris.", (await client.SendActivityAsync<IMessageActivity>("Oslo"))?.Text);

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult.Status);
        Assert.Equal(new Booking("Paris", "Oslo"), client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task Skips_the_steps_whose_value_is_already_known()
    {
        var client = TestDialogs.Client(new BookingDialog(), output, options: new Booking(Destination: "Rome"));

        Assert.Equal("From where?", (await client.SendActivityAsync<IMessageActivity>("hi"))?.Text);
        Assert.Equal("Booked Bergen to Rome.", (await client.SendActivityAsync<IMessageActivity>("Bergen"))?.Text);
    }

    [Fact]
    public async Task Completes_in_one_turn_when_every_value_is_known()
    {
        var client = TestDialogs.Client(new BookingDialog(), output, options: new Booking("Rome", "Oslo"));

        Assert.Equal("Booked Oslo to Rome.", (await client.SendActivityAsync<IMessageActivity>("hi"))?.Text);
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult.Status);
    }

    [Fact]
    public async Task Step_context_reports_index_and_reason()
    {
        var seen = new List<(int Index, DialogReason Reason, object? Result)>();
        WaterfallStep record(Func<WaterfallStepContext, CancellationToken, Task<DialogTurnResult>> then) => (step, ct) =>
        {
            seen.Add((step.Index, step.Reason, step.Result));
            return then(step, ct);
        };
        var waterfall = new WaterfallDialog("w")
            .AddStep(record((step, ct) => step.NextAsync("skipped", ct)))
            .AddStep(record(TestDialogs.Say("waiting").Invoke))
            .AddStep(record((step, ct) => step.EndDialogAsync(42, ct)));
        var client = TestDialogs.Client(waterfall, output);

        await client.SendActivityAsync<IMessageActivity>("start");
        await client.SendActivityAsync<IMessageActivity>("answer");

        Assert.Equal(
            new List<(int, DialogReason, object?)> { (0, DialogReason.BeginCalled, null), (1, DialogReason.NextCalled, "skipped"), (2, DialogReason.ContinueCalled, "answer") },
            seen);
        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, 42), client.DialogTurnResult);
    }

    [Fact]
    public async Task Calling_NextAsync_twice_in_one_step_is_refused()
    {
        var waterfall = new WaterfallDialog("w", [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            TestDialogs.Say("second"),
        ]);
        var client = TestDialogs.Client(waterfall, output);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendActivityAsync<IMessageActivity>("go"));
    }
}
