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
    /// (whatever it is) so connector clients are pooled, and sends replies through a retrying HttpClient.
    /// </summary>
    public static IServiceCollection AddReplyDelivery(this IServiceCollection services)
    {
        services.AddOptions<ReplyDeliveryOptions>().BindConfiguration(ReplyDeliveryOptions.Section);
        services.AddSingleton<ConnectorClientPool>();
        services.AddSingleton<UserTokenClientPool>();
        services.AddTransient<FailedReplyLogger>();

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
                var logger = context.ServiceProvider.GetRequiredService<ILogger<ConnectorClientPool>>();
                pipeline.AddTimeout(options.TotalTimeout);
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
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
                    });
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });

        services.DecorateSingleton<BotFrameworkAuthentication>((sp, sdk) =>
            sp.GetRequiredService<IOptions<ReplyDeliveryOptions>>().Value.ReuseConnectorClients
                ? new PooledBotFrameworkAuthentication(sdk, sp.GetRequiredService<ConnectorClientPool>(), sp.GetRequiredService<UserTokenClientPool>())
                : sdk);

        return services;
    }
}
