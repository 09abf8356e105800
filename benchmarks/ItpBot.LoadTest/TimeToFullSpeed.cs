using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace ItpBot.LoadTest;

/// <summary>
/// Time to full speed: a fresh host process (its own JIT state, as a new App Service instance has) is loaded the
/// moment its port opens by the same closed-loop clinicians as the load run, and turns/s and p99 are reported per
/// 2-second window for the first 30 s, with the time the host took to report ready (/readyz). Extra runtime settings
/// (e.g. DOTNET_TieredPGO=0) can be passed with --env NAME=VALUE,... to compare.
/// </summary>
public static class TimeToFullSpeed
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Span = TimeSpan.FromSeconds(30);

    /// <param name="HostCpuMsPerTurn">The host process's CPU time in the window per turn completed: JIT and first-use
    /// cost show here even on a busy machine, where turns/s and p99 mostly measure the neighbours.</param>
    public sealed record WindowFigure(double StartSeconds, double TurnsPerSecond, double P99Ms, double HostCpuMsPerTurn = double.NaN);

    /// <param name="Steady">Turns/s and p99 over 20–30 s after the port opened: the run's own steady state.</param>
    /// <param name="FirstTenP99">p99 of every turn completed in the first 10 s.</param>
    /// <param name="HostCpuToListening">CPU the host process used until its port opened.</param>
    /// <param name="HostCpuToReady">CPU the host process used until /readyz answered (start-up plus warm-up, under load).</param>
    public sealed record Result(TimeSpan Listening, TimeSpan? Ready, IReadOnlyList<WindowFigure> Windows, WindowFigure Steady, double FirstTenP99,
        TimeSpan HostCpuToListening, TimeSpan? HostCpuToReady);

    public static async Task<Result> RunAsync(LoadOptions options, IReadOnlyList<string> script, string hostDll, IReadOnlyDictionary<string, string> environment)
    {
        await using var sink = await ReplySink.StartAsync();
        var port = ColdStart.FreeLoopbackPort();
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var clock = Stopwatch.StartNew();
        using var process = ColdStart.StartHost(hostDll, port, ["--RateLimiting:Enabled", "false", "--Logging:LogLevel:Default", "Warning"], environment);
        try
        {
            while (!await ListeningAsync(port, clock))
            {
                if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new InvalidOperationException("The host did not open its port.");
                }

                await Task.Delay(5);
            }

            var opened = clock.Elapsed;
            var cpuAtOpen = CpuOf(process);
            var cpu = new List<(double At, TimeSpan Cpu)> { (0, cpuAtOpen) };
            TimeSpan? cpuAtReady = null;
            var loadClock = Stopwatch.StartNew();
            var completions = new ConcurrentQueue<(double At, double Ms)>();
            var stop = false;
            var workers = Enumerable.Range(0, options.Conversations)
                .Select(w => Task.Run(async () =>
                {
                    for (var round = 0; !Volatile.Read(ref stop); round++)
                    {
                        var conversation = $"speed-{w}-{round}";
                        var user = $"clinician-{w}-{round}";
                        await TurnAsync(client, WireActivities.ConversationUpdate(sink.ServiceUrl, conversation, user), loadClock, completions);
                        foreach (var text in script)
                        {
                            if (Volatile.Read(ref stop))
                            {
                                break;
                            }

                            await TurnAsync(client, WireActivities.Message(sink.ServiceUrl, conversation, user, text), loadClock, completions);
                        }
                    }
                }))
                .ToArray();

            TimeSpan? ready = null;
            using var probe = new HttpClient { BaseAddress = client.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            while (loadClock.Elapsed < Span)
            {
                if (ready is null)
                {
                    try
                    {
                        using var response = await probe.GetAsync("readyz");
                        if (response.IsSuccessStatusCode)
                        {
                            ready = loadClock.Elapsed;
                            cpuAtReady = CpuOf(process);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        // Not ready, or too busy to say within the probe's timeout: probe again.
                    }
                }

                cpu.Add((loadClock.Elapsed.TotalSeconds, CpuOf(process)));
                await Task.Delay(100);
            }

            Volatile.Write(ref stop, true);
            await Task.WhenAll(workers);
            // Every window, empty ones too (a host too busy to answer is the finding, not a gap in the table).
            var windows = Enumerable.Range(0, (int)(Span / Window))
                .Select(w =>
                {
                    var from = w * Window.TotalSeconds;
                    var figure = Over(completions, from, from + Window.TotalSeconds);
                    var used = CpuAt(cpu, from + Window.TotalSeconds) - CpuAt(cpu, from);
                    var turns = figure.TurnsPerSecond * Window.TotalSeconds;
                    return figure with { HostCpuMsPerTurn = turns > 0 ? used.TotalMilliseconds / turns : double.NaN };
                })
                .ToList();
            return new Result(opened, ready, windows, Over(completions, 20, 30), Over(completions, 0, 10).P99Ms, cpuAtOpen, cpuAtReady);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static TimeSpan CpuOf(System.Diagnostics.Process process)
    {
        process.Refresh();
        return process.HasExited ? TimeSpan.Zero : process.TotalProcessorTime;
    }

    // The CPU sample at or just before a moment of the run.
    private static TimeSpan CpuAt(List<(double At, TimeSpan Cpu)> samples, double at)
    {
        var found = samples[0].Cpu;
        foreach (var (when, used) in samples)
        {
            if (when > at) break;
            found = used;
        }

        return found;
    }

    private static WindowFigure Over(IEnumerable<(double At, double Ms)> completions, double from, double to)
    {
        var sorted = completions.Where(c => c.At >= from && c.At < to).Select(c => c.Ms).Order().ToArray();
        return new WindowFigure(from, sorted.Length / (to - from), sorted.Length == 0 ? double.NaN : sorted[(int)Math.Round(0.99 * (sorted.Length - 1))]);
    }

    public static string Describe(Result result, string label)
    {
        var text = new StringBuilder();
        // The issue's targets: 80 % of steady throughput within 5 s of the port opening; p99 in the first 10 s at most
        // 3x the steady p99. Steady here is this run's own 20–30 s.
        var reached = result.Windows.FirstOrDefault(w => w.TurnsPerSecond >= 0.8 * result.Steady.TurnsPerSecond);
        text.AppendLine($"verdict ({label}): steady (20–30 s) {result.Steady.TurnsPerSecond:F0} turns/s, p99 {result.Steady.P99Ms:F1} ms; " +
                        $"80 % of it reached in the window ending {(reached is null ? "never" : $"{reached.StartSeconds + Window.TotalSeconds:F0} s")} (target ≤ 5 s); " +
                        $"p99 first 10 s {result.FirstTenP99:F1} ms = {result.FirstTenP99 / result.Steady.P99Ms:F1}x steady (target ≤ 3x)");
        text.AppendLine($"time to full speed ({label}): port open {result.Listening.TotalSeconds:F2} s after start " +
                        $"(host CPU {result.HostCpuToListening.TotalSeconds:F2} s); ready (/readyz) " +
                        $"{(result.Ready is { } r ? $"{r.TotalSeconds:F1} s after the port opened (host CPU {result.HostCpuToReady!.Value.TotalSeconds:F2} s since start)" : "not within 30 s")}");
        text.AppendLine("| window (s from port open) | turns/s | p99 ms | host CPU ms/turn |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var w in result.Windows)
        {
            text.AppendLine($"| {w.StartSeconds:F0}–{w.StartSeconds + Window.TotalSeconds:F0} | {w.TurnsPerSecond:F0} | {(double.IsNaN(w.P99Ms) ? "–" : w.P99Ms.ToString("F1", System.Globalization.CultureInfo.InvariantCulture))} | {(double.IsNaN(w.HostCpuMsPerTurn) ? "–" : w.HostCpuMsPerTurn.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))} |");
        }

        return text.ToString();
    }

    private static async Task TurnAsync(HttpClient client, byte[] activity, Stopwatch clock, ConcurrentQueue<(double, double)> completions)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var content = new ByteArrayContent(activity);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("api/messages", content);
            await response.Content.CopyToAsync(Stream.Null);
            if (response.IsSuccessStatusCode)
            {
                completions.Enqueue((clock.Elapsed.TotalSeconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }
        }
        catch (HttpRequestException)
        {
        }
        catch (TaskCanceledException)
        {
        }
    }

    private static async Task<bool> ListeningAsync(int port, Stopwatch clock)
    {
        try
        {
            await ColdStart.ListeningAsync(port, clock);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
