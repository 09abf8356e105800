using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.Exporter;
using ItpBot.Delivery;
using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Reasoning;
using Microsoft.AspNetCore.Routing;
using Microsoft.Bot.Builder;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ItpBot.Telemetry;

public static class TelemetryExtensions
{
    private const string OtlpEnvironment = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string AzureMonitorEnvironment = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Spans for state, understanding and assessment (decorating the registered <see cref="IStorage"/>,
    /// <see cref="IConversationReader"/> and <see cref="ITreatmentAdvisor"/>: call after they are registered), and, when <c>Telemetry:Enabled</c>, OpenTelemetry export of the bot's traces
    /// and metrics, ASP.NET Core and HttpClient instrumentation, and logs (which then carry the trace and span ids).
    /// </summary>
    public static WebApplicationBuilder AddBotTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.DecorateSingleton<IStorage>((_, inner) => new TracedStorage(inner));
        builder.Services.DecorateSingleton<ITreatmentAdvisor>((_, inner) => new TracedTreatmentAdvisor(inner));
        builder.Services.DecorateSingleton<IConversationReader>((_, inner) => new TracedConversationReader(inner));

        var settings = builder.Configuration.GetSection(TelemetrySettings.Section).Get<TelemetrySettings>() ?? new TelemetrySettings();
        if (!settings.Enabled)
        {
            return builder;
        }

        var otlp = FirstSet(settings.OtlpEndpoint, builder.Configuration[OtlpEnvironment]);
        var azureMonitor = FirstSet(settings.AzureMonitorConnectionString, builder.Configuration[AzureMonitorEnvironment]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotTelemetry.Name)
                    .AddAspNetCoreInstrumentation(options =>
                    {
                        options.RecordException = false;
                        options.EnrichWithHttpResponse = (span, response) => KeepRouteOnly(span, response.HttpContext);
                    })
                    .AddHttpClientInstrumentation(options =>
                    {
                        options.RecordException = false;
                        options.EnrichWithHttpRequestMessage = (span, request) => KeepHostOnly(span, request.RequestUri);
                    });
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }

                if (azureMonitor is not null)
                {
                    tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = azureMonitor);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }

                if (azureMonitor is not null)
                {
                    metrics.AddAzureMonitorMetricExporter(o => o.ConnectionString = azureMonitor);
                }
            })
            .WithLogging(
                logging =>
                {
                    if (otlp is not null)
                    {
                        logging.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                    }

                    if (azureMonitor is not null)
                    {
                        logging.AddAzureMonitorLogExporter(o => o.ConnectionString = azureMonitor);
                    }
                },
                options =>
                {
                    // Log lines already hold no message text (PrivacyLoggingTests); scopes are left out because the
                    // SDK's and ASP.NET Core's scopes carry request paths, which hold conversation ids.
                    options.IncludeScopes = false;
                    options.IncludeFormattedMessage = true;
                });
        return builder;
    }

    /// <summary>The Direct Line paths hold conversation ids: a server span keeps the route template instead of the path.</summary>
    private static void KeepRouteOnly(Activity span, HttpContext http)
    {
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        span.SetTag("url.path", route ?? "(no route)");
    }

    /// <summary>Reply URLs hold conversation and activity ids: a client span keeps the scheme, host and port only.</summary>
    private static void KeepHostOnly(Activity span, Uri? uri)
    {
        if (uri is not null && uri.IsAbsoluteUri)
        {
            span.SetTag("url.full", uri.GetLeftPart(UriPartial.Authority) + "/");
        }
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
