using System.Text.RegularExpressions;
using ItpBot.Knowledge;

namespace ItpBot.Tests.Knowledge;

/// <summary>Every figure in the seed article is in the content, cited to the seed source the article gives for it.</summary>
public partial class SeedFidelityTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.LoadEmbedded();

    public static IEnumerable<object[]> SeedLines()
    {
        var lines = File.ReadAllLines(SharedMaterial.SeedArticlePath);
        var start = Array.FindIndex(lines, l => l.Trim() == "Treatment of Refractory ITP");
        var end = Array.FindIndex(lines, start, l => l.Trim() == "References");
        Assert.True(start >= 0 && end > start, "seed article layout changed");
        for (var i = start + 1; i < end; i++)
        {
            var line = lines[i].Trim().TrimStart('•').Trim();
            if (line.Length > 0 && Number().IsMatch(StripMarkers(line, out _))) yield return [i + 1, line];
        }
    }

    [Theory]
    [MemberData(nameof(SeedLines))]
    public void Every_number_of_the_seed_line_is_in_a_fact_citing_the_seeds_source(int lineNumber, string line)
    {
        var text = StripMarkers(line, out var markers);
        var acceptable = markers.Count > 0
            ? markers.Select(m => $"seed-ref-{m}").ToHashSet()
            : Kb.References.Keys.Where(k => k.StartsWith("seed-", StringComparison.Ordinal)).ToHashSet();
        var facts = Kb.AllFacts()
            .Where(f => f.Text.Citations.Any(acceptable.Contains))
            .Select(f => Normalise(f.Text.Text))
            .ToList();

        foreach (Match range in Range().Matches(Normalise(text)))
            Assert.True(facts.Any(f => f.Contains(range.Value, StringComparison.Ordinal)),
                $"seed line {lineNumber}: range {range.Value} is not in any fact citing {string.Join("/", acceptable)}");
        foreach (Match number in Number().Matches(text))
            Assert.True(facts.Any(f => Regex.IsMatch(f, $@"(?<![\d.]){Regex.Escape(number.Value)}(?![\d]|\.\d)")),
                $"seed line {lineNumber}: {number.Value} is not in any fact citing {string.Join("/", acceptable)}");
    }

    [Fact]
    public void The_seed_figures_the_issue_names_are_found_in_the_seed_lines()
    {
        // Guards the line parser: if it skipped lines, the theory above would pass vacuously.
        var all = string.Join("\n", SeedLines().Select(l => (string)l[1]));
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

    /// <summary>Removes the seed's citation markers ("... avoided. 2, 3 Patients ..." and trailing " 1, 2").</summary>
    private static string StripMarkers(string line, out List<int> markers)
    {
        var found = new List<int>();
        string Take(Match m)
        {
            found.AddRange(m.Groups[1].Value.Split(',').Select(s => int.Parse(s.Trim())));
            return m.Groups["keep"].Value;
        }
        var text = InlineMarkers().Replace(line, m => Take(m));
        text = TrailingMarkers().Replace(text, m => Take(m));
        markers = found;
        return text;
    }

    private static string Normalise(string text) => text.Replace('–', '-').Replace('−', '-');

    [GeneratedRegex(@"(?<keep>[.)])\s([1-7](?:,\s*[1-7])*)(?=\s+[A-Z])")]
    private static partial Regex InlineMarkers();

    [GeneratedRegex(@"(?<keep>)\s([1-7](?:,\s*[1-7])*)\s*$")]
    private static partial Regex TrailingMarkers();

    // Numbers, but not the 10 of "10⁹/L".
    [GeneratedRegex(@"(?<![\d.])\d+(?:\.\d+)?(?![\d⁹])")]
    private static partial Regex Number();

    [GeneratedRegex(@"\d+(?:\.\d+)?-\d+(?:\.\d+)?")]
    private static partial Regex Range();
}
