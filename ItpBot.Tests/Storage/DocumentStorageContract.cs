using ItpBot.Storage;
using ItpBot.Tests.Reliability;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace ItpBot.Tests.Storage;

/// <summary>What every storage kind must do; one subclass per kind.</summary>
public abstract class DocumentStorageContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    protected ManualClock Clock { get; } = new(Start);

    protected StorageSettings Settings { get; } = new() { ConversationTtl = TimeSpan.FromHours(24), UserTtl = TimeSpan.FromDays(30) };

    protected abstract IStateDocumentStore Store { get; }

    private DocumentStorage Storage => new(Store, Settings, Clock);

    private static string ConversationKey() => $"msteams/conversations/19:{Guid.NewGuid():N}@thread.tacv2;messageid=1700000000000";

    [Fact]
    public async Task Typed_items_come_back_as_their_type_with_an_etag()
    {
        var key = ConversationKey();
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new Note { Words = "platelets 12", Counts = [12, 25] } });

        var read = (await Storage.ReadAsync([key]))[key];

        var note = Assert.IsType<Note>(read);
        Assert.Equal("platelets 12", note.Words);
        Assert.Equal([12, 25], note.Counts);
        Assert.False(string.IsNullOrEmpty(note.ETag));
    }

    [Fact]
    public async Task A_store_item_written_over_a_newer_version_is_refused_and_star_overwrites()
    {
        var key = ConversationKey();
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new Note { Words = "first" } });
        var stale = (Note)(await Storage.ReadAsync([key]))[key];
        var fresh = (Note)(await Storage.ReadAsync([key]))[key];
        fresh.Words = "second";
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = fresh });

        stale.Words = "lost";
        await Assert.ThrowsAsync<StateConflictException>(() => Storage.WriteAsync(new Dictionary<string, object> { [key] = stale }));
        Assert.Equal("second", ((Note)(await Storage.ReadAsync([key]))[key]).Words);

        stale.ETag = "*";
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = stale });
        Assert.Equal("lost", ((Note)(await Storage.ReadAsync([key]))[key]).Words);
    }

    [Fact]
    public async Task Bot_state_dictionaries_are_protected_too_including_when_both_start_from_nothing()
    {
        var key = ConversationKey();
        var first = new Dictionary<string, object> { ["step"] = 1 };
        var second = new Dictionary<string, object> { ["step"] = 2 };
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = first });

        // Both read "missing"; the second create must not overwrite the first.
        await Assert.ThrowsAsync<StateConflictException>(() => Storage.WriteAsync(new Dictionary<string, object> { [key] = second }));

        var readA = (IDictionary<string, object>)(await Storage.ReadAsync([key]))[key];
        var readB = (IDictionary<string, object>)(await Storage.ReadAsync([key]))[key];
        readA["step"] = 3;
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = readA });
        readB["step"] = 4;
        await Assert.ThrowsAsync<StateConflictException>(() => Storage.WriteAsync(new Dictionary<string, object> { [key] = readB }));

        // The written dictionary carries its new ETag, so the same turn can save again.
        readA["step"] = 5;
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = readA });
        var final = (IDictionary<string, object>)(await Storage.ReadAsync([key]))[key];
        Assert.Equal(5L, Convert.ToInt64(final["step"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_bot_state_etag_stays_out_of_the_document_and_the_dictionary_gets_the_new_one()
    {
        var key = ConversationKey();
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["step"] = 1 } });
        var state = (IDictionary<string, object>)(await Storage.ReadAsync([key]))[key];
        var readETag = (string)state[DocumentStorage.ETagKey];

        state["step"] = 2;
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = state });

        var document = await Store.ReadAsync(key, CancellationToken.None);
        Assert.NotNull(document);
        Assert.DoesNotContain(DocumentStorage.ETagKey, document.Json, StringComparison.Ordinal);
        Assert.Equal(document.ETag, state[DocumentStorage.ETagKey]);
        Assert.NotEqual(readETag, document.ETag);
    }

    [Fact]
    public async Task A_document_whose_state_was_written_as_a_token_tree_reads_back_typed()
    {
        // The shape documents had when the state went through a JToken first, with a type name on every object
        // (TypeNameHandling.All, before names were written only where needed); stored state must keep reading.
        var key = ConversationKey();
        var everyName = JsonSerializer.Create(new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.All,
            SerializationBinder = StateJson.Settings.SerializationBinder,
        });
        var state = Newtonsoft.Json.Linq.JToken.FromObject(
            new Dictionary<string, object> { ["note"] = new Note { Words = "plt 12", Counts = [3] } }, everyName);
        var envelope = new Newtonsoft.Json.Linq.JObject
        {
            ["$type"] = "ItpBot.Storage.DocumentStorage+Envelope, ItpBot",
            ["SavedAt"] = Start,
            ["State"] = state,
        };
        await Store.WriteAsync(key, envelope.ToString(Formatting.None), WriteCondition.None, CancellationToken.None);

        var read = Assert.IsAssignableFrom<IDictionary<string, object>>((await Storage.ReadAsync([key]))[key]);

        var note = Assert.IsType<Note>(read["note"]);
        Assert.Equal("plt 12", note.Words);
        Assert.Equal([3], note.Counts);
        Assert.False(string.IsNullOrEmpty((string)read[DocumentStorage.ETagKey]));
    }

    [Fact]
    public async Task State_saved_back_unchanged_is_not_written_again_until_it_is_getting_old()
    {
        var storage = Storage;
        var key = ConversationKey();
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["step"] = 1 } });
        var state = (IDictionary<string, object>)(await storage.ReadAsync([key]))[key];
        var read = (await Store.ReadAsync(key, CancellationToken.None))!.ETag;

        await storage.WriteAsync(new Dictionary<string, object> { [key] = state });
        Assert.Equal(read, (await Store.ReadAsync(key, CancellationToken.None))!.ETag);

        state["step"] = 2;
        await storage.WriteAsync(new Dictionary<string, object> { [key] = state });
        var changed = (await Store.ReadAsync(key, CancellationToken.None))!.ETag;
        Assert.NotEqual(read, changed);
        Assert.Equal(2L, Convert.ToInt64((await Storage.ReadAsync([key]))[key] is IDictionary<string, object> back ? back["step"] : 0));

        // Unchanged but a quarter of its life old: written again, so state in use does not expire under the user.
        Clock.Advance(Settings.ConversationTtl / 4 + TimeSpan.FromMinutes(1));
        await storage.WriteAsync(new Dictionary<string, object> { [key] = state });
        Assert.NotEqual(changed, (await Store.ReadAsync(key, CancellationToken.None))!.ETag);
        Clock.Advance(Settings.ConversationTtl * 0.9);
        Assert.True((await Storage.ReadAsync([key])).ContainsKey(key));
    }

    [Fact]
    public async Task Conversation_state_expires_after_its_time_to_live_and_a_new_conversation_can_start()
    {
        var key = ConversationKey();
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["step"] = 1 } });

        Clock.Advance(Settings.ConversationTtl - TimeSpan.FromMinutes(1));
        Assert.True((await Storage.ReadAsync([key])).ContainsKey(key));

        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False((await Storage.ReadAsync([key])).ContainsKey(key));
        Assert.Null(await Store.ReadAsync(key, CancellationToken.None));

        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["step"] = 1 } });
        Assert.True((await Storage.ReadAsync([key])).ContainsKey(key));
    }

    [Fact]
    public async Task User_state_lives_by_the_user_time_to_live()
    {
        var key = $"msteams/users/29:{Guid.NewGuid():N}";
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["audience"] = "clinician" } });

        Clock.Advance(Settings.ConversationTtl + TimeSpan.FromHours(1));
        Assert.True((await Storage.ReadAsync([key])).ContainsKey(key));

        Clock.Advance(Settings.UserTtl);
        Assert.False((await Storage.ReadAsync([key])).ContainsKey(key));
    }

    [Fact]
    public async Task Deleted_and_never_written_keys_read_as_missing_and_long_keys_work()
    {
        var key = ConversationKey() + new string('x', 1500);
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new Note { Words = "w" } });
        Assert.True((await Storage.ReadAsync([key])).ContainsKey(key));

        await Storage.DeleteAsync([key, ConversationKey()]);

        Assert.Empty(await Storage.ReadAsync([key, ConversationKey()]));
    }

    [Fact]
    public async Task Stored_type_names_outside_the_allowed_set_are_refused()
    {
        var key = ConversationKey();
        var hostile = JsonConvert.SerializeObject(new
        {
            SavedAt = Clock.GetUtcNow(),
            State = new Dictionary<string, object> { ["$type"] = "System.IO.FileInfo, System.Private.CoreLib", ["fileName"] = "/etc/passwd" },
        });
        await Store.WriteAsync(key, hostile, WriteCondition.None, CancellationToken.None);

        await Assert.ThrowsAsync<JsonSerializationException>(() => Storage.ReadAsync([key]));
    }

    public sealed class Note : IStoreItem
    {
        public string Words { get; set; } = string.Empty;

        public List<int> Counts { get; set; } = [];

        public string? ETag { get; set; }
    }
}

