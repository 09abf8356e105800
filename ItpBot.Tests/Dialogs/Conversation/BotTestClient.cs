using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using ItpBot.Bots;
using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Engine;
using ItpBot.Tests.Dialogs.Harness;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// The whole bot (the host's own registrations: storage, state, knowledge, conversation, DialogAndWelcomeBot) over the
/// in-box TestAdapter, with every turn written to the test output as "User: ... / Bot: ...". One client is one
/// conversation with one user; state lives in the registered MemoryStorage, which the test can read.
/// </summary>
public sealed class BotTestClient : IAsyncDisposable
{
    /// <summary>The day the tests live on, so "2 years ago" has one answer.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly TestAdapter _adapter;
    private readonly IBot _bot;

    /// <param name="replace">Replaces registrations after the host's own (a mocked recogniser or advisor).</param>
    public BotTestClient(ITestOutputHelper output, string channelId = "test", IEnumerable<IMiddleware>? middleware = null, Action<IServiceCollection>? replace = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new StoppedClock(Today));
        services.AddItpBot();
        replace?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        _bot = _services.GetRequiredService<IBot>();
        Storage = _services.GetRequiredService<IStorage>();
        _adapter = new TestAdapter(channelId).Use(new XUnitDialogTestLogger(output));
        foreach (var step in middleware ?? [])
        {
            _adapter.Use(step);
        }
    }

    public IStorage Storage { get; }

    public IServiceProvider Services => _services;

    public ConversationReference Conversation => _adapter.Conversation;

    /// <summary>Storage keys of this conversation's and this user's state, as ConversationState/UserState write them.</summary>
    public string ConversationStateKey => $"{Conversation.ChannelId}/conversations/{Conversation.Conversation.Id}";

    public string UserStateKey => $"{Conversation.ChannelId}/users/{Conversation.User.Id}";

    /// <summary>Sends <paramref name="text"/> as the user and returns every activity the bot sent in that turn.</summary>
    public Task<IReadOnlyList<IMessageActivity>> SendAsync(string text, CancellationToken cancellationToken = default) =>
        ProcessAsync(_adapter.MakeActivity(text), cancellationToken);

    /// <summary>The channel announcing that the user joined (what Web Chat and the Emulator send on open).</summary>
    public Task<IReadOnlyList<IMessageActivity>> ConversationUpdateAsync(CancellationToken cancellationToken = default)
    {
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            MembersAdded = [Conversation.User, Conversation.Bot],
        };
        return ProcessAsync(update, cancellationToken);
    }

    /// <summary>What the next turn will load: the case, the dialog stack and the stored sizes, read from storage.</summary>
    public async Task<StoredState> ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var items = await Storage.ReadAsync([ConversationStateKey, UserStateKey], cancellationToken);
        var conversation = items.TryGetValue(ConversationStateKey, out var c) ? JObject.FromObject(c) : null;
        var user = items.TryGetValue(UserStateKey, out var u) ? JObject.FromObject(u) : null;
        return new StoredState(
            conversation?["intake"]?.ToObject<IntakeState>(),
            conversation?["dialogState"]?.ToObject<DialogState>(),
            user?["settings"]?.ToObject<UserSettings>(),
            conversation is null ? 0 : Size(conversation),
            user is null ? 0 : Size(user));
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private async Task<IReadOnlyList<IMessageActivity>> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        await _adapter.ProcessActivityAsync(activity, _bot.OnTurnAsync, cancellationToken);
        var replies = new List<IMessageActivity>();
        while (_adapter.GetNextReply() is { } reply)
        {
            if (reply is IMessageActivity message && reply.Type == ActivityTypes.Message)
            {
                replies.Add(message);
            }
        }

        return replies;
    }

    // The eTag changes every save and is not part of what the bot keeps.
    private static int Size(JObject item)
    {
        var copy = (JObject)item.DeepClone();
        copy.Remove("eTag");
        return System.Text.Encoding.UTF8.GetByteCount(copy.ToString(Formatting.None));
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>The state as stored after a turn. Sizes are of the serialised JSON, in bytes.</summary>
public sealed record StoredState(
    IntakeState? Intake,
    DialogState? Dialogs,
    UserSettings? Settings,
    int ConversationStateBytes,
    int UserStateBytes);
