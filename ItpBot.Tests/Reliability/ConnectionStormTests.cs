using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Xunit.Abstractions;

namespace ItpBot.Tests.Reliability;

/// <summary>
/// Thousands of idle and slow connections against the real host on loopback. Must hold: the host holds about as many
/// connections as its limit and no more, connections that send headers or a body too slowly are cut off, and while the storm
/// lasts /healthz answers and a normal turn passes for a client that was already connected.
/// </summary>
[Trait("Category", "Resilience")]
public sealed class ConnectionStormTests(ITestOutputHelper output)
{
    private const int Limit = 1_000;
    private const int Idle = 2_500;
    private const int SlowHeaders = 250;
    private const int SlowBodies = 250;

    [Fact]
    public async Task Idle_and_slow_connections_cannot_take_the_host_down()
    {
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Server:MaxConcurrentConnections"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Server:RequestHeadersTimeout"] = "00:00:02",
            ["Server:DataRateGracePeriod"] = "00:00:02",
            ["RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });

        // A client that was connected before the storm (as a channel's connection pool is).
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 2, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = host.BaseAddress,
        };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("healthz")).StatusCode);

        var port = host.BaseAddress.Port;
        var sockets = new List<Socket>();
        try
        {
            var slowHeaders = new List<Socket>();
            foreach (var _ in Enumerable.Range(0, SlowHeaders))
            {
                var socket = await ConnectAsync(port);
                await SendAsync(socket, "POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
                slowHeaders.Add(socket);
            }

            var slowBodies = new List<Socket>();
            foreach (var _ in Enumerable.Range(0, SlowBodies))
            {
                var socket = await ConnectAsync(port);
                await SendAsync(socket, "POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
                slowBodies.Add(socket);
            }

            sockets.AddRange(slowHeaders);
            sockets.AddRange(slowBodies);

            // Then idle connections, far more than the limit: those over it are closed as they arrive.
            var idle = new List<Socket>();
            foreach (var _ in Enumerable.Range(0, Idle))
            {
                idle.Add(await ConnectAsync(port));
            }

            sockets.AddRange(idle);

            // During the storm: health and a real turn, over the connection that was already open.
            var latencies = new List<TimeSpan>();
            for (var i = 0; i < 10; i++)
            {
                var watch = Stopwatch.StartNew();
                var health = await client.GetAsync("healthz");
                latencies.Add(watch.Elapsed);
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                await Task.Delay(100);
            }

            var message = Activities.Message(sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), "start");
            message.DeliveryMode = DeliveryModes.ExpectReplies;
            var turn = await client.PostAsync("api/messages", message.ToContent());
            Assert.Equal(HttpStatusCode.OK, turn.StatusCode);
            var replies = JsonConvert.DeserializeObject<ExpectedReplies>(await turn.Content.ReadAsStringAsync())!;
            Assert.Equal(ConversationTexts.Default.Question(IntakeField.PlateletCount, Audience.Clinician), replies.Activities.Last(a => a.Type == ActivityTypes.Message).Text);

            // Slow senders are cut off by the server (headers and body timeouts), well before a client would give up.
            var cutHeaders = await CountClosedAsync(slowHeaders, TimeSpan.FromSeconds(15));
            var cutBodies = await CountClosedAsync(slowBodies, TimeSpan.FromSeconds(15));
            var held = Idle - await CountClosedAsync(idle, TimeSpan.FromSeconds(3));

            output.WriteLine($"healthz during the storm: max {latencies.Max().TotalMilliseconds:F0} ms; idle connections held {held} of {Idle}; " +
                             $"slow headers cut {cutHeaders}/{SlowHeaders}; slow bodies cut {cutBodies}/{SlowBodies}");
            Assert.InRange(held, 1, Limit);
            Assert.Equal(SlowHeaders, cutHeaders);
            Assert.Equal(SlowBodies, cutBodies);
            Assert.All(latencies, l => Assert.True(l < TimeSpan.FromSeconds(5), $"healthz took {l.TotalMilliseconds:F0} ms"));
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }

        // After the storm, new clients are served again.
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("healthz")).StatusCode);
    }

    private static async Task<Socket> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return socket;
    }

    private static async Task SendAsync(Socket socket, string text)
    {
        try
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes(text), SocketFlags.None);
        }
        catch (SocketException)
        {
            // Over the limit the server may already have closed it: that is the point.
        }
    }

    /// <summary>How many of the sockets the server closes within the time (a read returns 0 or the connection is reset).</summary>
    private static async Task<int> CountClosedAsync(List<Socket> sockets, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var closed = await Task.WhenAll(sockets.Select(async socket =>
        {
            var buffer = new byte[4096];
            try
            {
                while (true)
                {
                    var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                    if (read == 0)
                    {
                        return true;
                    }
                }
            }
            catch (SocketException)
            {
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }));
        return closed.Count(c => c);
    }
}
