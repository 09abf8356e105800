using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;

namespace ItpBot.Security;

/// <summary>
/// Stands in front of the adapter on POST /api/messages: refuses what is not a well-formed activity with a 4xx before
/// the Bot Framework sees it (415 wrong content type, 413 too large, 400 not UTF-8 / not JSON / too deep / missing
/// type, conversation or serviceUrl, 429 too many for one conversation), answers over-long messages politely, and
/// maps the adapter's authentication failures to 401 and an unreachable token-signing metadata service to 503.
/// It logs why a request was refused, never what it contained.
/// </summary>
public sealed class MessagesGuard(
    RequestDelegate next,
    IOptions<MessagesGuardSettings> settings,
    ILogger<MessagesGuard> logger)
{
    private readonly MessagesGuardSettings _settings = settings.Value;

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            await next(http);
            return;
        }

        if (!IsJson(http.Request.ContentType))
        {
            await RefuseAsync(http, StatusCodes.Status415UnsupportedMediaType, "content type is not application/json");
            return;
        }

        if (http.Request.ContentLength > _settings.MaxRequestBytes)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, "declared body is over the limit");
            return;
        }

        byte[]? body;
        try
        {
            body = await ReadLimitedAsync(http.Request.Body, _settings.MaxRequestBytes, http.RequestAborted);
        }
        catch (BadHttpRequestException tooSlow)
        {
            // Kestrel's minimum data rate or body size: the connection is going; say why if it still listens.
            await RefuseAsync(http, tooSlow.StatusCode, "body arrived too slowly or was too large");
            return;
        }

        if (body is null)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, "body is over the limit");
            return;
        }

        if (!JsonUnicode.IsValid(body))
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, "body is not valid Unicode (invalid UTF-8 or a lone surrogate)");
            return;
        }

        ActivitySummary activity;
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = _settings.MaxJsonDepth });
            var shape = ActivityShape.Check(json.RootElement);
            if (!shape.IsOk)
            {
                await RefuseAsync(http, StatusCodes.Status400BadRequest, shape.Problem!);
                return;
            }

            activity = ActivitySummary.Of(json.RootElement);
        }
        catch (JsonException)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, "body is not JSON or is nested too deep");
            return;
        }

        http.Request.Body = new MemoryStream(body, writable: false);
        http.Request.ContentLength = body.Length;
        await RunAdapterAsync(http, activity);
    }

    private async Task RunAdapterAsync(HttpContext http, ActivitySummary activity)
    {
        try
        {
            if (activity.IsMessage && activity.TextLength > _settings.MaxTextLength)
            {
                logger.LogInformation("A message of {Length} characters is over the limit of {Limit}; asked for a shorter one", activity.TextLength, _settings.MaxTextLength);
                var adapter = http.RequestServices.GetRequiredService<IBotFrameworkHttpAdapter>();
                var limiter = http.RequestServices.GetRequiredService<ConversationRateLimiter>();
                await adapter.ProcessAsync(http.Request, http.Response, limiter.Guard(new TooLongMessageBot(_settings.MaxTextLength)), http.RequestAborted);
                return;
            }

            // The SDK answers an invoke no handler knows with 501; for the caller it is a request we do not take.
            http.Response.OnStarting(() =>
            {
                if (http.Response.StatusCode == StatusCodes.Status501NotImplemented)
                {
                    http.Response.StatusCode = StatusCodes.Status400BadRequest;
                }

                return Task.CompletedTask;
            });
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested && Classify(e) is { } refusal)
        {
            await RefuseAsync(http, refusal.Status, refusal.Reason, e);
        }
    }

    /// <summary>Failures that are the caller's or a dependency's, not the bot's: a 4xx or 503 instead of 500.</summary>
    private static (int Status, string Reason)? Classify(Exception e)
    {
        var chain = Chain(e).ToList();
        if (chain.Any(c => c is ConversationOverLimitException))
        {
            return (StatusCodes.Status429TooManyRequests, "too many requests for one conversation");
        }

        if (chain.Any(IsMetadataFailure))
        {
            return (StatusCodes.Status503ServiceUnavailable, "token signing metadata could not be fetched");
        }

        if (chain.Any(c => c is UnauthorizedAccessException || IsTokenFailure(c)))
        {
            return (StatusCodes.Status401Unauthorized, "authentication failed");
        }

        return e is Newtonsoft.Json.JsonException ? (StatusCodes.Status400BadRequest, "activity could not be read") : null;
    }

    // ConfigurationManager reports a failed fetch of the OpenID document or its keys as IDX20803.
    private static bool IsMetadataFailure(Exception e) =>
        e.Message.StartsWith("IDX20803", StringComparison.Ordinal)
        || e.Message.StartsWith("IDX20804", StringComparison.Ordinal)
        || e is HttpRequestException;

    // A token that cannot be parsed or validated: the SDK lets IdentityModel's exceptions through unwrapped.
    private static bool IsTokenFailure(Exception e) =>
        e.GetType().Namespace is "Microsoft.IdentityModel.Tokens" or "System.IdentityModel.Tokens.Jwt" or "Microsoft.IdentityModel.JsonWebTokens"
        || e is ArgumentException or FormatException or InvalidOperationException
            && e.TargetSite?.DeclaringType?.Namespace is { } thrownIn
            && (thrownIn.StartsWith("Microsoft.IdentityModel.", StringComparison.Ordinal)
                || thrownIn.StartsWith("System.IdentityModel.", StringComparison.Ordinal)
                || thrownIn == "Microsoft.Bot.Connector.Authentication");

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private async Task RefuseAsync(HttpContext http, int status, string reason, Exception? cause = null)
    {
        // Exception messages can quote the body, so only the type is logged.
        logger.LogInformation(
            "Refused a request to {Path} with {Status}: {Reason}{Cause}",
            http.Request.Path.Value,
            status,
            reason,
            cause is null ? string.Empty : $" ({cause.GetType().Name})");
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "30";
        }

        await http.Response.WriteAsJsonAsync(new { error = reason }, http.RequestAborted);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (string.Equals(mediaType.MediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.MediaType?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The body, or null if it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private sealed record ActivitySummary(bool IsMessage, int TextLength)
    {
        public static ActivitySummary Of(JsonElement root) => new(
            root.GetProperty("type").GetString() == "message",
            root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()!.Length : 0);
    }
}

/// <summary>Answers a message that is too long to be processed, without reading or keeping it.</summary>
internal sealed class TooLongMessageBot(int maxTextLength) : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        turnContext.SendActivityAsync(
            $"Sorry, that message is too long for me (the limit is {maxTextLength:N0} characters). " +
            "Please send a shorter summary, or the details one at a time.",
            cancellationToken: cancellationToken);
}

