using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using ItpBot.Storage;
using ItpBot.Tests.Reliability;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace ItpBot.Tests.Storage;

/// <summary>
/// A turn is applied once even when the blob service stored its write but the answer was lost and another host wrote
/// over it before the store could read it back: the sequence behind the race test's rare double count, injected in
/// order into the Azure SDK's pipeline on Azurite, with no timing involved.
/// </summary>
public sealed class LostWriteAnswerTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    private readonly string _container = "lost-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_turn_whose_stored_write_lost_its_answer_to_a_later_writer_is_not_run_again()
    {
        var lose = new LoseTheNextWriteAnswer();
        var first = new Host(Client(lose), retry: true);
        var other = new Host(Client(null), retry: false);

        Assert.Equal(["count 1"], await first.TurnAsync("m-1"));

        // Host one's write of turn m-2 is stored; before its answer arrives, host two reads that version and saves its
        // own turn over it; then the answer is lost, the SDK retries, the retry fails its condition (412) and the
        // stored document is host two's, so the store reports a conflict.
        lose.Arm(async () => Assert.Equal(["count 3"], await other.TurnAsync("m-other")));
        var replies = await first.TurnAsync("m-2");

        Assert.True(lose.Fired, "the injected sequence did not happen");
        Assert.Equal(3, await CounterBot.StoredCountAsync(first.Storage, Host.ConversationId, Host.ChannelId));

        // The user of m-2 sees its answer once, computed from the state that was stored.
        Assert.Equal(["count 2"], replies);
        Assert.Equal(["count 4"], await first.TurnAsync("m-3"));
    }

    [Fact]
    public void Only_the_last_ids_are_kept_and_a_turn_saved_twice_is_recorded_once()
    {
        var state = new Dictionary<string, object>();
        for (var i = 1; i <= AppliedTurns.Capacity + 3; i++)
        {
            AppliedTurns.Record(state, $"a-{i}");
            AppliedTurns.Record(state, $"a-{i}");
        }

        AppliedTurns.Record(state, null);
        var ids = Assert.IsType<string[]>(state[AppliedTurns.Property]);
        Assert.Equal(AppliedTurns.Capacity, ids.Length);
        Assert.Equal($"a-{AppliedTurns.Capacity + 3}", ids[^1]);
        Assert.False(AppliedTurns.Contains(state, "a-3"));
        Assert.True(AppliedTurns.Contains(state, "a-4"));
        Assert.False(AppliedTurns.Contains(state, null));
    }

    [Fact]
    public async Task The_record_reads_back_from_the_stored_document()
    {
        var storage = new DocumentStorage(new BlobDocumentStore(Client(null)), new StorageSettings(), TimeProvider.System);
        var key = "test/conversations/" + Guid.NewGuid().ToString("N");
        var state = new Dictionary<string, object> { ["step"] = 1 };
        AppliedTurns.Record(state, "x|0000001");
        await storage.WriteAsync(new Dictionary<string, object> { [key] = state });

        var read = (IDictionary<string, object>)(await storage.ReadAsync([key]))[key];
        Assert.True(AppliedTurns.Contains(read, "x|0000001"));
        Assert.False(AppliedTurns.Contains(read, "x|0000002"));
    }

    private BlobContainerClient Client(HttpPipelinePolicy? policy)
    {
        var options = BlobStateClient.Options(new BlobStorageSettings(), TimeSpan.FromSeconds(20));
        if (policy is not null)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return new BlobContainerClient(azurite.ConnectionString, _container, options);
    }

    /// <summary>One host: its own blob client, state and counting bot, with or without the conflict retry.</summary>
    private sealed class Host
    {
        public const string ChannelId = "test";
        public const string ConversationId = "lost-answer";

        private readonly TestAdapter _adapter = new(TestAdapter.CreateConversation(ConversationId));
        private readonly CounterBot _bot;

        public Host(BlobContainerClient container, bool retry)
        {
            Storage = new DocumentStorage(new BlobDocumentStore(container), new StorageSettings(), TimeProvider.System);
            var conversation = new TrackedConversationState(Storage);
            _bot = new CounterBot(conversation);
            if (retry)
            {
                _adapter.Use(new StateConflictRetryMiddleware(
                    conversation, new TrackedUserState(Storage), new StorageSettings(), NullLogger<StateConflictRetryMiddleware>.Instance));
            }
        }

        public IStorage Storage { get; }

        public async Task<List<string>> TurnAsync(string activityId)
        {
            var activity = _adapter.MakeActivity("next");
            activity.Id = activityId;
            await _adapter.ProcessActivityAsync(activity, _bot.OnTurnAsync);
            var replies = new List<string>();
            while (_adapter.GetNextReply() is { } reply)
            {
                replies.Add(((Activity)reply).Text);
            }

            return replies;
        }
    }

    /// <summary>
    /// Once armed, lets the next blob upload through to the service, runs another writer, and then loses the answer
    /// (an I/O error, which the SDK retries).
    /// </summary>
    private sealed class LoseTheNextWriteAnswer : HttpPipelinePolicy
    {
        private Func<Task>? _between;

        public bool Fired { get; private set; }

        public void Arm(Func<Task> between) => _between = between;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (_between is { } between && IsStoredUpload(message))
            {
                _between = null;
                await between();
                Fired = true;
                throw new IOException("The answer to a stored write was lost (injected by the test).");
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("State calls are asynchronous.");

        private static bool IsStoredUpload(HttpMessage message) =>
            message.Request.Method == RequestMethod.Put
            && message.Response.Status == 201
            && !message.Request.Uri.Query.Contains("restype=container", StringComparison.Ordinal);
    }
}
