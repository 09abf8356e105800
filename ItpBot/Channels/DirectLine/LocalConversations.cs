using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ItpBot.Channels.DirectLine;

/// <summary>The local Direct Line's conversations, in memory and bounded: a cap on their number, idle ones forgotten.</summary>
public sealed class LocalConversations(TimeProvider time, IOptions<DirectLineOptions> options)
{
    private readonly ConcurrentDictionary<string, LocalConversation> _conversations = new(StringComparer.Ordinal);

    public int Count => _conversations.Count;

    public static string NewConversationId() => RandomId(18);

    /// <summary>A local user id. Not "dl_…": Web Chat reserves that prefix for ids embedded in Azure's signed tokens.</summary>
    public static string NewUserId() => "u_" + RandomId(12);

    /// <summary>A user id for Azure Direct Line, which requires the "dl_" prefix for ids bound into its tokens.</summary>
    public static string NewAzureUserId() => "dl_" + RandomId(12);

    /// <summary>The conversation, marked as used; null when unknown or forgotten.</summary>
    public LocalConversation? Find(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        conversation.Touch(time.GetUtcNow());
        return conversation;
    }

    /// <summary>
    /// Starts the conversation (Created) or finds it (Existing); null when the cap is reached even after forgetting
    /// idle ones, or when <paramref name="client"/> (an IP address) already holds its share
    /// (<see cref="DirectLineOptions.MaxConversationsPerClient"/>), so one client cannot fill every slot.
    /// </summary>
    public (LocalConversation Conversation, bool Created)? Start(string conversationId, string userId, string client = "")
    {
        if (Find(conversationId) is { } existing)
        {
            return (existing, false);
        }

        lock (_starting)
        {
            if (_conversations.Count >= options.Value.MaxConversations && (RemoveIdle() == 0 || _conversations.Count >= options.Value.MaxConversations))
            {
                return null;
            }

            if (_perClient.GetValueOrDefault(client) >= options.Value.MaxConversationsPerClient
                && (RemoveIdle() == 0 || _perClient.GetValueOrDefault(client) >= options.Value.MaxConversationsPerClient))
            {
                return null;
            }

            var created = new LocalConversation(conversationId, userId, options.Value.MaxActivitiesPerConversation, time.GetUtcNow()) { Client = client };
            var stored = _conversations.GetOrAdd(conversationId, created);
            if (ReferenceEquals(stored, created))
            {
                _perClient.AddOrUpdate(client, 1, (_, n) => n + 1);
            }

            return (stored, ReferenceEquals(stored, created));
        }
    }

    /// <summary>How many conversations the client holds now.</summary>
    public int HeldBy(string client) => _perClient.GetValueOrDefault(client);

    /// <summary>
    /// A slot for one open stream, or null when the conversation (that is, its token) or the client already has as many
    /// as allowed (<see cref="DirectLineOptions.MaxStreamsPerConversation"/>, <see cref="DirectLineOptions.MaxStreamsPerClient"/>).
    /// </summary>
    public IDisposable? OpenStream(LocalConversation conversation, string client)
    {
        lock (_starting)
        {
            if (conversation.OpenStreams >= options.Value.MaxStreamsPerConversation
                || _streamsPerClient.GetValueOrDefault(client) >= options.Value.MaxStreamsPerClient)
            {
                return null;
            }

            conversation.OpenStreams++;
            _streamsPerClient[client] = _streamsPerClient.GetValueOrDefault(client) + 1;
            return new StreamSlot(this, conversation, client);
        }
    }

    /// <summary>
    /// Forgets conversations idle for longer than the configured timeout, open streams or not (a stream that only
    /// pings keeps nothing alive): their streams are closed. Returns how many.
    /// </summary>
    public int RemoveIdle()
    {
        var cutoff = time.GetUtcNow() - options.Value.ConversationIdleTimeout;
        var removed = 0;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.IsIdleSince(cutoff) && _conversations.TryRemove(id, out _))
            {
                conversation.Close();
                _perClient.AddOrUpdate(conversation.Client, 0, (_, n) => Math.Max(0, n - 1));
                removed++;
            }
        }

        return removed;
    }

    private readonly Lock _starting = new();
    private readonly ConcurrentDictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _streamsPerClient = new(StringComparer.Ordinal);

    private sealed class StreamSlot(LocalConversations owner, LocalConversation conversation, string client) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
            {
                return;
            }

            lock (owner._starting)
            {
                conversation.OpenStreams--;
                if (owner._streamsPerClient.GetValueOrDefault(client) <= 1)
                {
                    owner._streamsPerClient.Remove(client);
                }
                else
                {
                    owner._streamsPerClient[client]--;
                }
            }
        }
    }

    private static string RandomId(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', 'A').Replace('/', 'B');
}
