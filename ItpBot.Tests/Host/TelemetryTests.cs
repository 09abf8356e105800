using ItpBot.Tests.Channels;
using ItpBot.Tests.Reliability;
using ItpBot.Tests.Support;
using OpenTelemetry.Trace;

namespace ItpBot.Tests.Host;

/// <summary>OpenTelemetry: off unless configured; when on, a whole intake's turn is traced without any patient fact.</summary>
public sealed class TelemetryTests
{
    private const string Sentinel = "WOMBAT-MARROW-8843";

    [Fact]
    public async Task Telemetry_is_off_by_default()
    {
        await using var host = await RunningBotHost.StartAsync();
        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task A_case_turn_is_traced_end_to_end_and_no_item_carries_text_or_ids()
    {
        var logs = new CapturingLoggerProvider();
        var telemetry = new CapturedTelemetry();
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await RunningBotHost.StartAsync(EveryChannelPrivacyTests.AllLogLevels, builder =>
        {
            builder.Logging.AddProvider(logs);
            telemetry.AddTo(builder);
        });

        // A whole case in one line (the sentinel stands in the note a clinician might add), then confirmation: an assessment.
        var conversationId = "conv-" + Sentinel;
        var caseLine = $"52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy, 80 kg, {Sentinel}";
        foreach (var text in new[] { caseLine, "no", "none", "yes" })
        {
            var message = Activities.Message(sink.ServiceUrl, conversationId, text, userId: "user-" + Sentinel);
            Assert.True((await host.Client.PostActivityAsync(message)).IsSuccessStatusCode);
            await sink.NextMatchingAsync(p => p.ReplyToId == message.Id);
        }

        var webChat = await DirectLineSession.StartAsync(host.Client);
        var posted = await webChat.PostMessageAsync(caseLine, "client-1");
        await webChat.WaitForAsync(a => (string?)a["replyToId"] == posted);

        var profile = new StringContent($$"""{"plateletCount": 12, "bleeding": "mucosal", "question": "{{Sentinel}}"}""", System.Text.Encoding.UTF8, "application/json");
        Assert.True((await host.Client.PostAsync("api/assessments", profile)).IsSuccessStatusCode);

        // A Direct Line reply is visible before its turn ends: wait until every reply's turn has been exported.
        var turnTraces = new HashSet<string>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            CapturedTelemetry.Flush(host.Services);
            turnTraces = telemetry.SpanIds.Where(s => s.Name == "receive").Select(s => s.TraceId).ToHashSet();
            if (telemetry.SpanIds.Where(s => s.Name is "reply" or "save" or "understand").All(s => turnTraces.Contains(s.TraceId)))
            {
                break;
            }

            await Task.Delay(100);
        }

        var names = telemetry.SpanIds.Select(s => s.Name).ToHashSet();
        foreach (var expected in new[] { "receive", "understand", "state read", "save", "reply", "assess" })
        {
            Assert.Contains(expected, names);
        }

        // Each reading, reply and save belongs to its turn's trace, and logs written during a turn carry the trace id.
        Assert.All(telemetry.SpanIds.Where(s => s.Name is "reply" or "save" or "understand"), s => Assert.Contains(s.TraceId, turnTraces));
        Assert.Contains(telemetry.LogTraceIds, turnTraces.Contains);
        Assert.True(telemetry.Sum("itpbot.turns") >= 5);
        Assert.True(telemetry.Sum("itpbot.replies") >= 5);
        Assert.True(telemetry.Sum("itpbot.assessments") >= 1);

        EveryChannelPrivacyTests.AssertNoSentinel(telemetry.Everything, "telemetry item", Sentinel);
        EveryChannelPrivacyTests.AssertNoSentinel(logs.Lines, "log line", Sentinel);
        EveryChannelPrivacyTests.AssertNoSentinel(telemetry.Spans, "span", webChat.ConversationId);
    }

    [Fact]
    public async Task The_SDK_adapter_writes_no_conversation_id_at_Information()
    {
        var logs = new CapturingLoggerProvider();
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await RunningBotHost.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information", ["Logging:LogLevel:ItpBot"] = "Information" },
            builder => builder.Logging.AddProvider(logs));
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");
        var message = Activities.Message(sink.ServiceUrl, conversationId, "hello");
        Assert.True((await host.Client.PostActivityAsync(message)).IsSuccessStatusCode);
        await sink.NextMatchingAsync(p => p.ReplyToId == message.Id);
        var webChat = await DirectLineSession.StartAsync(host.Client);
        var posted = await webChat.PostMessageAsync("hello", "client-1");
        await webChat.WaitForAsync(a => (string?)a["replyToId"] == posted);

        Assert.NotEmpty(logs.Lines);
        EveryChannelPrivacyTests.AssertNoSentinel(logs.Lines, "log line", conversationId);
        EveryChannelPrivacyTests.AssertNoSentinel(logs.Lines, "log line", webChat.ConversationId);
    }
}
