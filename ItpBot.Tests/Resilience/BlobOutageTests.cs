using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ItpBot.Bots;
using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Storage;
using ItpBot.Tests.Support;
using Xunit.Abstractions;

namespace ItpBot.Tests.Resilience;

/// <summary>
/// The real intake over blob state on Azurite, whose storage hangs, stops and comes back on the same data. Must hold:
/// while storage does not answer, every turn is answered within the turn budget with "I could not reach my storage"
/// (never a reset, never "that took me too long"), /readyz says not ready and /healthz stays up; once storage is back,
/// the conversation resumes at the question it was on, with the answers given before kept.
/// </summary>
[Trait("Category", "Resilience")]
public sealed class BlobOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly ConversationTexts Texts = ConversationTexts.Default;
    private ConnectorSink _sink = null!;

    public async Task InitializeAsync() => _sink = await ConnectorSink.StartAsync();

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task An_intake_on_blob_state_outlives_storage_hanging_stopping_and_coming_back()
    {
        await using var azurite = await AzuriteOnDisk.StartAsync();
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "blob",
            ["Storage:Blob:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Blob:Container"] = "outage-" + Guid.NewGuid().ToString("N"),
            ["RateLimiting:Enabled"] = "false",
        });
        var turnTimeout = new ItpBot.Security.MessagesGuardSettings().TurnTimeout;
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");

        Assert.Equal(Question(IntakeField.PlateletCount), await LastReplyAsync(host, conversationId, "start"));
        Assert.Equal(Question(IntakeField.Bleeding), await LastReplyAsync(host, conversationId, "12"));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("readyz")).StatusCode);

        // Hanging: connections are taken and never answered, so only the client's own timeouts end the wait.
        azurite.Freeze();
        var hung = await TimedRepliesAsync(host, conversationId, "nosebleeds");
        await AssertUnreadyButAliveAsync(host);
        azurite.Thaw();
        output.WriteLine($"storage hanging: answered in {hung.Elapsed.TotalSeconds:F1} s (turn budget {turnTimeout.TotalSeconds:F0} s)");
        Assert.Equal([AdapterWithErrorHandler.StorageUnavailableReply], hung.Replies);
        Assert.True(hung.Elapsed < turnTimeout, $"the turn took {hung.Elapsed.TotalSeconds:F1} s, over its {turnTimeout.TotalSeconds:F0} s budget");

        // Stopped: connections refused.
        await azurite.StopAsync();
        var stopped = await TimedRepliesAsync(host, conversationId, "nosebleeds");
        output.WriteLine($"storage stopped: answered in {stopped.Elapsed.TotalSeconds:F1} s");
        Assert.Equal([AdapterWithErrorHandler.StorageUnavailableReply], stopped.Replies);
        await AssertUnreadyButAliveAsync(host);

        // Back on the same data: ready again, and the answer to the pending question moves the intake on.
        await azurite.RestartAsync();
        await WaitUntilReadyAsync(host);
        Assert.Equal(Question(IntakeField.TimeSinceDiagnosis), await LastReplyAsync(host, conversationId, "nosebleeds"));

        // Nothing given before the outage was lost: neither the count nor the bleeding is asked for again.
        var next = await host.Client.RepliesAsync(_sink.ServiceUrl, conversationId, "3 years");
        Assert.NotEmpty(next);
        Assert.DoesNotContain(Question(IntakeField.PlateletCount), next);
        Assert.DoesNotContain(Question(IntakeField.Bleeding), next);
    }

    private static string Question(IntakeField field) => Texts.Question(field, Audience.Clinician);

    private async Task<string?> LastReplyAsync(RunningBotHost host, string conversationId, string text) =>
        (await host.Client.RepliesAsync(_sink.ServiceUrl, conversationId, text)).LastOrDefault();

    private async Task<(List<string?> Replies, TimeSpan Elapsed)> TimedRepliesAsync(RunningBotHost host, string conversationId, string text)
    {
        var watch = Stopwatch.StartNew();
        var replies = await host.Client.RepliesAsync(_sink.ServiceUrl, conversationId, text);
        return (replies, watch.Elapsed);
    }

    private static async Task AssertUnreadyButAliveAsync(RunningBotHost host)
    {
        var ready = await host.Client.GetAsync("readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("unhealthy", (string?)JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!["storage"]!["status"]);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("healthz")).StatusCode);
    }

    private static async Task WaitUntilReadyAsync(RunningBotHost host)
    {
        var deadline = Stopwatch.StartNew();
        while ((await host.Client.GetAsync("readyz")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "/readyz did not recover within 30 s of storage coming back");
            await Task.Delay(250);
        }
    }
}
