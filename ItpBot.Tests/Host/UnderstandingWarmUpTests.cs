using ItpBot.Bots;
using ItpBot.Storage;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.Host;

public sealed class UnderstandingWarmUpTests
{
    [Fact]
    public async Task Once_the_host_listens_the_language_models_are_built_by_reading_an_invented_case()
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?> { ["Startup:WarmUp"] = "true" });
        var warmUp = host.Services.GetRequiredService<UnderstandingWarmUp>();

        await warmUp.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        // Age, sex, weight, duration, count, bleeding and a prior treatment: every model a first message can need ran.
        Assert.True(warmUp.FieldsRead >= 7, $"the sample case gave {warmUp.FieldsRead} fields");
        Assert.True((await host.Client.GetAsync("healthz")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task The_whole_turn_pipeline_runs_to_plans_before_the_host_is_ready_and_leaves_no_state()
    {
        await using var host = await RunningBotHost.StartAsync(
            new Dictionary<string, string?> { ["Startup:WarmUp"] = "true", ["Startup:WarmUpRounds"] = "3" });
        var warmUp = host.Services.GetRequiredService<UnderstandingWarmUp>();
        // The warm-up may finish while the probe is in flight (a warm test process runs 33 turns in well under a second),
        // so "ready" is only wrong if it came while the warm-up was still running.
        var ready = (await host.Client.GetAsync("readyz")).StatusCode;
        if (ready == System.Net.HttpStatusCode.OK)
        {
            Assert.True(warmUp.Completion.IsCompleted, "/readyz said ready before the warm-up had finished");
        }
        else
        {
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready);
        }

        await warmUp.Completion.WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(3, warmUp.RoundsRun);
        Assert.Equal(3 * 11, warmUp.TurnsRun);
        Assert.True(warmUp.PlansRendered >= 3, $"{warmUp.PlansRendered} plans rendered in 3 invented intakes");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Client.GetAsync("readyz")).StatusCode);
        // Round i ran on the i-th channel; "forget me" deleted its state.
        var store = host.Services.GetRequiredService<IStateDocumentStore>();
        foreach (var (channel, round) in new[] { ("msteams", 0), ("directline", 1), ("emulator", 2) })
        {
            foreach (var key in new[] { $"{channel}/conversations/warm-up-{round}", $"{channel}/users/warm-up-user-{round}" })
            {
                Assert.Null(await store.ReadAsync(key, CancellationToken.None));
            }
        }
    }

    [Fact]
    public async Task It_can_be_switched_off()
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?> { ["Startup:WarmUp"] = "false" });
        var warmUp = host.Services.GetRequiredService<UnderstandingWarmUp>();

        await warmUp.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, warmUp.FieldsRead);
    }
}
