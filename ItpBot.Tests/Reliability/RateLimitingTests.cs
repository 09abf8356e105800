using System.Net;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.Reliability;

/// <summary>Per-client and per-conversation limits on /api/messages answer 429; the limits can be turned off.</summary>
public sealed class RateLimitingTests : IAsyncLifetime
{
    private ConnectorSink _sink = null!;

    public async Task InitializeAsync() => _sink = await ConnectorSink.StartAsync();

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task One_client_over_its_permits_gets_429_and_other_endpoints_stay_open()
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:PermitsPerMinute"] = "5",
            ["RateLimiting:ConversationPermitsPerMinute"] = "1000",
        });

        var statuses = await PostManyAsync(host, count: 8, sameConversation: false);

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("healthz")).StatusCode);
    }

    [Fact]
    public async Task One_conversation_over_its_permits_gets_429_while_others_go_on()
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:PermitsPerMinute"] = "1000",
            ["RateLimiting:ConversationPermitsPerMinute"] = "3",
        });

        var statuses = await PostManyAsync(host, count: 5, sameConversation: true);
        var other = await host.Client.PostActivityAsync(Activities.Message(_sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), "hi"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Turned_off_there_is_no_limit()
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            ["RateLimiting:PermitsPerMinute"] = "2",
            ["RateLimiting:ConversationPermitsPerMinute"] = "2",
        });

        var statuses = await PostManyAsync(host, count: 6, sameConversation: true);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    private async Task<List<HttpStatusCode>> PostManyAsync(RunningBotHost host, int count, bool sameConversation)
    {
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            var id = sameConversation ? conversationId : "conv-" + Guid.NewGuid().ToString("N");
            var activity = Activities.Message(_sink.ServiceUrl, id, "hi");
            activity.Type = "typing";
            statuses.Add((await host.Client.PostActivityAsync(activity)).StatusCode);
        }

        return statuses;
    }
}
