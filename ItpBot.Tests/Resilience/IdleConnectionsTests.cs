using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using ItpBot.Security;
using ItpBot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Xunit.Abstractions;

namespace ItpBot.Tests.Resilience;

/// <summary>Tests that hold most of the machine's ports or files: run on their own, after the parallel ones.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>
/// 20,000 idle TCP connections against the host started as an operator starts it (<c>dotnet ItpBot.dll</c>, its own
/// process, production settings), which once ran the process out of memory. Must hold: the process stays up, /healthz
/// answers within a second or two, and a normal turn passes for a client that was connected before, while the host
/// keeps no more connections than its limit. Everything is closed at the end; every wait is bounded.
/// </summary>
[Trait("Category", "Resilience")]
[Collection(nameof(RunsAlone))]
public sealed class IdleConnectionsTests(ITestOutputHelper output)
{
    private const int Connections = 20_000;

    // Half are held here, half by a Node.js helper: a process's open files are capped (often at 20,000, hard).
    private const int HeldHere = Connections / 2;

    // The test's own files (assemblies, pipes, the sink, the pooled client) beside the sockets.
    private const ulong Headroom = 2_000;

    [SkippableFact]
    public async Task The_host_survives_twenty_thousand_idle_connections()
    {
        using var limit = FileLimit.Raise(HeldHere + Headroom, out var reason);
        Skip.If(limit is null, $"Cannot hold {HeldHere} sockets in this process: {reason}");

        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await OutOfProcessHost.StartAsync(new Dictionary<string, string>());
        using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // A client connected before the storm, as a channel's connection pool is; over the limit, new ones are closed.
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("healthz", bounded.Token)).StatusCode);
        var memoryBefore = host.ResidentMegabytes;

        var sockets = new Socket[HeldHere];
        NodeConnectionHolder? helper = null;
        try
        {
            var watch = Stopwatch.StartNew();
            helper = await NodeConnectionHolder.OpenAsync(host.BaseAddress.Port, Connections - HeldHere, bounded.Token);
            var failed = helper.Failed + await ConnectAllAsync(sockets, host.BaseAddress.Port, bounded.Token);
            var opening = watch.Elapsed;

            var latencies = new List<TimeSpan>();
            for (var i = 0; i < 5; i++)
            {
                var health = Stopwatch.StartNew();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("healthz", bounded.Token)).StatusCode);
                latencies.Add(health.Elapsed);
            }

            var message = Activities.Message(sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), "start");
            message.DeliveryMode = DeliveryModes.ExpectReplies;
            var turn = await client.PostAsync("api/messages", message.ToContent(), bounded.Token);
            Assert.Equal(HttpStatusCode.OK, turn.StatusCode);
            var replies = JsonConvert.DeserializeObject<ExpectedReplies>(await turn.Content.ReadAsStringAsync(bounded.Token))!;
            Assert.Equal(
                ConversationTexts.Default.Question(IntakeField.PlateletCount, Audience.Clinician),
                replies.Activities.Last(a => a.Type == ActivityTypes.Message).Text);

            var held = await CountStillOpenAsync(sockets, TimeSpan.FromSeconds(3)) + await helper.StillOpenAsync(bounded.Token);
            output.WriteLine(
                $"{Connections} connections opened in {opening.TotalSeconds:F1} s ({failed} failed to connect); the host held {held}; " +
                $"healthz max {latencies.Max().TotalMilliseconds:F0} ms; host memory {memoryBefore:F0} MB before, {host.ResidentMegabytes:F0} MB during");

            Assert.False(host.HasExited, "the host process exited under the idle connections");
            Assert.Equal(0, failed);
            Assert.InRange(held, 1, new ServerLimitsSettings().MaxConcurrentConnections);
            Assert.All(latencies, l => Assert.True(l < TimeSpan.FromSeconds(2), $"healthz took {l.TotalMilliseconds:F0} ms"));
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket?.Dispose();
            }

            if (helper is not null)
            {
                await helper.DisposeAsync();
            }
        }

        // Once they are gone, a new client is served again.
        using var fresh = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("healthz", bounded.Token)).StatusCode);
        Assert.False(host.HasExited);
    }

    /// <summary>Opens every socket (a few hundred handshakes at a time); returns how many could not connect.</summary>
    private static async Task<int> ConnectAllAsync(Socket[] sockets, int port, CancellationToken cancellationToken)
    {
        var failed = 0;
        await Parallel.ForAsync(0, sockets.Length, new ParallelOptions { MaxDegreeOfParallelism = 256, CancellationToken = cancellationToken }, async (i, token) =>
        {
            // Closed with a reset, not a FIN: 20,000 client ports left in TIME_WAIT would starve the tests that follow.
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { LingerState = new LingerOption(true, 0) };
            sockets[i] = socket;
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
                attempt.CancelAfter(TimeSpan.FromSeconds(20));
                await socket.ConnectAsync(IPAddress.Loopback, port, attempt.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !token.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
            }
        });
        return failed;
    }

    /// <summary>How many sockets the server has not closed within the time (a read neither ends nor fails).</summary>
    private static async Task<int> CountStillOpenAsync(Socket[] sockets, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var open = await Task.WhenAll(sockets.Select(async socket =>
        {
            var buffer = new byte[1];
            try
            {
                return await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0;
            }
            catch (OperationCanceledException)
            {
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }));
        return open.Count(o => o);
    }
}
