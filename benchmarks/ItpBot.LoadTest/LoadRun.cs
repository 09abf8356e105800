using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime;

namespace ItpBot.LoadTest;

public sealed record LoadResult(
    BotKind Bot,
    ReplyPath Path,
    int Conversations,
    double MeasuredSeconds,
    long Turns,
    long FailedTurns,
    double RepliesPerTurn,
    double TurnsPerSecond,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    double CpuMsPerTurn,
    double AllocatedKbPerTurn,
    int Gen2Collections,
    StateSize State,
    double PlansPerConversation);

/// <param name="Sampled">Completed conversations whose state was read back.</param>
public sealed record StateSize(int Sampled, double MeanBytes, long MaxBytes);

/// <summary>
/// N simulated clinicians, each walking through the intake script in a fresh conversation, again and again,
/// one turn at a time (closed loop: a clinician waits for the answer before typing the next message).
/// </summary>
public sealed class LoadRun(LoadOptions options, IReadOnlyList<string> script)
{
    private const int StateSample = 200;
    private readonly ConcurrentQueue<(string ConversationId, string UserId)> _completed = new();
    private volatile bool _measuring;
    private volatile bool _stopping;
    private long _turnsStarted;
    private long _measuredTurns;
    private long _failedTurns;
    private long _measuredConversations;

    public async Task<LoadResult> RunAsync(BotKind bot, ReplyPath path)
    {
        await using var sink = await ReplySink.StartAsync();
        await using var host = await HostUnderLoad.StartAsync(bot, path);
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

        var latencies = new List<double>[options.Conversations];
        var workers = Enumerable.Range(0, options.Conversations)
            .Select(w => Task.Run(() => ClinicianAsync(w, client, sink.ServiceUrl, path == ReplyPath.ExpectReplies, latencies[w] = new List<double>(64 * 1024))))
            .ToArray();

        await WarmUpAsync();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen2Before = GC.CollectionCount(2);
        var repliesBefore = sink.Replies;
        var plansBefore = sink.Plans;
        var clock = Stopwatch.StartNew();
        _measuring = true;

        while (clock.Elapsed < TimeSpan.FromSeconds(options.Seconds) && Interlocked.Read(ref _turnsStarted) < options.MaxTurns)
        {
            await Task.Delay(50);
        }

        _measuring = false;
        var elapsed = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var gen2 = GC.CollectionCount(2) - gen2Before;
        var replies = sink.Replies - repliesBefore;
        var plans = sink.Plans - plansBefore;
        var conversations = Interlocked.Read(ref _measuredConversations);
        _stopping = true;
        await Task.WhenAll(workers);

        var turns = Interlocked.Read(ref _measuredTurns);
        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(
            bot,
            path,
            options.Conversations,
            elapsed,
            turns,
            Interlocked.Read(ref _failedTurns),
            turns == 0 ? 0 : (double)replies / turns,
            turns / elapsed,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.99),
            sorted.Length == 0 ? 0 : sorted[^1],
            turns == 0 ? 0 : cpu.TotalMilliseconds / turns,
            turns == 0 ? 0 : allocated / 1024.0 / turns,
            gen2,
            await StateSizes.MeasureAsync(host.Storage, host.Documents, _completed.Take(StateSample)),
            conversations == 0 ? 0 : (double)plans / conversations);
    }

    /// <summary>
    /// At least --warmup seconds, then on until the JIT has been quiet for a second (tiered compilation promotes hot
    /// methods in the background, slowly on a busy machine), at most 30 s more (the SDK path never gets quiet:
    /// it emits new serializer code for every reply). Without this the first run in a
    /// process measured 3x the CPU per turn of later ones.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
        var compiled = JitInfo.GetCompiledMethodCount();
        while (clock.Elapsed < TimeSpan.FromSeconds(options.WarmupSeconds + 30))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                break;
            }

            compiled = now;
        }

        Console.WriteLine($"  warm-up {clock.Elapsed.TotalSeconds:F0} s (until the JIT was quiet)");
    }

    private async Task ClinicianAsync(int worker, HttpClient client, string serviceUrl, bool expectReplies, List<double> latencies)
    {
        for (var round = 0; !_stopping; round++)
        {
            var conversationId = $"load-{worker}-{round}";
            var userId = $"clinician-{worker}-{round}";
            await TurnAsync(client, WireActivities.ConversationUpdate(serviceUrl, conversationId, userId, expectReplies), latencies);
            var finished = true;
            foreach (var text in script)
            {
                if (_stopping)
                {
                    finished = false;
                    break;
                }

                await TurnAsync(client, WireActivities.Message(serviceUrl, conversationId, userId, text, expectReplies), latencies);
            }

            if (finished)
            {
                _completed.Enqueue((conversationId, userId));
                if (_measuring)
                {
                    Interlocked.Increment(ref _measuredConversations);
                }
            }
        }
    }

    private async Task TurnAsync(HttpClient client, byte[] activity, List<double> latencies)
    {
        if (Interlocked.Increment(ref _turnsStarted) > options.MaxTurns)
        {
            _stopping = true;
            return;
        }

        var measured = _measuring;
        var started = Stopwatch.GetTimestamp();
        var ok = false;
        try
        {
            using var content = new ByteArrayContent(activity);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("api/messages", content);
            await response.Content.CopyToAsync(Stream.Null);
            ok = response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
        }
        catch (TaskCanceledException)
        {
        }

        if (measured && _measuring)
        {
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Interlocked.Increment(ref _measuredTurns);
            if (!ok)
            {
                Interlocked.Increment(ref _failedTurns);
            }
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[(int)Math.Round(p * (sorted.Length - 1))];
}
