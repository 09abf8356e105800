using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using ItpBot.Api;
using ItpBot.Channels.DirectLine;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;

namespace ItpBot.Security;

public static class SecurityExtensions
{
    public const string MessagesPath = "/api/messages";

    /// <summary>Request limits and the per-client rate limiter for the anonymous endpoints (see <see cref="AnonymousEndpoints"/>).</summary>
    public static IServiceCollection AddMessagesGuard(this IServiceCollection services)
    {
        services.AddOptions<MessagesGuardSettings>().BindConfiguration(MessagesGuardSettings.Section);
        services.AddOptions<RateLimitingSettings>().BindConfiguration(RateLimitingSettings.Section);
        services.AddSingleton<ConversationRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingSettings>, IConfiguration>((limiter, settings, configuration) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                settings.Value.Enabled && AnonymousEndpoints.IsAnonymous(http, configuration)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = settings.Value.PermitsPerMinute,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
        });
        return services;
    }

    /// <summary>
    /// The rate limiter and <see cref="MessagesGuard"/> in front of /api/messages. (Exception redaction is the first
    /// entry of the one adapter middleware list, ItpBot.Bots.TurnMiddleware, which every adapter uses.)
    /// </summary>
    public static WebApplication UseMessagesGuard(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseWhen(IsMessages, branch => branch.UseMiddleware<MessagesGuard>());
        app.UseWhen(UnicodeGuard.Applies, branch => branch.UseMiddleware<UnicodeGuard>());
        return app;
    }

    /// <summary>
    /// Every request the router sends to /api/messages, whatever form its path takes (trailing slash, letter case,
    /// percent-encoded letters), plus any path that reads as /api/messages once those are set aside: all of them pass
    /// through the same guard and limits. (WebApplication routes before the first middleware runs.)
    /// </summary>
    public static bool IsMessages(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern } && IsMessagesPath(pattern)
        || IsMessagesPath(http.Request.Path.Value);

    /// <summary>The path, ignoring letter case, repeated and trailing slashes.</summary>
    public static bool IsMessagesPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return segments is [var api, var messages]
            && api.Equals("api", StringComparison.OrdinalIgnoreCase)
            && messages.Equals("messages", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// Where the per-IP limit applies: only where a caller is not authenticated. Azure Bot Service delivers every Teams and
/// Web Chat message from a few addresses, so authenticated Bot Connector traffic is never limited per IP (its limit is
/// per conversation, after authentication). The anonymous endpoints are: /api/messages when no app id is set (the
/// Emulator), the local Direct Line's token and conversation calls, the Web Chat token endpoint, and
/// /api/assessments without its API key.
/// </summary>
public static class AnonymousEndpoints
{
    public static bool IsAnonymous(HttpContext http, IConfiguration configuration)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        if (SecurityExtensions.IsMessages(http))
        {
            return string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
        }

        if (path.StartsWith(LocalDirectLine.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            var rest = path[LocalDirectLine.Prefix.Length..].TrimEnd('/');
            return HttpMethods.IsPost(http.Request.Method)
                && (rest.StartsWith("/tokens", StringComparison.OrdinalIgnoreCase) || rest.Equals("/conversations", StringComparison.OrdinalIgnoreCase));
        }

        if (path.TrimEnd('/').Equals(WebChatSession.Route, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return path.TrimEnd('/').Equals(AssessmentsApi.Route, StringComparison.OrdinalIgnoreCase) && !HasApiKey(http, configuration);
    }

    private static bool HasApiKey(HttpContext http, IConfiguration configuration)
    {
        var expected = configuration[AssessmentsApi.ApiKeySetting];
        return !string.IsNullOrEmpty(expected)
            && CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(http.Request.Headers[AssessmentsApi.ApiKeyHeader].ToString()),
                Encoding.UTF8.GetBytes(expected));
    }
}
