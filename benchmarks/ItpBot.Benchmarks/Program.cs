using BenchmarkDotNet.Running;
using ItpBot.Benchmarks;

if (args is ["--per-turn", ..])
{
    // Where a conversation's cost goes, turn by turn (not a benchmark: a quick breakdown to decide what to optimise).
    await PerTurnBreakdown.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ConversationBenchmarks).Assembly).Run(args);
