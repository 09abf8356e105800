using System.Diagnostics;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Reasoning;

namespace ItpBot.Benchmarks;

/// <summary>
/// One assessment's cost, stage by stage (the facts, each rule, the composer), for each of
/// <see cref="AssessmentBenchmarks"/>' profiles: mean µs on one thread and bytes allocated. Not a benchmark: the
/// table that says which stage to work on (`--assess-stages [iterations]`).
/// </summary>
internal static class AssessmentStageBreakdown
{
    public static void Run(int iterations)
    {
        var advisor = new TreatmentAdvisor(KnowledgeBase.LoadEmbedded());
        var stages = new List<string> { "facts and draft" };
        stages.AddRange(advisor.Rules.Select(r => r.GetType().Name));
        stages.Add("compose");

        foreach (var (name, profile) in AssessmentBenchmarks.All)
        {
            var ticks = new long[stages.Count];
            var bytes = new long[stages.Count];
            for (var warm = 0; warm < 20_000; warm++) Measure(advisor, profile, null, null);
            for (var i = 0; i < iterations; i++) Measure(advisor, profile, ticks, bytes);

            Console.WriteLine($"\n{name}: {ticks.Sum() * 1e6 / Stopwatch.Frequency / iterations:F1} µs, {bytes.Sum() / 1024.0 / iterations:F1} KB");
            Console.WriteLine("| stage | µs | bytes |");
            Console.WriteLine("|---|---:|---:|");
            for (var s = 0; s < stages.Count; s++)
            {
                if (bytes[s] == 0 && ticks[s] * 1e6 / Stopwatch.Frequency / iterations < 0.2) continue;
                Console.WriteLine($"| {stages[s]} | {ticks[s] * 1e6 / Stopwatch.Frequency / iterations:F2} | {bytes[s] / iterations:N0} |");
            }
        }
    }

    private static void Measure(TreatmentAdvisor advisor, Knowledge.Model.PatientProfile profile, long[]? ticks, long[]? bytes)
    {
        var stage = 0;
        var t0 = Stopwatch.GetTimestamp();
        var b0 = GC.GetAllocatedBytesForCurrentThread();
        void Lap()
        {
            var t = Stopwatch.GetTimestamp();
            var b = GC.GetAllocatedBytesForCurrentThread();
            if (ticks is not null) ticks[stage] += t - t0;
            if (bytes is not null) bytes[stage] += b - b0;
            stage++;
            t0 = Stopwatch.GetTimestamp();
            b0 = GC.GetAllocatedBytesForCurrentThread();
        }

        var draft = advisor.NewDraft(profile);
        Lap();
        foreach (var rule in advisor.Rules)
        {
            rule.Apply(draft);
            Lap();
        }

        advisor.Compose(draft);
        Lap();
    }
}

/// <summary>
/// Which types one profile's assessments allocate, from the runtime's allocation sampling (an event about every
/// 100 KB, so thousands of assessments give a fair share per type): closures, iterators and lists stand out.
/// </summary>
internal sealed class AllocationTypes : System.Diagnostics.Tracing.EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (e.EventName is not "GCAllocationTick_V4" || e.Payload is null) return;
        var type = e.Payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames!.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        lock (_bytes) _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
    }

    public static void Run(string profileName, int iterations)
    {
        var advisor = new TreatmentAdvisor(KnowledgeBase.LoadEmbedded());
        var profile = AssessmentBenchmarks.All.First(p => p.Name == profileName).Profile;
        MeasureAsync(profileName, 20_000, iterations, () =>
        {
            advisor.Assess(profile);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    /// <summary>The same for whole conversations of the intake script (bot only, as <see cref="ConversationBenchmarks"/>).</summary>
    public static async Task RunConversationsAsync(int conversations)
    {
        var bench = new ConversationBenchmarks();
        bench.Setup();
        try
        {
            await MeasureAsync("conversation", 300, conversations, () => bench.RunConversationAsync(null));
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private static async Task MeasureAsync(string label, int warmUp, int iterations, Func<Task> work)
    {
        for (var i = 0; i < warmUp; i++) await work();
        using var listener = new AllocationTypes();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < iterations; i++) await work();
        var total = GC.GetTotalAllocatedBytes(precise: true) - before;
        Thread.Sleep(500);
        lock (listener._bytes)
        {
            var sampled = listener._bytes.Values.Sum();
            Console.WriteLine($"{label}: {total / iterations:N0} bytes each; share by type (sampled):");
            foreach (var (type, bytes) in listener._bytes.OrderByDescending(e => e.Value).Take(40))
                Console.WriteLine($"{bytes * 100.0 / sampled,6:F1}%  ~{bytes * (double)total / sampled / iterations,9:N0} B  {type}");
        }
    }
}
