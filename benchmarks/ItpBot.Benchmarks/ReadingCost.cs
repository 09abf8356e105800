using ItpBot.Dialogs.Understanding.Reading;
using Microsoft.Extensions.DependencyInjection;

namespace ItpBot.Benchmarks;

/// <summary>
/// What reading each scripted message costs alone (the TurnReading, no dialog): bytes allocated per read, warm.
/// Not a benchmark: the figure that says how much of a turn is reading (`--read-cost [iterations]`).
/// </summary>
internal static class ReadingCost
{
    public static void Run(int iterations)
    {
        using var services = BotUnderTest.Services();
        var reader = services.GetRequiredService<MessageReader>();
        var script = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "intake-script.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        Console.WriteLine("| message | allocated KB per read |");
        Console.WriteLine("|---|---:|");
        foreach (var line in script.Distinct())
        {
            var kb = AllocatedKilobytes(() => reader.Read(line), iterations);
            Console.WriteLine($"| {(line.Length > 40 ? line[..40] + "..." : line)} | {kb:F1} |");
        }
    }

    /// <summary>What one call allocates on this thread, in KB, averaged after a warm-up (only allocations are steady here).</summary>
    public static double AllocatedKilobytes(Action call, int iterations)
    {
        for (var i = 0; i < 200; i++) call();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++) call();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / iterations;
    }
}
