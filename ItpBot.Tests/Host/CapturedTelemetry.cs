using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ItpBot.Tests.Host;

/// <summary>
/// Every span, metric point and log record the host exports, each written out as text when it is exported (with all
/// its names, tags, events, status, message, attributes and exception), so a test can search them for a sentinel.
/// Add it with <see cref="AddTo"/>; it switches telemetry on.
/// </summary>
public sealed class CapturedTelemetry
{
    private readonly ConcurrentQueue<string> _spans = new();
    private readonly ConcurrentQueue<string> _metrics = new();
    private readonly ConcurrentQueue<string> _logs = new();
    private readonly ConcurrentQueue<(string Name, string TraceId)> _spanIds = new();
    private readonly ConcurrentQueue<string> _logTraceIds = new();
    private readonly ConcurrentDictionary<string, long> _sums = new();
    private readonly SemaphoreSlim _spansExported = new(0);

    public IReadOnlyCollection<string> Spans => _spans;

    public IReadOnlyCollection<string> Metrics => _metrics;

    public IReadOnlyCollection<string> Logs => _logs;

    public IEnumerable<string> Everything => _spans.Concat(_metrics).Concat(_logs);

    /// <summary>Span names with their trace ids.</summary>
    public IReadOnlyCollection<(string Name, string TraceId)> SpanIds => _spanIds;

    /// <summary>The trace ids log records carried (empty string when none).</summary>
    public IReadOnlyCollection<string> LogTraceIds => _logTraceIds;

    /// <summary>A counter's total over all its tag sets, at the last flush (cumulative).</summary>
    public long Sum(string metric) => _sums.TryGetValue(metric, out var sum) ? sum : 0;

    public void AddTo(WebApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:Enabled"] = "true" });
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new SimpleActivityExportProcessor(new SpanExporter(this))));
        builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddReader(new BaseExportingMetricReader(new MetricExporter(this))));
        builder.Services.ConfigureOpenTelemetryLoggerProvider(l => l.AddProcessor(new SimpleLogRecordExportProcessor(new LogExporter(this))));
    }

    /// <summary>
    /// Waits until <paramref name="done"/> holds for the spans exported so far, checking again each time spans are
    /// exported (a signal, not a clock). <paramref name="safety"/> only keeps a broken host from hanging the run.
    /// </summary>
    public async Task WaitForSpansAsync(Func<IReadOnlyCollection<(string Name, string TraceId)>, bool> done, TimeSpan safety)
    {
        using var deadline = new CancellationTokenSource(safety);
        while (!done(_spanIds))
        {
            await _spansExported.WaitAsync(deadline.Token);
        }
    }

    /// <summary>Exports what is pending: metrics are collected now.</summary>
    public static void Flush(IServiceProvider services)
    {
        services.GetRequiredService<TracerProvider>().ForceFlush();
        services.GetRequiredService<MeterProvider>().ForceFlush();
        services.GetRequiredService<LoggerProvider>().ForceFlush();
    }

    private sealed class SpanExporter(CapturedTelemetry sink) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var span in batch)
            {
                var tags = string.Join(";", span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
                var events = string.Join(";", span.Events.Select(e => e.Name + "{" + string.Join(",", e.Tags.Select(t => $"{t.Key}={t.Value}")) + "}"));
                var baggage = string.Join(";", span.Baggage.Select(b => $"{b.Key}={b.Value}"));
                sink._spans.Enqueue($"{span.Source.Name} {span.OperationName} {span.DisplayName} {span.Status} {span.StatusDescription} | {tags} | {events} | {baggage}");
                sink._spanIds.Enqueue((span.DisplayName, span.TraceId.ToHexString()));
            }

            sink._spansExported.Release();

            return ExportResult.Success;
        }
    }

    private sealed class MetricExporter(CapturedTelemetry sink) : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                long total = 0;
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    var tags = new List<string>();
                    foreach (var tag in point.Tags)
                    {
                        tags.Add($"{tag.Key}={tag.Value}");
                    }

                    var value = metric.MetricType switch
                    {
                        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong().ToString(System.Globalization.CultureInfo.InvariantCulture),
                        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
                        MetricType.Histogram or MetricType.ExponentialHistogram => $"count {point.GetHistogramCount()} sum {point.GetHistogramSum()}",
                        MetricType.LongGauge => point.GetGaugeLastValueLong().ToString(System.Globalization.CultureInfo.InvariantCulture),
                        MetricType.DoubleGauge => point.GetGaugeLastValueDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
                        _ => "?",
                    };
                    if (metric.MetricType == MetricType.LongSum)
                    {
                        total += point.GetSumLong();
                    }

                    sink._metrics.Enqueue($"{metric.MeterName} {metric.Name} {metric.Description} {metric.Unit} | {string.Join(";", tags)} | {value}");
                }

                sink._sums[metric.Name] = total;
            }

            return ExportResult.Success;
        }
    }

    private sealed class LogExporter(CapturedTelemetry sink) : BaseExporter<LogRecord>
    {
        public override ExportResult Export(in Batch<LogRecord> batch)
        {
            foreach (var record in batch)
            {
                var attributes = string.Join(";", record.Attributes?.Select(a => $"{a.Key}={a.Value}") ?? []);
                var scopes = new List<string>();
                record.ForEachScope(
                    (scope, list) =>
                    {
                        foreach (var item in scope)
                        {
                            list.Add($"{item.Key}={item.Value}");
                        }
                    },
                    scopes);
                sink._logs.Enqueue($"{record.LogLevel} {record.CategoryName} {record.EventId} {record.FormattedMessage} | {record.Body} | {attributes} | {string.Join("/", scopes)} | {record.Exception}");
                sink._logTraceIds.Enqueue(record.TraceId == default ? string.Empty : record.TraceId.ToHexString());
            }

            return ExportResult.Success;
        }
    }
}
