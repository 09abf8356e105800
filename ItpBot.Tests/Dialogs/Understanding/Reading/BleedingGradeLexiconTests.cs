using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>The bleeding grades in signs.yaml are clinical content: a bad one stops start-up and is named.</summary>
public sealed class BleedingGradeLexiconTests
{
    private const string Signs = "category: sign\nentries:\n  - meaning: nosebleed\n    tags: [bleeding]\n    phrases: [nosebleed]\n";

    [Theory]
    [InlineData("grades:\n  - grade: moderate\n    when:\n      - all: [nosebleed]\n", "bleeding grade 'moderate'")]
    [InlineData("grades:\n  - grade: mucosal\n    when:\n      - all: [nosebleed, wobbly]\n", "'wobbly'")]
    [InlineData("grades:\n  - grade: mucosal\n    when:\n      - all: [nosebleed]\n        plateletsBelow: 20\n", "platelet limit")]
    [InlineData("grades:\n  - grade: mucosal\n    when: []\n", "has no conditions")]
    [InlineData("grades:\n  - grade: mucosal\n    when:\n      - all: [nosebleed]\n  - grade: mucosal\n    when:\n      - all: [bleeding]\n", "given twice")]
    public void A_bad_grade_is_refused_with_its_name(string grades, string named)
    {
        var error = Assert.Throws<LexiconException>(() => ReadingLexicon.Load(new Dictionary<string, string> { ["signs.yaml"] = Signs + grades }));

        Assert.Contains(error.Problems, p => p.Contains("signs.yaml", StringComparison.Ordinal) && p.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_grades_cover_every_grade_the_contract_records_worst_first()
    {
        var grades = ReadingLexicon.Default.Grades.Select(g => g.Grade).ToList();

        Assert.Equal(
            [ItpBot.Knowledge.Model.Bleeding.Critical, ItpBot.Knowledge.Model.Bleeding.Severe, ItpBot.Knowledge.Model.Bleeding.Mucosal, ItpBot.Knowledge.Model.Bleeding.Skin],
            grades);
    }
}
