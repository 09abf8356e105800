using ItpBot.Bots;
using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using ItpBot.Storage;
using ItpBot.Tests.Reliability;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;

namespace ItpBot.Tests.Storage;

/// <summary>
/// Storage that stops answering, then comes back. Must hold: the user is told the storage could not be reached, never
/// that the conversation was reset; the case is there when storage returns; a reset is announced only once done.
/// </summary>
[Trait("Category", "Resilience")]
public sealed class StorageOutageTests : IAsyncLifetime
{
    private ConnectorSink _sink = null!;

    public async Task InitializeAsync() => _sink = await ConnectorSink.StartAsync();

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task During_an_outage_the_user_is_told_and_the_case_is_there_afterwards()
    {
        var store = new SwitchableStore(new InMemoryDocumentStore());
        await using var host = await RunningBotHost.StartAsync(NoLimits, b => b.Override(s => s.AddSingleton<IStateDocumentStore>(store)));
        var texts = ConversationTexts.Default;
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");
        Assert.Equal(texts.Question(IntakeField.PlateletCount, Audience.Clinician), await LastReplyAsync(host, conversationId, "start"));
        Assert.Equal(texts.Question(IntakeField.Bleeding, Audience.Clinician), await LastReplyAsync(host, conversationId, "12"));

        store.Down = true;
        var during = await RepliesAsync(host, conversationId, "nosebleeds");
        Assert.Equal([AdapterWithErrorHandler.StorageUnavailableReply], during);

        store.Down = false;
        Assert.Equal(texts.Question(IntakeField.TimeSinceDiagnosis, Audience.Clinician), await LastReplyAsync(host, conversationId, "nosebleeds"));
    }

    [Fact]
    public async Task A_reset_that_could_not_happen_is_not_announced()
    {
        var store = new SwitchableStore(new InMemoryDocumentStore());
        await using var host = await RunningBotHost.StartAsync(NoLimits, b =>
            b.Override(s => s.AddSingleton<IStateDocumentStore>(store).AddTransient<IBot, FailingBot>()));
        store.Down = false;
        store.DeletesFail = true;

        var replies = await RepliesAsync(host, "conv-" + Guid.NewGuid().ToString("N"), "hello");

        Assert.Equal([AdapterWithErrorHandler.NotResetReply], replies);
    }

    [Fact]
    public async Task A_reset_that_is_announced_really_cleared_the_state()
    {
        var store = new SwitchableStore(new InMemoryDocumentStore());
        await using var host = await RunningBotHost.StartAsync(NoLimits, b =>
            b.Override(s => s.AddSingleton<IStateDocumentStore>(store).AddTransient<IBot, FailingBot>()));
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");
        await store.WriteAsync($"emulator/conversations/{conversationId}", "{\"SavedAt\":\"2099-01-01T00:00:00+00:00\",\"State\":{}}", WriteCondition.None, default);

        var replies = await RepliesAsync(host, conversationId, "hello");

        Assert.Equal([AdapterWithErrorHandler.ResetReply], replies);
        Assert.Null(await store.ReadAsync($"emulator/conversations/{conversationId}", default));
    }

    private static readonly Dictionary<string, string?> NoLimits = new() { ["RateLimiting:Enabled"] = "false" };

    private async Task<string?> LastReplyAsync(RunningBotHost host, string conversationId, string text) =>
        (await RepliesAsync(host, conversationId, text)).LastOrDefault();

    private Task<List<string?>> RepliesAsync(RunningBotHost host, string conversationId, string text) =>
        host.Client.RepliesAsync(_sink.ServiceUrl, conversationId, text);

    /// <summary>A bot with a fault: every message fails after reading state.</summary>
    private sealed class FailingBot(ConversationState conversationState) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            await conversationState.LoadAsync(turnContext, false, cancellationToken);
            throw new InvalidOperationException("a fault in the bot");
        }
    }
}

/// <summary>A document store that can be switched off (every call fails as a disk or network would) and back on.</summary>
public sealed class SwitchableStore(IStateDocumentStore inner) : IStateDocumentStore
{
    public volatile bool Down;
    public volatile bool DeletesFail;

    public Task<StateDocument?> ReadAsync(string key, CancellationToken cancellationToken) =>
        Down ? throw Outage() : inner.ReadAsync(key, cancellationToken);

    public Task<string> WriteAsync(string key, string json, WriteCondition condition, CancellationToken cancellationToken) =>
        Down ? throw Outage() : inner.WriteAsync(key, json, condition, cancellationToken);

    public Task DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken) =>
        Down || DeletesFail ? throw Outage() : inner.DeleteAsync(key, ifMatch, cancellationToken);

    private static IOException Outage() => new("The storage did not answer.");
}
