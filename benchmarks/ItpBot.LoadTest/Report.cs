using System.Text;

namespace ItpBot.LoadTest;

/// <summary>Figures as a Markdown table, ready for docs/performance.md.</summary>
public static class Report
{
    private const string Header =
        "| bot | reply path | conv. | turns/s | p50 ms | p99 ms | max ms | CPU ms/turn | alloc KB/turn | gen2 GCs | replies/turn | failed turns | state bytes/conv (mean / max) | plans/conv |\n" +
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public static string Row(LoadResult r) =>
        $"| {r.Bot} | {r.Path} | {r.Conversations} | {r.TurnsPerSecond:F0} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.MaxMs:F0} | {r.CpuMsPerTurn:F3} | " +
        $"{r.AllocatedKbPerTurn:F1} | {r.Gen2Collections} | {r.RepliesPerTurn:F2} | {r.FailedTurns} | {r.State.MeanBytes:F0} / {r.State.MaxBytes} | {r.PlansPerConversation:F2} |";

    public static string Table(IReadOnlyList<LoadResult> results)
    {
        var text = new StringBuilder(Header).AppendLine();
        foreach (var r in results)
        {
            text.AppendLine(Row(r));
        }

        foreach (var itp in results.Where(r => r.Bot == BotKind.Itp))
        {
            var echo = results.FirstOrDefault(r => r.Bot == BotKind.Echo && r.Path == itp.Path);
            if (echo is { TurnsPerSecond: > 0, CpuMsPerTurn: > 0 })
            {
                text.AppendLine($"ITP / echo on the {itp.Path} path: {itp.TurnsPerSecond / echo.TurnsPerSecond:P0} of the echo throughput, " +
                                $"{itp.CpuMsPerTurn / echo.CpuMsPerTurn:F2}x its CPU per turn");
            }
        }

        return text.ToString();
    }
}
