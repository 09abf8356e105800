namespace ItpBot.Telemetry;

/// <summary><c>Telemetry:*</c>: off unless switched on; with it on, each exporter that has an address exports.</summary>
public sealed class TelemetrySettings
{
    public const string Section = "Telemetry";

    /// <summary>Exports traces, metrics and logs. Off by default, so a local run sends nothing anywhere.</summary>
    public bool Enabled { get; set; }

    /// <summary>The service name in every exported item.</summary>
    public string ServiceName { get; set; } = "itpbot";

    /// <summary>OTLP endpoint (e.g. http://localhost:4317); empty uses OTEL_EXPORTER_OTLP_ENDPOINT when that is set.</summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    /// <summary>Application Insights connection string; empty uses APPLICATIONINSIGHTS_CONNECTION_STRING when that is set.</summary>
    public string AzureMonitorConnectionString { get; set; } = string.Empty;
}
