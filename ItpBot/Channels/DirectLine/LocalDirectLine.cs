using System.Net.WebSockets;
using ItpBot.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ItpBot.Channels.DirectLine;

/// <summary>
/// A Direct Line 3.0-compatible endpoint served by the host itself, so the Web Chat page works with no Azure account
/// and no internet. Same routes, shapes and status codes as Azure Direct Line for what Web Chat uses.
/// </summary>
public static class LocalDirectLine
{
    public const string ChannelId = "directline";
    public const string Prefix = "/v3/directline";

    private static readonly HashSet<string> AcceptedFromUser = [ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing];

    public static IEndpointRouteBuilder MapLocalDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var directLine = endpoints.MapGroup(Prefix);
        directLine.MapPost("/tokens/generate", GenerateToken);
        directLine.MapPost("/tokens/refresh", RefreshToken);
        directLine.MapPost("/conversations", StartConversationAsync);
        directLine.MapGet("/conversations/{conversationId}", Reconnect);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivities);
        directLine.Map("/conversations/{conversationId}/stream", StreamAsync);
        return endpoints;
    }

    /// <summary>A token for a new conversation. The local channel is anonymous, like the page that calls it.</summary>
    public static (string ConversationId, string UserId, IssuedToken Token) NewSession(LocalTokens tokens)
    {
        var conversationId = LocalConversations.NewConversationId();
        var userId = LocalConversations.NewUserId();
        return (conversationId, userId, tokens.Issue(conversationId, userId));
    }

    private static IResult GenerateToken(LocalTokens tokens)
    {
        var (conversationId, _, token) = NewSession(tokens);
        return Results.Json(new { conversationId, token = token.Token, expires_in = token.ExpiresInSeconds });
    }

    private static IResult RefreshToken(HttpRequest request, LocalTokens tokens)
    {
        if (Authorize(request, tokens, conversationId: null) is not { } grant)
        {
            return Refusal(request);
        }

        var token = tokens.Issue(grant.ConversationId, grant.UserId);
        return Results.Json(new { conversationId = grant.ConversationId, token = token.Token, expires_in = token.ExpiresInSeconds });
    }

    private static async Task<IResult> StartConversationAsync(
        HttpContext http, LocalTokens tokens, LocalConversations conversations, LocalDirectLineBot bridge, IBot bot, IHostApplicationLifetime lifetime)
    {
        if (Authorize(http.Request, tokens, conversationId: null) is not { } grant)
        {
            return Refusal(http.Request);
        }

        if (conversations.Start(grant.ConversationId, grant.UserId, ClientOf(http)) is not var (conversation, created))
        {
            return DirectLineJson.Error(StatusCodes.Status429TooManyRequests, "TooManyConversations", "Too many open conversations; try again later.");
        }

        if (created)
        {
            // Direct Line clients may send {"user": ..., "locale": ...}; only the locale matters, the token names the user.
            string? locale = null;
            try
            {
                locale = DirectLineJson.ReadActivity(await ReadBodyAsync(http, 4096) ?? "{}")?.Locale;
            }
            catch (BadHttpRequestException)
            {
            }

            await bridge.StartAsync(conversation, locale, bot, lifetime.ApplicationStopping);
        }

        return Results.Json(ConversationBody(http.Request, tokens, conversation), statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>What Direct Line clients call to reconnect a stream: a fresh token and stream URL.</summary>
    private static IResult Reconnect(HttpRequest request, string conversationId, LocalTokens tokens, LocalConversations conversations)
    {
        if (Authorize(request, tokens, conversationId) is null)
        {
            return Refusal(request);
        }

        return conversations.Find(conversationId) is { } conversation
            ? Results.Json(ConversationBody(request, tokens, conversation))
            : NotFound();
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext http, string conversationId, LocalTokens tokens, LocalConversations conversations, LocalDirectLineBot bridge,
        IBot bot, TimeProvider time, IOptions<DirectLineOptions> options, IHostApplicationLifetime lifetime, ILogger<LocalDirectLineBot> logger,
        ConversationRateLimiter conversationLimit)
    {
        if (Authorize(http.Request, tokens, conversationId) is null)
        {
            return Refusal(http.Request);
        }

        // Counted only once the token is known to be this conversation's: a stranger cannot use up its permits.
        if (!conversationLimit.TryAcquire(conversationId))
        {
            return DirectLineJson.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many activities in this conversation; try again later.");
        }

        if (conversations.Find(conversationId) is not { } conversation)
        {
            return NotFound();
        }

        string? body;
        try
        {
            body = await ReadBodyAsync(http, options.Value.MaxActivityBytes);
        }
        catch (BadHttpRequestException tooLarge)
        {
            return DirectLineJson.Error(tooLarge.StatusCode, "MessageSizeTooBig", "The activity is too large.");
        }

        if (body is null || DirectLineJson.ReadActivity(body) is not { } activity || !AcceptedFromUser.Contains(activity.Type ?? string.Empty))
        {
            return DirectLineJson.Error(StatusCodes.Status400BadRequest, "BadArgument", "Expected a message, event or typing activity.");
        }

        // The token says who the user is; whatever the client put in "from" is only a display name.
        activity.From = new ChannelAccount(conversation.UserId, activity.From?.Name, RoleTypes.User);
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.ChannelId = ChannelId;
        activity.Recipient = bridge.BotAccount;
        activity.Timestamp = time.GetUtcNow();
        activity.CallerId = null;

        // The same limit as /api/messages: an over-long message is answered politely and never read.
        var limits = http.RequestServices.GetRequiredService<IOptions<MessagesGuardSettings>>().Value;
        if (activity.Type == ActivityTypes.Message && activity.Text?.Length > limits.MaxTextLength)
        {
            bot = new TooLongMessageBot(limits.MaxTextLength);
        }

        // The echo, kept before the bot runs, is what tells Web Chat the message was sent (id + clientActivityID).
        var id = activity.Type == ActivityTypes.Typing ? conversation.Broadcast(activity) : conversation.Append(activity, time.GetUtcNow());
        try
        {
            // Not the request's token: a closed browser tab must not cut a clinical answer off half-way. Shutdown and
            // the turn's time budget still stop it.
            using var budget = Bots.TurnBudget.Start(CancellationToken.None, lifetime.ApplicationStopping, limits.TurnTimeout);
            await bridge.DeliverAsync(conversation, activity, bot, budget.Token);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "The bot failed a local Direct Line turn ({ExceptionType})", error.GetType().Name);
            return DirectLineJson.Error(StatusCodes.Status502BadGateway, "BotError", "The bot could not process the activity.");
        }

        return Results.Json(new { id });
    }

    private static IResult GetActivities(HttpRequest request, string conversationId, string? watermark, LocalTokens tokens, LocalConversations conversations)
    {
        if (Authorize(request, tokens, conversationId) is null)
        {
            return Refusal(request);
        }

        return conversations.Find(conversationId) is { } conversation
            ? Results.Text(conversation.ReadAfter(watermark), "application/json")
            : NotFound();
    }

    /// <summary>The WebSocket stream: the backlog after the watermark, then each activity as it happens (typing too).</summary>
    private static async Task StreamAsync(HttpContext http, string conversationId, LocalTokens tokens, LocalConversations conversations, TimeProvider time)
    {
        var grant = tokens.Read(http.Request.Query["t"]);
        if (grant is not { Scope: TokenScope.Stream } || grant.ConversationId != conversationId)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest || conversations.Find(conversationId) is not { } conversation)
        {
            http.Response.StatusCode = http.WebSockets.IsWebSocketRequest ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            return;
        }

        // One client (or one token) cannot hold every socket: each has its share.
        using var slot = conversations.OpenStream(conversation, ClientOf(http));
        if (slot is null)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        var (backlog, updates, subscription) = conversation.Listen(http.Request.Query["watermark"]);
        using (subscription)
        using (var socket = await http.WebSockets.AcceptWebSocketAsync())
        using (var closed = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted))
        {
            // Clients send empty pings and, at the end, a close frame: reading them is how a closed tab is noticed.
            var reading = DrainAsync(socket, closed);
            try
            {
                if (!backlog.StartsWith("{\"activities\":[]", StringComparison.Ordinal))
                {
                    await SendAsync(socket, backlog, closed.Token);
                }

                await foreach (var activitySet in updates.ReadAllAsync(closed.Token))
                {
                    await SendAsync(socket, activitySet, closed.Token);
                }

                if (socket.State == WebSocketState.Open)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "conversation ended", CancellationToken.None);
                }
            }
            catch (Exception ended) when (ended is OperationCanceledException or WebSocketException)
            {
                // The client went away; it reconnects with its watermark if it still wants the conversation.
            }

            await closed.CancelAsync();
            await reading;
            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
        }

        conversation.Touch(time.GetUtcNow());
    }

    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, closed.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ended) when (ended is OperationCanceledException or WebSocketException)
        {
        }

        await closed.CancelAsync();
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static object ConversationBody(HttpRequest request, LocalTokens tokens, LocalConversation conversation)
    {
        var token = tokens.Issue(conversation.Id, conversation.UserId);
        var streamToken = tokens.Issue(conversation.Id, conversation.UserId, TokenScope.Stream);
        var scheme = request.IsHttps ? "wss" : "ws";
        var streamUrl = $"{scheme}://{request.Host}{request.PathBase}{Prefix}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream" +
                        $"?watermark=-&t={Uri.EscapeDataString(streamToken.Token)}";
        return new { conversationId = conversation.Id, token = token.Token, expires_in = token.ExpiresInSeconds, streamUrl };
    }

    /// <summary>The grant of the request's bearer token, if it is valid (and for this conversation, when one is named).</summary>
    private static DirectLineGrant? Authorize(HttpRequest request, LocalTokens tokens, string? conversationId)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var grant = tokens.Read(header["Bearer ".Length..].Trim());
        return grant is { Scope: TokenScope.Conversation } && (conversationId is null || grant.ConversationId == conversationId) ? grant : null;
    }

    /// <summary>401 without credentials, 403 with wrong, expired or another conversation's (as Azure Direct Line answers).</summary>
    private static IResult Refusal(HttpRequest request) =>
        string.IsNullOrEmpty(request.Headers.Authorization.ToString())
            ? DirectLineJson.Error(StatusCodes.Status401Unauthorized, "Unauthorized", "A Direct Line token is required.")
            : DirectLineJson.Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation.");

    /// <summary>Who quotas are counted for: the client's IP address.</summary>
    private static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static IResult NotFound() =>
        DirectLineJson.Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found or expired.");

    /// <summary>The body as text, refusing more than <paramref name="limit"/> bytes; null when empty.</summary>
    private static async Task<string?> ReadBodyAsync(HttpContext http, int limit)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        return string.IsNullOrWhiteSpace(body) ? null : body;
    }
}
