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
            for (var i = 0; i < 200; i++) reader.Read(line);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < iterations; i++) reader.Read(line);
            var kb = (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / iterations;
            Console.WriteLine($"| {(line.Length > 40 ? line[..40] + "..." : line)} | {kb:F1} |");
        }
    }
}
