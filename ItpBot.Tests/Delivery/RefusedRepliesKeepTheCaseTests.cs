using System.Diagnostics.Metrics;
using ItpBot.Bots;
using ItpBot.Delivery;
using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Support;
using Microsoft.Bot.Schema;

namespace ItpBot.Tests.Delivery;

/// <summary>
/// The real intake, while the channel refuses the bot's replies and then recovers. Must hold: the refused replies are
/// retried, then logged and counted; the case is never deleted, and the intake resumes at the question it had reached.
/// </summary>
[Trait("Category", "Resilience")]
public sealed class RefusedRepliesKeepTheCaseTests
{
    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(403)]
    public async Task A_channel_that_refuses_replies_then_recovers_finds_the_intake_where_it_was(int refusal)
    {
        var texts = ConversationTexts.Default;
        using var undelivered = new CountedInstrument(DeliveryMetrics.MeterName, "itpbot.replies.undelivered");
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Delivery:MaxRetries"] = "2",
            ["Delivery:FirstRetryDelay"] = "00:00:00.010",
            ["RateLimiting:Enabled"] = "false",
        });
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");

        Assert.Equal(texts.Question(IntakeField.PlateletCount, Audience.Clinician), await LastReplyAsync(host, sink, conversationId, "start"));

        sink.Respond = _ => refusal;
        var refused = await SendAsync(host, sink, conversationId, "12");
        var attempts = sink.All.Where(p => p.ReplyToId == refused.Id).ToList();
        Assert.NotEmpty(attempts);
        Assert.All(attempts.GroupBy(a => a.RawJson), reply => Assert.Equal(3, reply.Count()));
        Assert.True(undelivered.Total > 0, "undelivered replies are counted");

        sink.Respond = _ => StatusCodes.Status200OK;

        // The user sends the last message again: the intake is still at the question it had reached (bleeding, asked
        // again), not back at the start. Then the answer to that question moves it on.
        var bleeding = new[]
        {
            texts.Question(IntakeField.Bleeding, Audience.Clinician),
            texts.PromptFor(IntakeField.Bleeding, Audience.Clinician, 3).RetryPrompt!.Text,
        };
        Assert.Contains(await LastReplyAsync(host, sink, conversationId, "12"), bleeding);
        Assert.Equal(texts.Question(IntakeField.TimeSinceDiagnosis, Audience.Clinician), await LastReplyAsync(host, sink, conversationId, "nosebleeds"));
        Assert.DoesNotContain(sink.All, p => p.Activity.Text == AdapterWithErrorHandler.ResetReply);
    }

    private static async Task<Activity> SendAsync(RunningBotHost host, ConnectorSink sink, string conversationId, string text)
    {
        var message = Activities.Message(sink.ServiceUrl, conversationId, text);
        var response = await host.Client.PostActivityAsync(message);
        Assert.True(response.IsSuccessStatusCode, $"'{text}' answered {response.StatusCode}");
        return message;
    }

    private static async Task<string?> LastReplyAsync(RunningBotHost host, ConnectorSink sink, string conversationId, string text)
    {
        var message = await SendAsync(host, sink, conversationId, text);
        return sink.All.LastOrDefault(p => p.ReplyToId == message.Id && p.Activity.Type == ActivityTypes.Message)?.Activity.Text;
    }
}

/// <summary>Adds up what one instrument of one meter records while it lives.</summary>
public sealed class CountedInstrument : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public CountedInstrument(string meterName, string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
