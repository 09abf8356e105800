using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ItpBot.Storage;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;

namespace ItpBot.Tests.Storage;

/// <summary>
/// The host on file storage, killed with SIGKILL while turns are being saved, then started again on the same folder.
/// Must hold: every stored document still reads, and every conversation goes on from its state (no error, no reset).
/// </summary>
[Trait("Category", "Resilience")]
public sealed class KillNineTests() : FileStateHostTest("itpbot-kill-")
{
    private const int Conversations = 16;

    [Fact]
    public async Task A_host_killed_while_saving_leaves_state_that_reads_and_goes_on()
    {
        var port = FreePort();
        var ids = Enumerable.Range(0, Conversations).Select(_ => "conv-" + Guid.NewGuid().ToString("N")).ToList();
        using (var child = StartChildHost(port))
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitUntilHealthyAsync(client, child);
            await Task.WhenAll(ids.Select(id => SendAsync(client, id, "start")));

            // Answers in flight on every conversation, then SIGKILL in the middle of them.
            var inFlight = ids.Select(id => SendAsync(client, id, "12")).ToList();
            await Task.Delay(150);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            foreach (var turn in inFlight)
            {
                try
                {
                    await turn;
                }
                catch (HttpRequestException)
                {
                    // Cut off by the kill: the point of the test.
                }
            }
        }

        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "file",
            ["Storage:File:Directory"] = StateFolder,
            ["RateLimiting:Enabled"] = "false",
        });
        var storage = host.Services.GetRequiredService<IStorage>();
        foreach (var id in ids)
        {
            var key = $"emulator/conversations/{id}";
            Assert.True((await storage.ReadAsync([key])).ContainsKey(key), "the conversation's state survived the kill");

            var replies = await SendAsync(host.Client, id, "nosebleeds");
            Assert.NotEmpty(replies);
            Assert.DoesNotContain(replies, text => text?.Contains("went wrong", StringComparison.Ordinal) == true);
        }
    }

    private Process StartChildHost(int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "ItpBot.dll"), "--urls", $"http://127.0.0.1:{port}",
                     "--Storage:Kind=file", $"--Storage:File:Directory={StateFolder}", "--Startup:WarmUp=false",
                     "--RateLimiting:Enabled=false", "--Logging:LogLevel:Default=Warning",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private Task<List<string?>> SendAsync(HttpClient client, string conversationId, string text) =>
        client.RepliesAsync(Sink.ServiceUrl, conversationId, text);

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process child)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            Assert.False(child.HasExited, "the child host exited at start-up");
            try
            {
                if ((await client.GetAsync("healthz", timeout.Token)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
