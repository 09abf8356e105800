using ItpBot.Bots;
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
    public async Task It_can_be_switched_off()
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?> { ["Startup:WarmUp"] = "false" });
        var warmUp = host.Services.GetRequiredService<UnderstandingWarmUp>();

        await warmUp.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, warmUp.FieldsRead);
    }
}
