using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Knowledge;

public class KnowledgeBaseLoadingTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.LoadEmbedded();

    [Fact]
    public void Embedded_content_loads_with_a_version_and_review_date()
    {
        Assert.False(string.IsNullOrWhiteSpace(Kb.ContentVersion));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", Kb.ReviewDate);
    }

    [Fact]
    public void Every_contract_therapy_id_has_content_and_nothing_else_does()
    {
        Assert.Equal(TherapyIds.All.Order(), Kb.TherapyCatalog.Select(t => t.Id).Order());
    }

    [Fact]
    public void Every_citation_in_the_content_resolves_to_a_reference()
    {
        foreach (var (where, text) in Kb.AllFacts())
        {
            // An uncertain fact with no primary source carries no citation (shown "Uncertain:"; listed in docs/clinical-review.md).
            if (!text.Uncertain) Assert.NotEmpty(text.Citations);
            else Assert.StartsWith("Uncertain:", text.Text, StringComparison.Ordinal);
            foreach (var id in text.Citations) Assert.True(Kb.References.ContainsKey(id), $"{where} cites {id}");
        }
    }

    [Fact]
    public void Lexicon_lists_brand_names_and_abbreviations()
    {
        Assert.Contains("Nplate", Kb.Therapies.Single(t => t.TherapyId == TherapyIds.Romiplostim).Synonyms);
        Assert.Contains("Revolade", Kb.Therapies.Single(t => t.TherapyId == TherapyIds.Eltrombopag).Synonyms);
        Assert.Contains("MMF", Kb.Therapies.Single(t => t.TherapyId == TherapyIds.Mycophenolate).Synonyms);
        Assert.Contains("IVIg", Kb.Therapies.Single(t => t.TherapyId == TherapyIds.Ivig).Synonyms);
        Assert.Contains("refractory", Kb.DefinitionTerms);
    }

    [Fact]
    public void Uncertain_facts_are_marked_wherever_shown()
    {
        var uncertain = Kb.AllFacts().Where(f => f.Text.Uncertain).ToList();
        Assert.NotEmpty(uncertain);
        Assert.All(uncertain, f => Assert.StartsWith("Uncertain:", f.Text.Text));
    }
}
