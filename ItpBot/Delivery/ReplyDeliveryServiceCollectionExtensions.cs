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
        services.AddMetrics();
        services.AddSingleton<DeliveryMetrics>();
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
                var metrics = context.ServiceProvider.GetRequiredService<DeliveryMetrics>();
                pipeline.AddTimeout(options.TotalTimeout);
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(RetryOnRefusalsAndTimeouts(options, logger, metrics));
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });

    /// <summary>
    /// The library's transient set (408, 429 with Retry-After, 5xx, network errors, attempt timeouts), plus 403: the
    /// Bot Connector answers 403 for a while when a conversation or its token is not yet known everywhere.
    /// </summary>
    private static HttpRetryStrategyOptions RetryOnRefusalsAndTimeouts(ReplyDeliveryOptions options, ILogger logger, DeliveryMetrics metrics) => new()
    {
        ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome)
            || args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.Forbidden),
        MaxRetryAttempts = options.MaxRetries,
        Delay = options.FirstRetryDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        OnRetry = args =>
        {
            metrics.Retried(ReplyLogFields.Outcome(args.Outcome.Result, args.Outcome.Exception));
            logger.LogWarning(
                "Retrying a reply (attempt {Attempt}) after outcome {Outcome}, conversation {ConversationHash}",
                args.AttemptNumber + 1,
                ReplyLogFields.Outcome(args.Outcome.Result, args.Outcome.Exception),
                ReplyLogFields.ConversationHash(args.Outcome.Result?.RequestMessage?.RequestUri));
            return default;
        },
    };
}
