using System.Diagnostics;
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

        // Each request runs in a trace of the test's own: the ItpBot activity source is process-wide, so this host's
        // exporter also sees spans of hosts that other tests run at the same time, and only these traces are this test's.
        var turnTraces = new List<string>();
        foreach (var text in new[] { caseLine, "no", "none", "yes" })
        {
            var message = Activities.Message(sink.ServiceUrl, conversationId, text, userId: "user-" + Sentinel);
            turnTraces.Add(await InOwnTraceAsync(async () =>
            {
                Assert.True((await host.Client.PostActivityAsync(message)).IsSuccessStatusCode);
                await sink.NextMatchingAsync(p => p.ReplyToId == message.Id);
            }));
        }

        var webChat = await DirectLineSession.StartAsync(host.Client);
        turnTraces.Add(await InOwnTraceAsync(async () =>
        {
            var posted = await webChat.PostMessageAsync(caseLine, "client-1");
            await webChat.WaitForAsync(a => (string?)a["replyToId"] == posted);
        }));

        var profile = new StringContent($$"""{"plateletCount": 12, "bleeding": "mucosal", "question": "{{Sentinel}}"}""", System.Text.Encoding.UTF8, "application/json");
        var assessmentTrace = await InOwnTraceAsync(async () => Assert.True((await host.Client.PostAsync("api/assessments", profile)).IsSuccessStatusCode));

        // A reply is visible before its turn ends; a turn's span ("receive") is exported when the turn ends, after
        // every span inside it: wait for each of this test's turns to end.
        await telemetry.WaitForSpansAsync(
            spans => turnTraces.All(trace => spans.Contains(("receive", trace))) && spans.Contains(("assess", assessmentTrace)),
            TimeSpan.FromMinutes(2));
        CapturedTelemetry.Flush(host.Services);

        // Each turn's reading, state, save and reply belong to that turn's trace (a span started outside it would be in
        // another trace), and logs written during a turn carry the trace id.
        var ours = telemetry.SpanIds.Where(s => turnTraces.Contains(s.TraceId)).ToList();
        foreach (var trace in turnTraces)
        {
            var names = ours.Where(s => s.TraceId == trace).Select(s => s.Name).ToHashSet();
            foreach (var expected in new[] { "receive", "understand", "state read", "save", "reply" })
            {
                Assert.True(names.Contains(expected), $"turn trace {turnTraces.IndexOf(trace)} has no '{expected}' span: {string.Join(", ", names)}");
            }
        }

        Assert.Contains(("assess", assessmentTrace), telemetry.SpanIds);
        Assert.Contains(telemetry.LogTraceIds, turnTraces.Contains);
        Assert.True(telemetry.Sum("itpbot.turns") >= 5);
        Assert.True(telemetry.Sum("itpbot.replies") >= 5);
        Assert.True(telemetry.Sum("itpbot.assessments") >= 1);

        EveryChannelPrivacyTests.AssertNoSentinel(telemetry.Everything, "telemetry item", Sentinel);
        EveryChannelPrivacyTests.AssertNoSentinel(logs.Lines, "log line", Sentinel);
        EveryChannelPrivacyTests.AssertNoSentinel(telemetry.Spans, "span", webChat.ConversationId);
    }

    /// <summary>Runs <paramref name="request"/> in a new sampled trace (carried to the host by the HttpClient's traceparent); returns its id.</summary>
    private static async Task<string> InOwnTraceAsync(Func<Task> request)
    {
        Activity.Current = null;
        using var root = new Activity("telemetry-test") { ActivityTraceFlags = ActivityTraceFlags.Recorded };
        root.SetIdFormat(ActivityIdFormat.W3C);
        root.Start();
        await request();
        return root.TraceId.ToHexString();
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