public sealed class InMemoryStorageTests : DocumentStorageContract
{
    protected override IStateDocumentStore Store { get; } = new InMemoryDocumentStore();
}

public sealed class FileStorageTests : DocumentStorageContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "itpbot-state-" + Guid.NewGuid().ToString("N"));

    public FileStorageTests()
    {
        Store = new FileDocumentStore(_directory);
    }

    protected override IStateDocumentStore Store { get; }

    [Fact]
    public async Task Writes_leave_no_temporary_files()
    {
        var storage = new DocumentStorage(Store, Settings, Clock);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            storage.WriteAsync(new Dictionary<string, object> { [$"emulator/conversations/c{i % 3}"] = new Note { Words = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ETag = "*" } })));

        Assert.Equal(3, Directory.GetFiles(_directory).Length);
        Assert.All(Directory.GetFiles(_directory), f => Assert.EndsWith(".json", f));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

public sealed class BlobStorageTests(AzuriteServer azurite) : DocumentStorageContract, IClassFixture<AzuriteServer>
{
    protected override IStateDocumentStore Store { get; } = new BlobDocumentStore(azurite.Container("state-" + Guid.NewGuid().ToString("N")));

    [Fact]
    public async Task A_write_repeated_after_its_answer_was_lost_is_ours_not_a_conflict()
    {
        // What the SDK's retry does when the service stored a write but its answer timed out: the same document, with
        // the condition that held before it. It must not be a conflict (the turn would run again and count twice).
        var key = "directline/conversations/" + Guid.NewGuid().ToString("N");
        var first = await Store.WriteAsync(key, "{\"step\":1}", WriteCondition.IfNotExists, CancellationToken.None);
        var mine = "{\"SavedAt\":\"2026-12-06T23:30:00.1234567+00:00\",\"State\":{\"step\":2}}";
        var written = await Store.WriteAsync(key, mine, WriteCondition.IfMatch(first), CancellationToken.None);

        Assert.Equal(written, await Store.WriteAsync(key, mine, WriteCondition.IfMatch(first), CancellationToken.None));
        await Assert.ThrowsAsync<StateConflictException>(
            () => Store.WriteAsync(key, mine.Replace("2}", "3}", StringComparison.Ordinal), WriteCondition.IfMatch(first), CancellationToken.None));
        Assert.Equal(mine, (await Store.ReadAsync(key, CancellationToken.None))!.Json);
    }
}

public sealed class SafeStateTypesTests
{
    [Theory]
    [InlineData(typeof(Dictionary<string, object>))]
    [InlineData(typeof(List<int>))]
    [InlineData(typeof(string[]))]
    [InlineData(typeof(DateTimeOffset?))]
    [InlineData(typeof((string, int)))]
    [InlineData(typeof(Newtonsoft.Json.Linq.JObject))]
    [InlineData(typeof(Microsoft.Bot.Schema.Activity))]
    [InlineData(typeof(ItpBot.Knowledge.Model.PatientProfile))]
    public void State_types_the_bot_keeps_are_allowed(Type type) => Assert.True(SafeStateTypes.IsAllowed(type));

    [Theory]
    [InlineData(typeof(FileInfo))]
    [InlineData(typeof(System.Diagnostics.Process))]
    [InlineData(typeof(List<FileInfo>))]
    [InlineData(typeof(Dictionary<string, System.Diagnostics.ProcessStartInfo>))]
    [InlineData(typeof(Type))]
    [InlineData(typeof(System.Reflection.Assembly))]
    public void Types_a_stored_document_could_abuse_are_refused(Type type) => Assert.False(SafeStateTypes.IsAllowed(type));
}
