using ItpBot.Knowledge;
using ItpBot.Knowledge.Reasoning;
using ItpBot.Tests.Knowledge.Vignettes;

namespace ItpBot.Tests.Knowledge.Scenarios;

/// <summary>
/// The project's own cases across the five patterns (factors, today, interactions and organs, status and
/// question, safety steps), in the vignette format and judged the same way. New cases, not copies of the vignettes.
/// </summary>
public class OwnScenarioTests
{
    private static readonly TreatmentAdvisor Advisor = new(KnowledgeBase.LoadEmbedded());

    public static TheoryData<Vignette> All
    {
        get
        {
            var data = new TheoryData<Vignette>();
            foreach (var v in Vignette.Load("own-scenarios.json", "Scenarios")) data.Add(v);
            return data;
        }
    }

    [Fact]
    public void There_are_at_least_30_cases_across_the_five_patterns()
    {
        var cases = Vignette.Load("own-scenarios.json", "Scenarios");
        Assert.True(cases.Count >= 30, $"{cases.Count} cases");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Scenario_meets_every_expectation(Vignette scenario)
    {
        var failures = VignetteTests.Judge(scenario.Expect, Advisor.Assess(scenario.Profile));
        Assert.True(failures.Count == 0, $"{scenario.Id}: " + string.Join("; ", failures));
    }
}
