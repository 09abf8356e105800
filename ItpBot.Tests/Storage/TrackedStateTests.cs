using ItpBot.Storage;
using ItpBot.Tests.Reliability;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace ItpBot.Tests.Storage;

/// <summary>
/// The host's ConversationState and UserState: the SDK's classes, storage keys and accessors, with change tracking that
/// does not serialise the state to find out whether to save it.
/// </summary>
public sealed class TrackedStateTests
{
    private readonly CountingStorage _storage = new(new DocumentStorage(
        new InMemoryDocumentStore(),
        new StorageSettings(),
        new ManualClock(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero))));

    private readonly TestAdapter _adapter = new();

    [Fact]
    public void The_sdk_internals_it_relies_on_are_there()
    {
        // If an SDK update moves them, state still works (the SDK's own code runs) but every turn costs more again.
        Assert.True(new TrackedConversationState(_storage).IsTracking);
        Assert.True(new TrackedUserState(_storage).IsTracking);
    }

    [Fact]
    public async Task Values_set_through_the_sdk_accessors_come_back_in_the_next_turn()
    {
        var conversation = new TrackedConversationState(_storage);
        var user = new TrackedUserState(_storage);
        var count = conversation.CreateProperty<int>("count");
        var name = user.CreateProperty<string>("name");

        await TurnAsync(async turn =>
        {
            await count.SetAsync(turn, 12);
            await name.SetAsync(turn, "clinician");
            await conversation.SaveChangesAsync(turn);
            await user.SaveChangesAsync(turn);
        });

        await TurnAsync(async turn =>
        {
            Assert.Equal(12, await count.GetAsync(turn, () => 0));
            Assert.Equal("clinician", await name.GetAsync(turn, () => "none"));
        });
        Assert.Contains(_storage.Keys, k => k.Contains("/conversations/", StringComparison.Ordinal));
        Assert.Contains(_storage.Keys, k => k.Contains("/users/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_save_in_a_turn_writes_only_if_the_state_was_used_again()
    {
        var conversation = new TrackedConversationState(_storage);
        var count = conversation.CreateProperty<int>("count");

        await TurnAsync(async turn =>
        {
            await count.SetAsync(turn, 1);
            await conversation.SaveChangesAsync(turn);
            await conversation.SaveChangesAsync(turn);
            Assert.Equal(1, _storage.Writes);

            await count.SetAsync(turn, 2);
            await conversation.SaveChangesAsync(turn);
            Assert.Equal(2, _storage.Writes);
        });
    }

    [Fact]
    public async Task A_value_read_and_changed_in_place_is_saved()
    {
        var conversation = new TrackedConversationState(_storage);

        // Stored without type names: a value changed in place must have its type declared to come back as itself.
        StateJson.DeclareProperty<List<int>>("counts");
        var list = conversation.CreateProperty<List<int>>("counts");

        await SetAndSaveAsync(conversation, list, [12]);
        await TurnAsync(async turn =>
        {
            (await list.GetAsync(turn, () => [])).Add(25);
            await conversation.SaveChangesAsync(turn);
        });
        await TurnAsync(async turn => Assert.Equal([12, 25], await list.GetAsync(turn, () => [])));
    }

    [Fact]
    public async Task A_turn_that_never_uses_state_writes_nothing()
    {
        var conversation = new TrackedConversationState(_storage);
        await TurnAsync(turn => conversation.SaveChangesAsync(turn));
        Assert.Equal(0, _storage.Writes);
    }

    [Fact]
    public async Task Cleared_state_is_saved_empty_over_the_version_read()
    {
        var conversation = new TrackedConversationState(_storage);
        var count = conversation.CreateProperty<int>("count");
        await SetAndSaveAsync(conversation, count, 7);

        await TurnAsync(async turn =>
        {
            await conversation.LoadAsync(turn);
            await conversation.ClearStateAsync(turn);
            await conversation.SaveChangesAsync(turn);
        });

        await TurnAsync(async turn => Assert.Equal(0, await count.GetAsync(turn, () => 0)));
    }

    [Fact]
    public async Task Deleted_state_is_gone_from_storage_and_from_the_turn()
    {
        var conversation = new TrackedConversationState(_storage);
        var count = conversation.CreateProperty<int>("count");
        await SetAndSaveAsync(conversation, count, 7);

        await TurnAsync(async turn =>
        {
            Assert.Equal(7, await count.GetAsync(turn, () => 0));
            await conversation.DeleteAsync(turn);
            await conversation.SaveChangesAsync(turn);
        });

        Assert.Empty(await _storage.ReadAsync(_storage.Keys.ToArray()));
    }

    [Fact]
    public async Task A_forced_load_reads_what_another_turn_saved_meanwhile()
    {
        var conversation = new TrackedConversationState(_storage);
        var count = conversation.CreateProperty<int>("count");
        await SetAndSaveAsync(conversation, count, 1);

        await TurnAsync(async turn =>
        {
            Assert.Equal(1, await count.GetAsync(turn, () => 0));
            await TurnAsync(async other =>
            {
                await count.SetAsync(other, 2);
                await conversation.SaveChangesAsync(other);
            });

            await count.SetAsync(turn, 3);
            await Assert.ThrowsAsync<StateConflictException>(() => conversation.SaveChangesAsync(turn));

            await conversation.LoadAsync(turn, force: true);
            Assert.Equal(2, await count.GetAsync(turn, () => 0));
        });
    }

    /// <summary>One turn that sets a value and saves, as the bot does.</summary>
    private Task SetAndSaveAsync<T>(BotState state, IStatePropertyAccessor<T> property, T value) =>
        TurnAsync(async turn =>
        {
            await property.SetAsync(turn, value);
            await state.SaveChangesAsync(turn);
        });

    private Task TurnAsync(Func<ITurnContext, Task> turn) =>
        _adapter.ProcessActivityAsync(_adapter.MakeActivity("plt 12"), (context, _) => turn(context));

    /// <summary>The storage, counting writes and remembering keys.</summary>
    private sealed class CountingStorage(IStorage inner) : IStorage
    {
        public int Writes { get; private set; }

        public HashSet<string> Keys { get; } = [];

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Writes++;
            Keys.UnionWith(changes.Keys);
            return inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}
