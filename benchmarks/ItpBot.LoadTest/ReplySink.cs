using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ItpBot.LoadTest;

/// <summary>
/// A loopback Bot Connector that does as little as possible: every reply is a real HTTP POST that is read in full
/// and answered like the connector answers, and counted. The serviceUrl of every simulated conversation.
/// </summary>
public sealed class ReplySink : IAsyncDisposable
{
    private static readonly byte[] ResourceResponse = """{"id":"0"}"""u8.ToArray();
    private readonly WebApplication _app;
    private static readonly byte[] AdaptiveCard = "application/vnd.microsoft.card.adaptive"u8.ToArray();
    private long _replies;
    private long _plans;
    private Action? _onReply;

    private ReplySink(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public long Replies => Interlocked.Read(ref _replies);

    /// <summary>Replies that carried the plan's Adaptive Card: each finished intake must produce one.</summary>
    public long Plans => Interlocked.Read(ref _plans);

    /// <summary>When set, the sink's own work is a stage of its own (so the turn stages do not count it as the bot's).</summary>
    public StageClock? Stages { get; set; }

    /// <summary>Called on every reply (cold start waits for the first).</summary>
    public void OnReply(Action action) => _onReply = action;

    public static async Task<ReplySink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new ReplySink(app);
        app.Run(sink.ReceiveAsync);
        await app.StartAsync();
        sink.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return sink;
    }

    private async Task ReceiveAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/v3/conversations"))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var stage = Stages?.Enter("the fake connector (load test's sink)");
        // Only the plan is large: small replies are drained without looking at them.
        if (http.Request.ContentLength is > 4096 and < 1024 * 1024 and var length)
        {
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                var read = 0;
                int n;
                while (read < length && (n = await http.Request.Body.ReadAsync(buffer.AsMemory(read, (int)length - read))) > 0)
                {
                    read += n;
                }

                if (buffer.AsSpan(0, read).IndexOf(AdaptiveCard) >= 0)
                {
                    Interlocked.Increment(ref _plans);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        await http.Request.Body.CopyToAsync(Stream.Null);
        Interlocked.Increment(ref _replies);
        _onReply?.Invoke();
        stage?.Dispose();
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(ResourceResponse);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
