using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ItpBot.Tests.Support;

/// <summary>
/// A loopback Bot Connector: what a channel (or the Emulator) exposes as serviceUrl. It records every activity the bot
/// posts to /v3/conversations/{conversationId}/activities[/{replyToId}] and answers like the connector does.
/// </summary>
public sealed partial class ConnectorSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<PostedActivity> _posted = Channel.CreateUnbounded<PostedActivity>();
    private readonly ConcurrentQueue<PostedActivity> _all = new();

    private ConnectorSink(WebApplication app)
    {
        _app = app;
    }

    public string ServiceUrl { get; private set; } = string.Empty;

    public IReadOnlyCollection<PostedActivity> All => _all;

    /// <summary>Status code the sink answers with; tests of delivery failures change it.</summary>
    public Func<PostedActivity, int> Respond { get; set; } = _ => StatusCodes.Status200OK;

    /// <summary>How long the sink waits before answering; tests of delivery timeouts change it.</summary>
    public Func<PostedActivity, TimeSpan> Delay { get; set; } = _ => TimeSpan.Zero;

    public static async Task<ConnectorSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new ConnectorSink(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", sink.ReceiveAsync);
        // Real serviceUrls carry a path (Teams: https://smba.trafficmanager.net/amer/; the Playground: /_connector).
        app.MapPost("/{serviceUrlPath}/v3/conversations/{conversationId}/activities/{replyToId?}", sink.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.ServiceUrl = address.TrimEnd('/') + "/";
        return sink;
    }

    /// <summary>The next activity the bot posts, or fails after the timeout.</summary>
    public async Task<PostedActivity> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        return await _posted.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Reads posted activities until one matches, or fails after the timeout.</summary>
    public async Task<PostedActivity> NextMatchingAsync(Func<PostedActivity, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var next = await _posted.Reader.ReadAsync(cts.Token);
            if (match(next))
            {
                return next;
            }
        }
    }

    private async Task<IResult> ReceiveAsync(HttpContext http, string conversationId, string? replyToId)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var activity = JsonConvert.DeserializeObject<Activity>(body)!;
        var posted = new PostedActivity(Uri.UnescapeDataString(conversationId), replyToId is null ? null : Uri.UnescapeDataString(replyToId), activity, body, http.Request.Headers.Authorization.ToString());
        _all.Enqueue(posted);
        await _posted.Writer.WriteAsync(posted);
        var delay = Delay(posted);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, http.RequestAborted);
        }

        var status = Respond(posted);
        return status is >= 200 and < 300
            ? Results.Json(new ResourceResponse(Guid.NewGuid().ToString("N")), statusCode: status)
            : Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <param name="ConversationId">From the URL path.</param>
/// <param name="ReplyToId">From the URL path; null for a post to the conversation.</param>
public sealed record PostedActivity(string ConversationId, string? ReplyToId, Activity Activity, string RawJson, string Authorization);
