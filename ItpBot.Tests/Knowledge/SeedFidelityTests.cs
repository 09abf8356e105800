using System.Text.RegularExpressions;
using ItpBot.Knowledge;

namespace ItpBot.Tests.Knowledge;

/// <summary>
/// Every figure of the seed article is in the content, cited to the seed source the article gives for it. The figures
/// come from SeedFigures.md beside this file: the seed's statements in our own words, with the seed as their source,
/// so that the repository holds what its tests read.
/// </summary>
public partial class SeedFidelityTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.LoadEmbedded();

    public static IEnumerable<object[]> SeedLines() => SeedFigures.Rows().Select(r => new object[] { r.Topic, r.Figures, r.References });

    [Theory]
    [MemberData(nameof(SeedLines))]
    public void Every_number_of_the_seed_line_is_in_a_fact_citing_the_seeds_source(string topic, string figures, string references)
    {
        var markers = references == "-" ? [] : references.Split(',').Select(r => int.Parse(r.Trim())).ToList();
        var acceptable = markers.Count > 0
            ? markers.Select(m => $"seed-ref-{m}").ToHashSet()
            : Kb.References.Keys.Where(k => k.StartsWith("seed-", StringComparison.Ordinal)).ToHashSet();
        var facts = Kb.AllFacts()
            .Where(f => f.Text.Citations.Any(acceptable.Contains))
            .Select(f => Normalise(f.Text.Text))
            .ToList();

        foreach (Match range in Range().Matches(Normalise(figures)))
            Assert.True(facts.Any(f => f.Contains(range.Value, StringComparison.Ordinal)),
                $"seed, {topic}: range {range.Value} is not in any fact citing {string.Join("/", acceptable)}");
        foreach (Match number in Number().Matches(figures))
            Assert.True(facts.Any(f => Regex.IsMatch(f, $@"(?<![\d.]){Regex.Escape(number.Value)}(?![\d]|\.\d)")),
                $"seed, {topic}: {number.Value} is not in any fact citing {string.Join("/", acceptable)}");
    }

    [Fact]
    public void The_seed_figures_the_issue_names_are_found_in_the_seed_lines()
    {
        // Guards the table reader: if it skipped rows, the theory above would pass vacuously.
        var all = string.Join("\n", SeedFigures.Rows().Select(r => r.Figures));
        Assert.True(SeedFigures.Rows().Count >= 30, "the seed's table lost rows");
        foreach (var figure in new[] { "88%", "79%", "30%", "80-85%", "60-70%", "10%", "3.02", "4.53", "4.69", "60%", "40%",
                     "20-30%", "73.7%", "24 months", "14.3%", "1-2 mg/kg", "1000 mg", "75-100 mg", "200 mg", "0.3-1 g" })
            Assert.Contains(figure, all);
    }

    [Fact]
    public void Seed_references_with_numbers_are_all_in_the_content()
    {
        for (var i = 1; i <= 7; i++) Assert.True(Kb.References.ContainsKey($"seed-ref-{i}"), $"seed-ref-{i}");
        Assert.True(Kb.References.ContainsKey("seed-article"));
    }

    [Theory]
    [InlineData("meaning-of-refractory")]
    [InlineData("tpo-ra-first")]
    [InlineData("tpo-ra-thrombosis")]
    public void Seed_and_guideline_disagreements_are_stated_with_both_sides_cited(string id)
    {
        var d = Kb.Disagreements.Single(x => x.Id == id);
        Assert.Contains(d.Seed.Citations, c => c.StartsWith("seed-", StringComparison.Ordinal));
        Assert.Contains(d.Guideline.Citations, c => !c.StartsWith("seed-", StringComparison.Ordinal));
    }

    private static string Normalise(string text) => text.Replace('–', '-').Replace('−', '-');

    // Numbers, but not the 10 of "10⁹/L".
    [GeneratedRegex(@"(?<![\d.])\d+(?:\.\d+)?(?![\d⁹])")]
    private static partial Regex Number();

    [GeneratedRegex(@"\d+(?:\.\d+)?-\d+(?:\.\d+)?")]
    private static partial Regex Range();
}
