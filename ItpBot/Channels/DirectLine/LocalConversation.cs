using System.Threading.Channels;
using Microsoft.Bot.Schema;

namespace ItpBot.Channels.DirectLine;

/// <summary>
/// One local Direct Line conversation: its activities (a bounded window, numbered by watermark), who it belongs to,
/// and the open streams that want each new activity as it arrives.
/// </summary>
public sealed class LocalConversation(string id, string userId, int maxActivities, DateTimeOffset now)
{
    private const int ListenerBacklog = 256;

    private readonly object _gate = new();
    private readonly Queue<(long Watermark, string Json)> _activities = new();
    private readonly List<Channel<string>> _listeners = [];
    private long _lastWatermark;
    private DateTimeOffset _lastUsed = now;

    public string Id { get; } = id;

    public string UserId { get; } = userId;

    /// <summary>The client (IP address) that started it; quotas are counted per client.</summary>
    public string Client { get; init; } = string.Empty;

    /// <summary>Open WebSocket streams (guarded by <see cref="LocalConversations"/>).</summary>
    internal int OpenStreams { get; set; }

    /// <summary>One bot turn at a time, so a dialog never sees its state change under it.</summary>
    public SemaphoreSlim TurnGate { get; } = new(1, 1);

    /// <summary>Numbers the activity, keeps it (dropping the oldest beyond the cap), and pushes it to open streams.</summary>
    public string Append(Activity activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            var watermark = ++_lastWatermark;
            activity.Id = $"{Id}|{watermark:D7}";
            var json = DirectLineJson.WriteForClient(activity);
            _activities.Enqueue((watermark, json));
            while (_activities.Count > maxActivities)
            {
                _activities.Dequeue();
            }

            _lastUsed = now;
            Publish(DirectLineJson.ActivitySet([json], watermark));
            return activity.Id;
        }
    }

    /// <summary>Pushes an activity to open streams only (typing: worthless later, so never kept).</summary>
    public string Broadcast(Activity activity)
    {
        lock (_gate)
        {
            activity.Id = $"{Id}|t{Guid.NewGuid():N}";
            Publish(DirectLineJson.ActivitySet([DirectLineJson.WriteForClient(activity)], _lastWatermark));
            return activity.Id;
        }
    }

    /// <summary>The ActivitySet after a watermark (all kept activities for none or an unreadable one).</summary>
    public string ReadAfter(string? watermark)
    {
        lock (_gate)
        {
            return ReadAfterLocked(ParseWatermark(watermark));
        }
    }

    /// <summary>Opens a stream: what it missed, then every new activity, with nothing lost or doubled in between.</summary>
    public (string Backlog, ChannelReader<string> Updates, IDisposable Subscription) Listen(string? watermark)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(ListenerBacklog) { SingleReader = true });
        lock (_gate)
        {
            _listeners.Add(channel);
            return (ReadAfterLocked(ParseWatermark(watermark)), channel.Reader, new Subscription(this, channel));
        }
    }

    public void Touch(DateTimeOffset now)
    {
        lock (_gate)
        {
            _lastUsed = now;
        }
    }

    /// <summary>Idle: nothing posted or read since the cutoff. An open stream alone does not count as use.</summary>
    public bool IsIdleSince(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            return _lastUsed < cutoff;
        }
    }

    /// <summary>
    /// Drops every kept activity ("forget me"): nothing said so far can be read again. Watermarks go on from where they
    /// were, so clients that hold one are not confused.
    /// </summary>
    public void ForgetTranscript()
    {
        lock (_gate)
        {
            _activities.Clear();
        }
    }

    /// <summary>Ends every open stream (the conversation is being forgotten).</summary>
    public void Close()
    {
        lock (_gate)
        {
            foreach (var listener in _listeners)
            {
                listener.Writer.TryComplete();
            }

            _listeners.Clear();
        }
    }

    private static long ParseWatermark(string? watermark) => long.TryParse(watermark, out var value) && value > 0 ? value : 0;

    private string ReadAfterLocked(long watermark) =>
        DirectLineJson.ActivitySet(_activities.Where(a => a.Watermark > watermark).Select(a => a.Json), _lastWatermark);

    private void Publish(string activitySet)
    {
        foreach (var listener in _listeners.ToArray())
        {
            // A stream that cannot keep up is closed; Direct Line clients reconnect and catch up from their watermark.
            if (!listener.Writer.TryWrite(activitySet))
            {
                listener.Writer.TryComplete();
                _listeners.Remove(listener);
            }
        }
    }

    private sealed class Subscription(LocalConversation conversation, Channel<string> channel) : IDisposable
    {
        public void Dispose()
        {
            lock (conversation._gate)
            {
                conversation._listeners.Remove(channel);
            }

            channel.Writer.TryComplete();
        }
    }
}
