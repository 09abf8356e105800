using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.Delivery;

/// <summary>Replies that meet 429, 5xx or a slow connector are retried; a reply that cannot be delivered is logged without its text.</summary>
public sealed class DeliveryRetryTests
{
    private const string CaseSummary = "52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy";

    /// <summary>Short backoff; the attempt timeout stays generous so a busy machine does not cause extra attempts.</summary>
    private static Dictionary<string, string?> FastRetries(int maxRetries = 3, string attemptTimeout = "00:00:10") => new()
    {
        ["Delivery:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Delivery:FirstRetryDelay"] = "00:00:00.010",
        ["Delivery:AttemptTimeout"] = attemptTimeout,
    };

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(500)]
    public async Task A_reply_refused_once_is_retried_and_arrives(int firstStatus)
    {
        var logs = new CapturedLogs();
        await using var sink = await ConnectorSink.StartAsync();
        sink.Respond = FirstAttemptOfEachReply(firstStatus);
        await using var host = await RunningBotHost.StartAsync(FastRetries(), b => b.Logging.AddProvider(logs));

        var message = Activities.Message(sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), CaseSummary);
        var response = await host.Client.PostActivityAsync(message);

        Assert.True(response.IsSuccessStatusCode, $"message answered {response.StatusCode}");
        var attempts = sink.All.Where(p => p.ReplyToId == message.Id).ToList();
        // The turn may send several replies (welcome, acknowledgement, next question): each is refused once, then sent again unchanged.
        var perReply = attempts.GroupBy(a => a.RawJson).ToList();
        Assert.NotEmpty(perReply);
        Assert.All(perReply, reply => Assert.Equal(2, reply.Count()));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"outcome {firstStatus}", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.StartsWith("Reply not delivered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_that_times_out_is_retried_and_arrives()
    {
        await using var sink = await ConnectorSink.StartAsync();
        var seen = new ConcurrentDictionary<string, int>();
        sink.Delay = p => seen.AddOrUpdate(p.ReplyToId ?? string.Empty, 1, (_, n) => n + 1) == 1 ? TimeSpan.FromSeconds(60) : TimeSpan.Zero;
        await using var host = await RunningBotHost.StartAsync(FastRetries(attemptTimeout: "00:00:02"));

        var message = Activities.Message(sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), "hello");
        var response = await host.Client.PostActivityAsync(message);

        Assert.True(response.IsSuccessStatusCode, $"message answered {response.StatusCode}");

        // At least one retry; a very busy machine may need one more.
        Assert.InRange(sink.All.Count(p => p.ReplyToId == message.Id), 2, 4);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var sink = await ConnectorSink.StartAsync();
        sink.Respond = p => p.Activity.Type == "message" && p.Activity.Text != null && !p.Activity.Text.StartsWith("Sorry", StringComparison.Ordinal) ? 400 : 200;
        await using var host = await RunningBotHost.StartAsync(FastRetries());

        var message = Activities.Message(sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), "hello");
        await host.Client.PostActivityAsync(message);

        Assert.Single(sink.All, p => p.ReplyToId == message.Id && p.Activity.Text?.StartsWith("Sorry", StringComparison.Ordinal) == false);
    }

    [Fact]
    public async Task An_undeliverable_reply_is_logged_with_type_outcome_and_hash_but_never_its_text()
    {
        var logs = new CapturedLogs();
        await using var sink = await ConnectorSink.StartAsync();
        sink.Respond = _ => 503;
        await using var host = await RunningBotHost.StartAsync(FastRetries(maxRetries: 2), b => b.Logging.AddProvider(logs));
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");

        var message = Activities.Message(sink.ServiceUrl, conversationId, CaseSummary);
        await host.Client.PostActivityAsync(message);

        var replyAttempts = sink.All.Where(p => p.ReplyToId == message.Id).ToList();
        var replyText = replyAttempts[0].Activity.Text;
        Assert.False(string.IsNullOrWhiteSpace(replyText));
        Assert.Equal(3, replyAttempts.Count(p => p.Activity.Text == replyText));

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)))[..12];
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error
            && e.Message == $"Reply not delivered: activity type message, outcome 503, conversation {hash}");

        var everything = string.Join("\n", logs.Entries.Select(e => e.Everything));
        Assert.DoesNotContain(replyText!, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("plt 12k", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(conversationId, everything, StringComparison.Ordinal);
    }

    private static Func<PostedActivity, int> FirstAttemptOfEachReply(int status)
    {
        var seen = new ConcurrentDictionary<string, int>();
        return p => seen.AddOrUpdate(p.RawJson, 1, (_, n) => n + 1) == 1 ? status : 200;
    }
}
