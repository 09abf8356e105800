using ItpBot.Knowledge.Reasoning;

namespace ItpBot.Tests.Knowledge;

/// <summary>An option's per-text citations: the therapy's shared map with the assessment's own texts over it.</summary>
public sealed class LayeredCitationsTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Shared = new(StringComparer.Ordinal)
    {
        ["Summary."] = ["ash-2019"],
        ["Caution."] = ["label"],
    };

    [Fact]
    public void Own_texts_are_found_and_a_later_one_for_the_same_text_wins()
    {
        var layered = new LayeredCitations(Shared,
        [
            new("Because of the bleeding.", ["icr-2019"]),
            new("Caution.", ["trial-a"]),
            new("Because of the bleeding.", ["icr-2019", "trial-b"]),
        ]);

        Assert.Equal(["icr-2019", "trial-b"], layered["Because of the bleeding."]);
        Assert.Equal(["trial-a"], layered["Caution."]);
        Assert.Equal(["ash-2019"], layered["Summary."]);
        Assert.False(layered.ContainsKey("Something else."));
        Assert.Throws<KeyNotFoundException>(() => layered["Something else."]);
    }

    [Fact]
    public void Enumerating_gives_each_text_once_with_the_value_a_lookup_gives()
    {
        var layered = new LayeredCitations(Shared, [new("Caution.", ["trial-a"]), new("Dose.", ["label"])]);

        Assert.Equal(3, layered.Count);
        Assert.Equal(["Caution.", "Dose.", "Summary."], layered.Keys.Order(StringComparer.Ordinal));
        Assert.All(layered, entry => Assert.Equal(layered[entry.Key], entry.Value));
    }
}
