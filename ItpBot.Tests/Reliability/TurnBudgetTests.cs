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
            await bot.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var stopping = host.App.StopAsync();

            // Kestrel waits up to 30 s for running requests; the turn must be told to stop long before that.
            await bot.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await stopping.WaitAsync(TimeSpan.FromSeconds(20));
            _ = turn.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>A turn that never ends by itself; it notes when it starts and when its token is cancelled.</summary>
    private sealed class EndlessBot : IBot
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            Started.TrySetResult();
            using var registration = cancellationToken.Register(() => Cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
