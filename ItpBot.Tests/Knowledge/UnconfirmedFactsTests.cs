using ItpBot.Knowledge;

namespace ItpBot.Tests.Knowledge;

/// <summary>Facts guideline-facts.md still lists as unconfirmed must not reach users as if settled.</summary>
public class UnconfirmedFactsTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.LoadEmbedded();

    // ASH 2019 recs 6-9: the comparisons are confirmed, their strength and certainty are not (§16 1.1, "Still uncertain").
    private static readonly string[] SecondLineRecommendations =
        ["rec 6", "rec 7", "rec 8", "rec 9", "recs 6", "recommendations 7", "TPO-RA over rituximab", "rituximab over splenectomy"];

    [Fact]
    public void Strength_of_ash_2019_second_line_recommendations_is_never_stated_as_settled()
    {
        var stated = Kb.AllFacts()
            .Where(f => SecondLineRecommendations.Any(r => f.Text.Text.Contains(r, StringComparison.OrdinalIgnoreCase)))
            .Where(f => f.Text.Text.Contains("conditional", StringComparison.OrdinalIgnoreCase) || f.Text.Text.Contains("very-low", StringComparison.OrdinalIgnoreCase))
            .Select(f => f.Where)
            .ToList();

        Assert.Empty(stated);
    }
}
