using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;

namespace ItpBot.Security;

public static class SecurityExtensions
{
    public const string MessagesPath = "/api/messages";

    /// <summary>Request limits and the per-client rate limiter for /api/messages (see <see cref="MessagesGuard"/>).</summary>
    public static IServiceCollection AddMessagesGuard(this IServiceCollection services)
    {
        services.AddOptions<MessagesGuardSettings>().BindConfiguration(MessagesGuardSettings.Section);
        services.AddOptions<RateLimitingSettings>().BindConfiguration(RateLimitingSettings.Section);
        services.AddSingleton<ConversationRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingSettings>>((limiter, settings) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                settings.Value.Enabled && IsMessages(http)
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
        return app;
    }

    private static bool IsMessages(HttpContext http) =>
        http.Request.Path.Equals(MessagesPath, StringComparison.OrdinalIgnoreCase);
}
