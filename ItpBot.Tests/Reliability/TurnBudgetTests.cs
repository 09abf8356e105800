using ItpBot.Bots;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;

namespace ItpBot.Tests.Reliability;

/// <summary>
/// Every turn runs under one cancellation token. Must hold: a turn that outruns Bot:TurnTimeout is stopped and the user
/// told; shutting the host down cancels running turns at once instead of waiting for them.
/// </summary>
[Trait("Category", "Resilience")]
public sealed class TurnBudgetTests : IAsyncLifetime
{
    private ConnectorSink _sink = null!;

    public async Task InitializeAsync() => _sink = await ConnectorSink.StartAsync();

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task A_turn_over_its_time_is_stopped_and_the_user_told()
    {
        var bot = new EndlessBot();
        await using var host = await RunningBotHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:TurnTimeout"] = "00:00:01" },
            b => b.Override(s => s.AddSingleton<IBot>(bot)));

        var message = Activities.Message(_sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), "hello");
        var response = await host.Client.PostActivityAsync(message);

        Assert.True(response.IsSuccessStatusCode, $"answered {response.StatusCode}");
        Assert.True(bot.Cancelled.Task.IsCompleted, "the turn's token was cancelled");
        Assert.Equal("its time budget was spent", await bot.Cancelled.Task);
        Assert.Contains(_sink.All, p => p.ReplyToId == message.Id && p.Activity.Text == AdapterWithErrorHandler.TooSlowReply);
    }

    [Fact]
    public async Task Shutting_down_cancels_a_running_turn()
    {
        var bot = new EndlessBot();
        var host = await RunningBotHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:TurnTimeout"] = "01:00:00" },
            b => b.Override(s => s.AddSingleton<IBot>(bot)));
        try
        {
            var turn = host.Client.PostActivityAsync(Activities.Message(_sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), "hello"));
            await bot.Started.Task.WaitAsync(Safety);

            var stopping = host.App.StopAsync();

            // Kestrel waits up to 30 s for running requests and then aborts them, which would cancel the turn too (as
            // "the caller went away"). Signals, not a stopwatch, say the turn was told to stop because the host is
            // shutting down, and that its request then ended by itself, answered, while the host stopped.
            Assert.Equal(ShuttingDown, await bot.Cancelled.Task.WaitAsync(Safety));
            var answered = await turn.WaitAsync(Safety);
            Assert.NotNull(answered);
            await stopping.WaitAsync(Safety);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    // Generous: only keeps a broken host from hanging the run; what the tests prove does not depend on it.
    private static readonly TimeSpan Safety = TimeSpan.FromMinutes(2);

    private const string ShuttingDown = "the host is shutting down";

    /// <summary>
    /// A turn that never ends by itself; it notes when it starts and when its token is cancelled, with the reason the
    /// turn's budget gives.
    /// </summary>
    private sealed class EndlessBot : IBot
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<string> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var budget = TurnBudget.Current;
            Started.TrySetResult();
            using var registration = cancellationToken.Register(() => Cancelled.TrySetResult(budget?.Reason ?? "no budget"));
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
