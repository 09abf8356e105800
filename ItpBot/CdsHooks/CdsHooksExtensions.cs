using ItpBot.Knowledge;
using Microsoft.Extensions.Options;

namespace ItpBot.CdsHooks;

/// <summary>Registration of the CDS Hooks service: one call for services, one for endpoints (BotHost).</summary>
public static class CdsHooksExtensions
{
    public static IServiceCollection AddCdsHooks(this IServiceCollection services)
    {
        services.AddOptions<CdsHooksOptions>().BindConfiguration(CdsHooksOptions.Section);
        services.TryAddSingletonTimeProvider();
        // No request logging: FHIR query URLs carry the patient id.
        services.AddHttpClient(PatientRecordLoader.HttpClientName).RemoveAllLoggers();
        services.AddHttpClient(CdsAuthentication.HttpClientName).RemoveAllLoggers();
        services.AddMetrics();
        services.AddSingleton<CdsMetrics>();
        services.AddSingleton(sp => new Terminology(sp.GetRequiredService<KnowledgeBase>()));
        services.AddSingleton<PatientRecordLoader>();
        services.AddSingleton<FhirProfileMapper>();
        services.AddSingleton<DraftOrders>();
        services.AddSingleton<OrderChecks>();
        services.AddSingleton<OrderCheckCards>();
        services.AddSingleton<PatientViewCard>();
        services.AddSingleton<AssessmentLinks>();
        services.AddHostedService<CdsWarmUp>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CdsHooksOptions>>();
            var environment = sp.GetRequiredService<IHostEnvironment>();
            var disabled = options.Value.Authentication.Disabled && environment.IsDevelopment();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("ItpBot.CdsHooks");
            if (options.Value.Authentication.Disabled && !disabled)
                logger.LogWarning("CdsHooks:Authentication:Disabled is ignored outside the Development environment.");
            else if (disabled)
                logger.LogWarning("CDS Hooks authentication is disabled (Development): any caller is accepted.");
            return new CdsAuthentication(options, sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>()) { Disabled = disabled };
        });
        return services;
    }

    /// <summary>Builds the services that read content and code tables now, so a bad table stops start-up.</summary>
    public static WebApplication MapCdsHooksService(this WebApplication app)
    {
        app.Services.GetRequiredService<Terminology>();
        app.Services.GetRequiredService<CdsAuthentication>();
        app.MapCdsHooks();
        return app;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
