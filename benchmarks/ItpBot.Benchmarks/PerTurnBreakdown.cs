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

            var turns = new List<(string Label, double Ms, long Bytes, long Jitted)>();
            for (var i = 0; i < conversations; i++)
            {
                await bench.RunConversationAsync(turns);
            }

            // Methods compiled per turn should be 0 once warm: anything else is code generated at run time
            // (a Regex built with RegexOptions.Compiled per call, a new serializer contract), rebuilt every time.
            Console.WriteLine("| turn | µs | allocated KB | methods compiled |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var group in turns.GroupBy(t => t.Label))
            {
                Console.WriteLine($"| {group.Key} | {group.Average(t => t.Ms) * 1000:F0} | {group.Average(t => t.Bytes) / 1024.0:F1} | {group.Average(t => t.Jitted):F1} |");
            }

            Console.WriteLine($"| **per conversation** | {turns.Sum(t => t.Ms) / conversations * 1000:F0} | {turns.Sum(t => t.Bytes) / 1024.0 / conversations:F1} | {turns.Sum(t => t.Jitted) / (double)conversations:F1} |");
        }
        finally
        {
            bench.Cleanup();
        }
    }
}
