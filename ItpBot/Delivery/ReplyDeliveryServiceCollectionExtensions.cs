using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ItpBot.Delivery;

public static class ReplyDeliveryServiceCollectionExtensions
{
    /// <summary>The named HttpClient that carries replies to the Bot Connector.</summary>
    public const string HttpClientName = "ItpBot.ReplyDelivery";

    /// <summary>
    /// The fast, retrying reply path. Call after BotFrameworkAuthentication is registered: it wraps that registration
    /// (whatever it is) so connector and user-token clients are pooled, and replies go through a retrying HttpClient.
    /// </summary>
    public static IServiceCollection AddReplyDelivery(this IServiceCollection services)
    {
        services.AddOptions<ReplyDeliveryOptions>()
            .BindConfiguration(ReplyDeliveryOptions.Section)
            .Validate(o => o.IsValid, $"{ReplyDeliveryOptions.Section}: retries and cache size must not be negative, timeouts must be at least 10 ms.")
            .ValidateOnStart();
        services.AddSingleton<ConnectorClientPool>();
        services.AddSingleton<UserTokenClientPool>();
        services.AddTransient<FailedReplyLogger>();
        AddDeliveryHttpClient(services);

        services.DecorateSingleton<BotFrameworkAuthentication>((sp, sdk) =>
            sp.GetRequiredService<IOptions<ReplyDeliveryOptions>>().Value.ReuseConnectorClients
                ? new PooledBotFrameworkAuthentication(sdk, sp.GetRequiredService<ConnectorClientPool>(), sp.GetRequiredService<UserTokenClientPool>())
                : sdk);

        return services;
    }

    private static void AddDeliveryHttpClient(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName)
            // Pooled clients live as long as the host; the primary handler recycles connections so DNS changes are
            // still picked up, instead of relying on the factory's handler rotation.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's request logging writes the URL, and the URL holds the conversation id.
            .RemoveAllLoggers()
            .AddHttpMessageHandler<FailedReplyLogger>()
            .AddResilienceHandler("reply-delivery", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ReplyDeliveryOptions>>().Value;
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReplyDeliveryServiceCollectionExtensions).Namespace!);
                pipeline.AddTimeout(options.TotalTimeout);
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(RetryOn429And5xxAndTimeouts(options, logger));
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });

    /// <summary>The library's transient set: 408, 429 (with Retry-After), 5xx, network errors, attempt timeouts.</summary>
    private static HttpRetryStrategyOptions RetryOn429And5xxAndTimeouts(ReplyDeliveryOptions options, ILogger logger) => new()
    {
        MaxRetryAttempts = options.MaxRetries,
        Delay = options.FirstRetryDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        OnRetry = args =>
        {
            logger.LogWarning(
                "Retrying a reply (attempt {Attempt}) after outcome {Outcome}, conversation {ConversationHash}",
                args.AttemptNumber + 1,
                ReplyLogFields.Outcome(args.Outcome.Result, args.Outcome.Exception),
                ReplyLogFields.ConversationHash(args.Outcome.Result?.RequestMessage?.RequestUri));
            return default;
        },
    };
}
