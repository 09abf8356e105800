using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;

namespace ItpBot.Tests.Reliability;

/// <summary>The host's storage forgets a conversation once Storage:ConversationTtl has passed since its last save.</summary>
public sealed class ConversationExpiryTests
{
    [Fact]
    public async Task A_conversation_idle_longer_than_its_time_to_live_starts_again_from_nothing()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await RunningBotHost.StartAsync(
            new Dictionary<string, string?> { ["Storage:ConversationTtl"] = "02:00:00" },
            b => b.Override(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddTransient<IBot, CounterBot>();
            }));
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");

        Assert.Equal("count 1", await SendAsync(host, sink, conversationId));
        clock.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal("count 2", await SendAsync(host, sink, conversationId));
        clock.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal("count 3", await SendAsync(host, sink, conversationId));

        clock.Advance(TimeSpan.FromMinutes(121));
        Assert.Null(await CounterBot.StoredCountAsync(host.Services.GetRequiredService<IStorage>(), conversationId));
        Assert.Equal("count 1", await SendAsync(host, sink, conversationId));
    }

    private static async Task<string?> SendAsync(RunningBotHost host, ConnectorSink sink, string conversationId)
    {
        var message = Activities.Message(sink.ServiceUrl, conversationId, "next");
        var response = await host.Client.PostActivityAsync(message);
        Assert.True(response.IsSuccessStatusCode, $"answered {response.StatusCode}");
        return (await sink.NextMatchingAsync(p => p.ReplyToId == message.Id)).Activity.Text;
    }
}
