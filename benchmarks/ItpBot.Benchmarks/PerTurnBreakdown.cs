namespace ItpBot.Benchmarks;

/// <summary>
/// Runs <see cref="ConversationBenchmarks.FullIntakeToAssessment"/>'s conversation many times on one thread and prints,
/// per scripted turn, the mean wall time (one thread, nothing else running) and the bytes allocated: the table that says which turn to work on.
/// </summary>
internal static class PerTurnBreakdown
{
    public static async Task RunAsync(int conversations)
    {
        var bench = new ConversationBenchmarks();
        bench.Setup();
        try
        {
            for (var i = 0; i < 50; i++)
            {
                await bench.RunConversationAsync(null);
            }

            var turns = new List<(string Label, double CpuMs, long Bytes)>();
            for (var i = 0; i < conversations; i++)
            {
                await bench.RunConversationAsync(turns);
            }

            Console.WriteLine("| turn | µs | allocated KB |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var group in turns.GroupBy(t => t.Label))
            {
                Console.WriteLine($"| {group.Key} | {group.Average(t => t.CpuMs) * 1000:F0} | {group.Average(t => t.Bytes) / 1024.0:F1} |");
            }

            Console.WriteLine($"| **per conversation** | {turns.Sum(t => t.CpuMs) / conversations * 1000:F0} | {turns.Sum(t => t.Bytes) / 1024.0 / conversations:F1} |");
        }
        finally
        {
            bench.Cleanup();
        }
    }
}
