namespace ItpBot.Tests.Knowledge;

/// <summary>One row of SeedFigures.md: a statement of the seed article, its figures and the seed's references for it.</summary>
internal sealed record SeedFigure(string Topic, string Figures, string References);

/// <summary>Reads SeedFigures.md, the seed article's figures kept in the repository (the seed itself is not).</summary>
internal static class SeedFigures
{
    public static string TablePath => Support.SharedFolder.InRepository("ItpBot.Tests", "Knowledge", "SeedFigures.md");

    public static IReadOnlyList<SeedFigure> Rows() =>
    [
        .. File.ReadLines(TablePath)
            .Where(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Where(c => c.Length == 4 && c[0] != "topic" && !c[0].StartsWith("---", StringComparison.Ordinal))
            .Select(c => new SeedFigure(c[0], c[2], c[3])),
    ];
}
