using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsCheck;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;
using ItpBot.Tests.Knowledge.Properties;
using ItpBot.Tests.Knowledge.Vignettes;

namespace ItpBot.Tests.Knowledge.Golden;

/// <summary>
/// Performance work on the reasoning must not change a single byte of what it answers. Every developer vignette, every
/// own scenario and a fixed set of generated profiles (each asked one of the vignettes' questions) is assessed and
/// serialised: the contract JSON and each option's text-to-citations map. The SHA-256 of each is compared with
/// <c>assessment-golden.txt</c>, taken before the optimisation. A change in content or reasoning that is meant to
/// change answers regenerates it: <c>ITPBOT_GOLDEN_UPDATE=1 dotnet test --filter AssessmentGolden</c>; to see what
/// changed, <c>ITPBOT_GOLDEN_DUMP=/some/dir</c> writes each serialised case to a file, before and after, for a diff.
/// </summary>
public class AssessmentGoldenTests
{
    private const int GeneratedProfiles = 400;
    private static readonly TreatmentAdvisor Advisor = new(KnowledgeBase.LoadEmbedded());

    [Fact]
    public void Every_case_serialises_as_in_the_snapshot()
    {
        var actual = Cases().Select(c => (c.Id, Text: Serialise(Advisor.Assess(c.Profile)))).ToList();
        DumpIfAsked(actual);
        var lines = actual.Select(c => $"{c.Id}\t{Hash(c.Text)}").ToList();
        var path = SnapshotPath();
        if (Environment.GetEnvironmentVariable("ITPBOT_GOLDEN_UPDATE") == "1")
        {
            File.WriteAllLines(path, lines);
            return;
        }

        var expected = File.ReadAllLines(path);
        Assert.Equal(expected.Length, lines.Count);
        var changed = expected.Zip(lines).Where(p => p.First != p.Second).Select(p => p.Second.Split('\t')[0]).ToList();
        Assert.True(changed.Count == 0, $"{changed.Count} assessments changed: " + string.Join(", ", changed.Take(20)));
    }

    /// <summary>Vignettes, own scenarios, then generated profiles from a fixed seed (same profiles on every run).</summary>
    private static IEnumerable<(string Id, PatientProfile Profile)> Cases()
    {
        var vignettes = Vignette.Load("dev-vignettes.json");
        var scenarios = Vignette.Load("own-scenarios.json", "Scenarios");
        foreach (var v in vignettes.Concat(scenarios)) yield return (v.Id, v.Profile);

        var questions = vignettes.Concat(scenarios).Select(v => v.Profile.Question).OfType<string>().Distinct().ToList();
        var pcg = new PCG(7, 20261206);
        for (var i = 0; i < GeneratedProfiles; i++)
        {
            var profile = AssessmentProperties.GenProfile.Generate(pcg, null, out _);
            if (i % 3 == 0 && questions.Count > 0) profile = profile with { Question = questions[i / 3 % questions.Count] };
            yield return ($"generated-{i:D3}", profile);
        }
    }

    private static string Serialise(Assessment assessment)
    {
        var text = new StringBuilder(JsonSerializer.Serialize(assessment, ContractJson.Options));
        foreach (var option in assessment.Options)
        {
            text.Append('\n').Append(option.Therapy);
            foreach (var (key, ids) in option.TextCitations.OrderBy(e => e.Key, StringComparer.Ordinal))
                text.Append('\n').Append(key).Append(" => ").Append(string.Join(",", ids));
        }

        return text.ToString();
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void DumpIfAsked(IEnumerable<(string Id, string Text)> cases)
    {
        if (Environment.GetEnvironmentVariable("ITPBOT_GOLDEN_DUMP") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        foreach (var (id, text) in cases) File.WriteAllText(Path.Combine(dir, id + ".txt"), text);
    }

    private static string SnapshotPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "assessment-golden.txt");
}
