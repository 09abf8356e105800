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
    private long _replies;
    private Action? _onReply;

    private ReplySink(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public long Replies => Interlocked.Read(ref _replies);

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

        await http.Request.Body.CopyToAsync(Stream.Null);
        Interlocked.Increment(ref _replies);
        _onReply?.Invoke();
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(ResourceResponse);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
