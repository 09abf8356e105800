using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ItpBot.Health;

public static class HealthEndpoints
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";
    private const string Ready = "ready";

    /// <summary>Readiness checks: content loaded, state storage reachable, warm-up done.</summary>
    public static IServiceCollection AddReadinessChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ContentLoadedCheck>("content", tags: [Ready])
            .AddCheck<StorageReachableCheck>("storage", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<WarmUpCheck>("warm-up", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// <c>/healthz</c>: liveness, the process serves requests (no checks: a storage outage must not get the instance
    /// restarted). <c>/readyz</c>: readiness, 200 only when every readiness check passes, else 503, with each check's
    /// status in the body.
    /// </summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status == HealthStatus.Healthy ? "ok" : report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
        }));
    }
}
