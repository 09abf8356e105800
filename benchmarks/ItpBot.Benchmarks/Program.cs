using BenchmarkDotNet.Running;
using ItpBot.Benchmarks;

if (args is ["--per-turn", ..])
{
    // Where a conversation's cost goes, turn by turn (not a benchmark: a quick breakdown to decide what to optimise).
    await PerTurnBreakdown.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}

if (args is ["--read-cost", ..])
{
    // What reading each scripted message costs alone, without the dialog.
    ReadingCost.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000);
    return;
}

if (args is ["--recognizer-cost", ..])
{
    // What each fact recogniser costs alone, message by message.
    RecognizerCost.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500);
    return;
}

if (args is ["--assess-stages", ..])
{
    // Where one assessment's time and allocations go, rule by rule.
    AssessmentStageBreakdown.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return;
}

if (args is ["--turn-alloc-types", ..])
{
    // Which types a whole intake conversation allocates (bot only).
    await AllocationTypes.RunConversationsAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300);
    return;
}

if (args is ["--assess-alloc-types", var profileName, ..])
{
    AllocationTypes.Run(profileName, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ConversationBenchmarks).Assembly).Run(args);
