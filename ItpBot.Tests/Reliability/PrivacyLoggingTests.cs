using System.Net.Http.Headers;
using System.Text;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ItpBot.Tests.Reliability;

/// <summary>
/// Message text is health data: a sentinel phrase sent through every path (a normal turn, broken bodies, refused
/// requests, a turn that fails with the text in its exception) must not appear in any log line at any level.
/// </summary>
public sealed class PrivacyLoggingTests
{
    private const string Sentinel = "ZEBRA-PLATELET-7391";

    [Fact]
    public async Task The_sentinel_reaches_no_log_line_through_any_path()
    {
        var logs = new CapturingLoggerProvider();
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await StartAsync(logs, throwing: false);
        await using var failing = await StartAsync(logs, throwing: true);

        foreach (var target in new[] { host, failing })
        {
            await SendEverythingAsync(target, sink.ServiceUrl);
        }

        await WaitForRepliesAsync(sink, expected: 4);

        Assert.Contains(logs.Lines, line => line.Contains("Refused a request", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("Unhandled error in a turn", StringComparison.Ordinal));
        var leaks = logs.Lines.Where(line => line.Contains(Sentinel, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log lines carry message text, e.g.: {leaks.FirstOrDefault()}");
    }

    private static async Task<RunningBotHost> StartAsync(CapturingLoggerProvider logs, bool throwing) =>
        await RunningBotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:System"] = "Trace",
                ["Bot:MaxTextLength"] = "1000",
                ["Bot:MaxRequestBytes"] = "20000",
            },
            builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(logs);
                if (throwing)
                {
                    builder.UseBot<TextQuotingFailureBot>();
                }
            });

    private static async Task SendEverythingAsync(RunningBotHost host, string serviceUrl)
    {
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");
        var message = Activities.Message(serviceUrl, conversationId, $"Patient {Sentinel}, platelets 9, gum bleeding");
        message.From.Name = Sentinel;
        var json = JsonConvert.SerializeObject(message);

        await host.Client.PostActivityAsync(message);
        await host.Client.PostActivityAsync(Activities.Message(serviceUrl, conversationId, Sentinel + new string('x', 2000)));
        await PostAsync(host, Encoding.UTF8.GetBytes($"not json {Sentinel}"), "application/json");
        await PostAsync(host, Encoding.UTF8.GetBytes(json), "text/plain");
        await PostAsync(host, Encoding.UTF8.GetBytes(json.Replace("\"type\":\"message\",", string.Empty, StringComparison.Ordinal)), "application/json");
        await PostAsync(host, Encoding.UTF8.GetBytes(json.Replace("\"timestamp\":\"", $"\"timestamp\":\"{Sentinel}", StringComparison.Ordinal)), "application/json");
        await PostAsync(host, Encoding.UTF8.GetBytes(json.TrimEnd('}') + ",\"channelData\":" + new string('[', 200) + $"\"{Sentinel}\"" + new string(']', 200) + "}"), "application/json");
        await PostAsync(host, Encoding.UTF8.GetBytes(json.TrimEnd('}') + ",\"value\":\"" + new string('y', 30_000) + Sentinel + "\"}"), "application/json");
        var invalidUtf8 = Encoding.UTF8.GetBytes(json);
        invalidUtf8[^3] = 0xFF;
        await PostAsync(host, invalidUtf8, "application/json");
    }

    private static async Task PostAsync(RunningBotHost host, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        await host.Client.PostAsync("api/messages", content);
    }

    private static async Task WaitForRepliesAsync(ConnectorSink sink, int expected)
    {
        for (var i = 0; i < expected; i++)
        {
            await sink.NextAsync();
        }
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
