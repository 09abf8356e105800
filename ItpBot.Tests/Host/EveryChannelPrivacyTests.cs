using ItpBot.Tests.Channels;
using ItpBot.Tests.Channels.Teams;
using ItpBot.Tests.Reliability;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Tests.Host;

/// <summary>
/// The one ordered middleware list reaches every adapter: a turn that fails with the user's text in its exception is
/// sent through each channel (Emulator and Teams on the host's CloudAdapter, Web Chat on the local Direct Line), and
/// no log line or exported telemetry item carries the text; each failure is counted in the failed-turns metric.
/// </summary>
public sealed class EveryChannelPrivacyTests
{
    private const string Sentinel = "QUOKKA-PLATELET-5127";

    [Fact]
    public async Task A_failing_turn_on_every_channel_leaks_no_text_and_is_counted()
    {
        var logs = new CapturingLoggerProvider();
        var telemetry = new CapturedTelemetry();
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await RunningBotHost.StartAsync(AllLogLevels, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(logs);
            telemetry.AddTo(builder);
            builder.UseBot<TextQuotingFailureBot>();
        });

        var emulator = Activities.Message(sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), $"plt 9, {Sentinel}");
        Assert.True((await host.Client.PostActivityAsync(emulator)).IsSuccessStatusCode);
        await sink.NextMatchingAsync(p => p.ReplyToId == emulator.Id);

        var teams = RecordedActivities.Load("msteams", ActivityTypes.Message, sink.ServiceUrl);
        teams.Text = $"<at>ItpBot</at> plt 9, {Sentinel}";
        Assert.True((await host.Client.PostActivityAsync(teams)).IsSuccessStatusCode);
        await sink.NextMatchingAsync(p => p.ReplyToId == teams.Id);

        var webChat = await DirectLineSession.StartAsync(host.Client);
        var posted = await webChat.PostMessageAsync($"plt 9, {Sentinel}", "client-1");
        await webChat.WaitForAsync(a => (string?)a["replyToId"] == posted && ((string?)a["text"] ?? string.Empty).Contains("went wrong", StringComparison.Ordinal));

        CapturedTelemetry.Flush(host.Services);
        foreach (var channel in new[] { "emulator", "msteams", "directline" })
        {
            Assert.Contains(logs.Lines, l => l.Contains("Unhandled error in a turn", StringComparison.Ordinal) && l.Contains("ChannelId=" + channel, StringComparison.Ordinal));
            Assert.Contains(telemetry.Metrics, m => m.Contains("itpbot.turns.failed", StringComparison.Ordinal) && m.Contains("itpbot.channel=" + channel, StringComparison.Ordinal));
        }

        Assert.True(telemetry.Sum("itpbot.turns.failed") >= 3, $"failed turns counted: {telemetry.Sum("itpbot.turns.failed")}");
        AssertNoSentinel(logs.Lines, "log line");
        AssertNoSentinel(telemetry.Everything, "telemetry item");
    }

    internal static readonly Dictionary<string, string?> AllLogLevels = new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:System"] = "Trace",
    };

    internal static void AssertNoSentinel(IEnumerable<string> items, string what, string sentinel = Sentinel)
    {
        var leaks = items.Where(i => i.Contains(sentinel, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} {what}s carry message text, e.g.: {leaks.FirstOrDefault()}");
    }

    /// <summary>Fails the way a parser might: with the user's text in the exception message.</summary>
    private sealed class TextQuotingFailureBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            turnContext.Activity.Type == ActivityTypes.Message
                ? throw new FormatException($"Could not read a platelet count in '{turnContext.Activity.Text}'")
                : Task.CompletedTask;
    }
}
