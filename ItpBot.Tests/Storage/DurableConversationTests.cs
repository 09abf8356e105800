using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using ItpBot.Storage;
using ItpBot.Tests.Reliability;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ItpBot.Tests.Storage;

/// <summary>
/// Conversations outlive a host and are shared by several: real hosts on Kestrel over one Azurite container (or one
/// state folder), with a bot that counts messages in conversation state.
/// </summary>
public sealed class DurableConversationTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>, IAsyncLifetime
{
    private ConnectorSink _sink = null!;

    public async Task InitializeAsync() => _sink = await ConnectorSink.StartAsync();

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task A_conversation_continues_where_it_was_after_the_blob_backed_host_restarts()
    {
        var settings = BlobSettings("restart-" + Guid.NewGuid().ToString("N"));
        await ContinuesAfterRestartAsync(settings);
    }

    [Fact]
    public async Task A_conversation_continues_where_it_was_after_the_file_backed_host_restarts()
    {
        var directory = Path.Combine(Path.GetTempPath(), "itpbot-state-" + Guid.NewGuid().ToString("N"));
        try
        {
            await ContinuesAfterRestartAsync(new Dictionary<string, string?>
            {
                ["Storage:Kind"] = "file",
                ["Storage:File:Directory"] = directory,
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Two_hosts_on_one_container_lose_no_answer_when_turns_on_one_conversation_race()
    {
        var settings = BlobSettings("race-" + Guid.NewGuid().ToString("N"));
        settings["Storage:MaxTurnAttempts"] = "50";
        await using var first = await RunningBotHost.StartAsync(settings, b => b.UseBot<CounterBot>());
        await using var second = await RunningBotHost.StartAsync(settings, b => b.UseBot<CounterBot>());
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");
        const int turnsPerHost = 12;

        using var gate = new SemaphoreSlim(6);
        var posts = Enumerable.Range(0, turnsPerHost * 2).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var host = i % 2 == 0 ? first : second;
                var response = await host.Client.PostActivityAsync(Activities.Message(_sink.ServiceUrl, conversationId, $"answer {i}"));
                Assert.True(response.IsSuccessStatusCode, $"turn {i} answered {response.StatusCode}");
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(posts);

        Assert.Equal(turnsPerHost * 2, await CounterBot.StoredCountAsync(first.Services.GetRequiredService<IStorage>(), conversationId));

        // Every reply was computed from saved state: each count from 1 to N was sent exactly once.
        var counts = _sink.All.Where(p => p.ConversationId == conversationId).Select(p => p.Activity.Text).Order().ToList();
        Assert.Equal(Enumerable.Range(1, turnsPerHost * 2).Select(n => $"count {n}").Order().ToList(), counts);
        Assert.DoesNotContain(_sink.All, p => p.Activity.Text == StateConflictRetryMiddleware.BusyReply);
    }

    [Fact]
    public async Task An_intake_halfway_through_continues_at_the_same_question_after_the_host_restarts()
    {
        var settings = BlobSettings("intake-" + Guid.NewGuid().ToString("N"));
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");
        var texts = ConversationTexts.Default;

        await using (var before = await RunningBotHost.StartAsync(settings))
        {
            Assert.Equal(texts.Question(IntakeField.PlateletCount, Audience.Clinician), await LastReplyAsync(before, conversationId, "start"));
            Assert.Equal(texts.Question(IntakeField.Bleeding, Audience.Clinician), await LastReplyAsync(before, conversationId, "12"));
        }

        await using var after = await RunningBotHost.StartAsync(settings);

        // The answer to the question asked before the restart is understood as that answer, and the intake moves on.
        Assert.Equal(texts.Question(IntakeField.TimeSinceDiagnosis, Clinician), await LastReplyAsync(after, conversationId, "nosebleeds"));
    }

    private const Audience Clinician = Audience.Clinician;

    private async Task<string?> LastReplyAsync(RunningBotHost host, string conversationId, string text)
    {
        var message = Activities.Message(_sink.ServiceUrl, conversationId, text);
        message.DeliveryMode = DeliveryModes.ExpectReplies;
        var response = await host.Client.PostActivityAsync(message);
        Assert.True(response.IsSuccessStatusCode, $"'{text}' answered {response.StatusCode}");
        var replies = JsonConvert.DeserializeObject<ExpectedReplies>(await response.Content.ReadAsStringAsync())!;
        return replies.Activities.LastOrDefault(a => a.Type == ActivityTypes.Message)?.Text;
    }

    private async Task ContinuesAfterRestartAsync(Dictionary<string, string?> settings)
    {
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");
        await using (var before = await RunningBotHost.StartAsync(settings, b => b.UseBot<CounterBot>()))
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.True((await before.Client.PostActivityAsync(Activities.Message(_sink.ServiceUrl, conversationId, "next"))).IsSuccessStatusCode);
            }
        }

        await using var after = await RunningBotHost.StartAsync(settings, b => b.UseBot<CounterBot>());
        Assert.Equal(3, await CounterBot.StoredCountAsync(after.Services.GetRequiredService<IStorage>(), conversationId));

        var message = Activities.Message(_sink.ServiceUrl, conversationId, "next");
        Assert.True((await after.Client.PostActivityAsync(message)).IsSuccessStatusCode);
        var reply = await _sink.NextMatchingAsync(p => p.ReplyToId == message.Id);
        Assert.Equal("count 4", reply.Activity.Text);
    }

    private Dictionary<string, string?> BlobSettings(string container) => new()
    {
        ["Storage:Kind"] = "blob",
        ["Storage:Blob:ConnectionString"] = azurite.ConnectionString,
        ["Storage:Blob:Container"] = container,
    };
}
