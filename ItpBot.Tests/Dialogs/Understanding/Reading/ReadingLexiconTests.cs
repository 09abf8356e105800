using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

public sealed class ReadingLexiconTests
{
    [Fact]
    public void The_shipped_lexicon_loads_with_every_category()
    {
        var files = ReadingLexicon.EmbeddedFiles();

        var lexicon = ReadingLexicon.Load(files);

        Assert.Contains("signs.yaml", files.Keys);
        Assert.Contains("context.yaml", files.Keys);
        Assert.NotNull(lexicon);
    }

    [Fact]
    public void A_phrase_that_claims_two_meanings_is_refused_with_both_named()
    {
        var files = new Dictionary<string, string>
        {
            ["a.yaml"] = "category: sign\nentries:\n  - meaning: seizure\n    phrases: [fitting]\n",
            ["b.yaml"] = "category: fact\nentries:\n  - meaning: fit\n    field: procedure\n    value: minor\n    phrases: [fitting|fitted]\n",
        };

        var error = Assert.Throws<LexiconException>(() => ReadingLexicon.Load(files));

        Assert.Contains(error.Problems, p => p.Contains("'fitting' claims two meanings", StringComparison.Ordinal)
            && p.Contains("seizure", StringComparison.Ordinal) && p.Contains("fit", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_naming_an_unknown_sign_is_refused_with_its_name()
    {
        var files = new Dictionary<string, string>
        {
            ["signs.yaml"] = "category: sign\nentries:\n  - meaning: seizure\n    phrases: [seizure]\nrules:\n  - id: r1\n    grade: critical\n    site: intracranial\n    when:\n      - all: [seizure, wobbly]\n",
        };

        var error = Assert.Throws<LexiconException>(() => ReadingLexicon.Load(files));

        Assert.Contains(error.Problems, p => p.Contains("rule 'r1'", StringComparison.Ordinal) && p.Contains("'wobbly'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("category: context\nentries:\n  - meaning: negated\n    phrases: [no]\n", "direction")]
    [InlineData("category: fact\nentries:\n  - meaning: x\n    phrases: [x]\n", "field and a value")]
    [InlineData("category: sign\nentries:\n  - meaning: x\n    phrases: ['.. x']\n", "must start")]
    [InlineData("entries: []\n", "no category")]
    public void Broken_entries_are_refused_naming_the_problem(string yaml, string problem)
    {
        var error = Assert.Throws<LexiconException>(() => ReadingLexicon.Load(new Dictionary<string, string> { ["x.yaml"] = yaml }));

        Assert.Contains(error.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }
}
