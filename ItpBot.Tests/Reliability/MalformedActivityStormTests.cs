using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using ItpBot.Tests.Support;
using Xunit.Abstractions;

namespace ItpBot.Tests.Reliability;

/// <summary>
/// 10,000 generated broken activities through one running host over real HTTP: no 5xx, the host keeps serving, and
/// state stored before the storm is intact after it.
/// </summary>
public sealed class MalformedActivityStormTests(ITestOutputHelper output)
{
    private const int Requests = 10_000;
    private const int Concurrency = 8;

    [Fact]
    public async Task Ten_thousand_malformed_activities_get_no_5xx_and_lose_no_stored_state()
    {
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var kept = await StoredState.KeepAsync(host);
        var generator = new MalformedActivities(seed: 20261125, sink.ServiceUrl);
        var requests = Enumerable.Range(0, Requests).Select(_ => generator.Next()).ToList();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var serverErrors = new ConcurrentQueue<string>();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, ct) =>
        {
            var content = new ByteArrayContent(request.Body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            using var response = await host.Client.PostAsync("api/messages", content, ct);
            statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode >= 500)
            {
                serverErrors.Enqueue($"{(int)response.StatusCode}: {Preview(request.Body)}");
            }
        });

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}")));
        Assert.True(serverErrors.IsEmpty, $"{serverErrors.Count} server errors; first: {serverErrors.FirstOrDefault()}");
        Assert.Equal(Requests, statuses.Values.Sum());
        Assert.True(statuses.Keys.Any(s => (int)s < 300), "the storm should include activities the bot accepts");
        Assert.True(statuses.Keys.Any(s => (int)s >= 400), "the storm should include activities the host refuses");
        await StoredState.AssertKeptAsync(host, kept);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("healthz")).StatusCode);
    }

    private static string Preview(byte[] body) => System.Text.Encoding.UTF8.GetString(body[..Math.Min(400, body.Length)]);
}
