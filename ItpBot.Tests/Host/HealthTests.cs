using System.Net;
using System.Text.Json.Nodes;
using ItpBot.Tests.Storage;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.Host;

/// <summary>/healthz is liveness (no dependency checked); /readyz is readiness: content, storage, warm-up.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Liveness_and_readiness_answer_ok_on_a_healthy_host()
    {
        await using var host = await RunningBotHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("healthz")).StatusCode);

        var ready = await host.Client.GetAsync("readyz");
        var body = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        foreach (var check in new[] { "content", "storage", "warm-up" })
        {
            Assert.Equal("healthy", (string?)body["checks"]![check]!["status"]);
        }
    }

    [Fact]
    public async Task Readiness_follows_blob_storage_liveness_does_not()
    {
        var azurite = new AzuriteServer();
        await azurite.InitializeAsync();
        var stopped = false;
        try
        {
            await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
            {
                ["Storage:Kind"] = "blob",
                ["Storage:Blob:ConnectionString"] = azurite.ConnectionString,
                ["Storage:Blob:Container"] = "readiness-" + Guid.NewGuid().ToString("N")[..8],
            });
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("readyz")).StatusCode);

            await azurite.DisposeAsync();
            stopped = true;

            var unready = await host.Client.GetAsync("readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
            var body = JsonNode.Parse(await unready.Content.ReadAsStringAsync())!;
            Assert.Equal("unhealthy", (string?)body["checks"]!["storage"]!["status"]);
            Assert.Equal("healthy", (string?)body["checks"]!["content"]!["status"]);
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("healthz")).StatusCode);
        }
        finally
        {
            if (!stopped)
            {
                await azurite.DisposeAsync();
            }
        }
    }
}
