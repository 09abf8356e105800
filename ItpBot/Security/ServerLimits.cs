using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace ItpBot.Security;

/// <summary>
/// Kestrel's connection and request limits (configuration section <c>Server</c>). Without them about 20,000 idle TCP
/// connections ran the process out of memory, and a client that sends headers or a body a byte at a time held a
/// connection for as long as it liked.
/// </summary>
public sealed class ServerLimitsSettings
{
    public const string Section = "Server";

    /// <summary>Open connections at once; more are closed as they arrive. Bounds the memory idle connections can take.</summary>
    public long MaxConcurrentConnections { get; set; } = 5_000;

    /// <summary>Open WebSockets (Web Chat streams) at once, across all clients.</summary>
    public long MaxConcurrentUpgradedConnections { get; set; } = 2_000;

    /// <summary>A connection with no request in flight is closed after this.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The headers of a request must have arrived within this.</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A request body slower than this (bytes per second, after <see cref="DataRateGracePeriod"/>) is cut off.</summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>A client reading a response slower than this (bytes per second) is cut off.</summary>
    public double MinResponseBytesPerSecond { get; set; } = 240;

    public TimeSpan DataRateGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest body any endpoint reads (each endpoint's own limit is lower).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public int MaxRequestHeadersTotalBytes { get; set; } = 32 * 1024;
}

public static class ServerLimitsExtensions
{
    public static IServiceCollection AddServerLimits(this IServiceCollection services)
    {
        services.AddOptions<ServerLimitsSettings>().BindConfiguration(ServerLimitsSettings.Section);
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerLimitsSettings>>((kestrel, options) =>
        {
            var settings = options.Value;
            var limits = kestrel.Limits;
            limits.MaxConcurrentConnections = settings.MaxConcurrentConnections;
            limits.MaxConcurrentUpgradedConnections = settings.MaxConcurrentUpgradedConnections;
            limits.KeepAliveTimeout = settings.KeepAliveTimeout;
            limits.RequestHeadersTimeout = settings.RequestHeadersTimeout;
            limits.MinRequestBodyDataRate = new MinDataRate(settings.MinRequestBodyBytesPerSecond, settings.DataRateGracePeriod);
            limits.MinResponseDataRate = new MinDataRate(settings.MinResponseBytesPerSecond, settings.DataRateGracePeriod);
            limits.MaxRequestBodySize = settings.MaxRequestBodyBytes;
            limits.MaxRequestHeadersTotalSize = settings.MaxRequestHeadersTotalBytes;
        });
        return services;
    }
}