/// <summary>
/// The per-conversation request limit (see <see cref="RateLimitingSettings.ConversationPermitsPerMinute"/>). It is taken
/// inside the turn, so after the adapter has authenticated the request: a caller without a valid token is refused
/// with 401 before it can use up a conversation's permits (which would let anyone who knows a conversation id make
/// the bot answer 429 in it). Local Direct Line turns are counted by the local channel itself.
/// </summary>
public sealed class ConversationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public ConversationRateLimiter(IOptions<RateLimitingSettings> options)
    {
        var settings = options.Value;
        if (settings.Enabled)
        {
            _limiter = PartitionedRateLimiter.Create<string, string>(conversationId =>
                RateLimitPartition.GetFixedWindowLimiter(conversationId, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.ConversationPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        }
    }

    public bool TryAcquire(string conversationId) => _limiter?.AttemptAcquire(conversationId).IsAcquired ?? true;

    /// <summary>The bot, behind this limit: an authenticated turn over the limit throws <see cref="ConversationOverLimitException"/>.</summary>
    public IBot Guard(IBot bot) => _limiter is null ? bot : new LimitedBot(this, bot);

    public void Dispose() => _limiter?.Dispose();

    private sealed class LimitedBot(ConversationRateLimiter limiter, IBot bot) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            limiter.TryAcquire(turnContext.Activity.Conversation?.Id ?? string.Empty)
                ? bot.OnTurnAsync(turnContext, cancellationToken)
                : throw new ConversationOverLimitException();
    }
}

/// <summary>
/// An authenticated turn over its conversation's limit. It passes the exception redaction and the adapter's error
/// handler unchanged, so <see cref="MessagesGuard"/> answers 429.
/// </summary>
public sealed class ConversationOverLimitException() : Exception("Too many requests for one conversation.");
