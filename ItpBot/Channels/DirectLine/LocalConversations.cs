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

    /// <summary>Starts the conversation (Created) or finds it (Existing); null when the cap is reached even after forgetting idle ones.</summary>
    public (LocalConversation Conversation, bool Created)? Start(string conversationId, string userId)
    {
        if (Find(conversationId) is { } existing)
        {
            return (existing, false);
        }

        if (_conversations.Count >= options.Value.MaxConversations && (RemoveIdle() == 0 || _conversations.Count >= options.Value.MaxConversations))
        {
            return null;
        }

        var created = new LocalConversation(conversationId, userId, options.Value.MaxActivitiesPerConversation, time.GetUtcNow());
        var stored = _conversations.GetOrAdd(conversationId, created);
        return (stored, ReferenceEquals(stored, created));
    }

    /// <summary>Forgets conversations idle for longer than the configured timeout; returns how many.</summary>
    public int RemoveIdle()
    {
        var cutoff = time.GetUtcNow() - options.Value.ConversationIdleTimeout;
        var removed = 0;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.IsIdleSince(cutoff) && _conversations.TryRemove(id, out _))
            {
                conversation.Close();
                removed++;
            }
        }

        return removed;
    }

    private static string RandomId(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', 'A').Replace('/', 'B');
}
