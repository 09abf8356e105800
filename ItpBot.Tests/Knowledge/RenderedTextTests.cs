using System.Text.RegularExpressions;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using static ItpBot.Tests.Knowledge.Profiles;

namespace ItpBot.Tests.Knowledge;

/// <summary>Every number in any text of any assessment comes from the content; every citation resolves.</summary>
public partial class RenderedTextTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.LoadEmbedded();

    private static readonly HashSet<string> ContentNumbers = KnowledgeBase.EmbeddedSources().Values
        .SelectMany(yaml => Number().Matches(yaml).Select(m => m.Value))
        .ToHashSet();

    public static IEnumerable<object[]> Profiles()
    {
        foreach (var scenario in PatientScenarioTests.Scenarios) yield return [scenario.Profile];
        yield return [new PatientProfile()];
        yield return [ChronicSteroidDependent with { Audience = Audience.Patient, WeightKg = 63.5 }];
        yield return [NewlyDiagnosed with { WeightKg = 81.2, Bleeding = Bleeding.Critical }];
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void No_number_appears_in_a_text_unless_the_content_holds_it(PatientProfile profile)
    {
        var a = Assess(profile);
        var allowed = new HashSet<string>(ContentNumbers);
        if (profile.WeightKg is { } weight)
            foreach (var dose in Kb.TherapyCatalog.SelectMany(t => t.Dosing).Select(d => d.WeightBased).OfType<ItpBot.Knowledge.Content.WeightBasedDose>())
                allowed.UnionWith(dose.NumbersFor(weight));

        foreach (var text in Texts(a))
            foreach (Match number in Number().Matches(text))
                Assert.True(allowed.Contains(number.Value), $"'{number.Value}' is not in the content: {text}");
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Every_citation_names_a_reference_listed_in_the_assessment(PatientProfile profile)
    {
        var a = Assess(profile);
        var listed = a.References.Select(r => r.Id).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        var cited = a.Options.SelectMany(o => o.Citations)
            .Concat(a.Avoid.SelectMany(x => x.Citations))
            .Concat(a.Alerts.SelectMany(x => x.Citations))
            .Concat(a.Today.SelectMany(x => x.Citations))
            .Concat(a.Decisions.SelectMany(x => x.Citations))
            .Concat(a.Interactions.SelectMany(x => x.Citations))
            .ToHashSet();
        Assert.Equal(cited.Order(), listed.Order());
        Assert.All(a.Alerts, x => Assert.NotEmpty(x.Citations));
        Assert.All(a.Avoid, x => Assert.NotEmpty(x.Citations));
        Assert.Equal(Kb.ContentVersion, a.ContentVersion);
    }

    [Fact]
    public void The_number_check_can_fail()
    {
        // A number absent from the content is caught (guards against a regex that matches nothing).
        Assert.DoesNotContain("987654", ContentNumbers);
        Assert.Contains("73.7", ContentNumbers);
    }

    private static IEnumerable<string> Texts(Assessment a)
    {
        foreach (var o in a.Options)
        {
            yield return o.Summary;
            foreach (var r in o.Rationale) yield return r;
            if (o.Dosing is not null) yield return o.Dosing;
            foreach (var r in o.ResponseRates) yield return r;
            if (o.Onset is not null) yield return o.Onset;
            foreach (var c in o.Cautions) yield return c;
        }
        foreach (var x in a.Avoid) yield return x.Reason;
        foreach (var x in a.Alerts) yield return x.Text;
        foreach (var o in a.Options)
        {
            foreach (var s in o.OnStart) yield return s;
            foreach (var s in o.OnStop) yield return s;
        }
        foreach (var x in a.Today) yield return x.Action;
        foreach (var x in a.Decisions) yield return x.Answer;
        foreach (var x in a.Interactions) yield return x.Text;
        if (a.BottomLine is not null) yield return a.BottomLine;
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();
}
