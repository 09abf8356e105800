using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;

namespace ItpBot.Tests.Knowledge.Vignettes;

/// <summary>
/// The developer vignettes (shared/clinical/vignettes/dev-vignettes.json, copied here), judged as check.py judges
/// them: first option, must-offer and must-not-offer over the active roles, alerts, decision topics, a non-empty
/// today, and must-mention patterns over the whole serialised assessment.
/// </summary>
public class VignetteTests
{
    private static readonly HashSet<string> ActiveRoles = ["first-choice", "alternative", "rescue", "bridge"];
    private static readonly TreatmentAdvisor Advisor = new(KnowledgeBase.LoadEmbedded());

    public static TheoryData<Vignette> All
    {
        get
        {
            var data = new TheoryData<Vignette>();
            foreach (var v in Vignette.Load("dev-vignettes.json")) data.Add(v);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Vignette_meets_every_expectation(Vignette vignette)
    {
        var assessment = Advisor.Assess(vignette.Profile);
        var failures = Judge(vignette.Expect, assessment);
        Assert.True(failures.Count == 0, $"{vignette.Id}: " + string.Join("; ", failures));
    }

    /// <summary>The same judgement as check.py, over the contract JSON of an assessment.</summary>
    internal static List<string> Judge(JsonObject expect, Assessment assessment)
    {
        var json = JsonSerializer.Serialize(assessment, ContractJson.Options);
        var a = JsonNode.Parse(json)!.AsObject();
        var why = new List<string>();
        var options = a["options"]?.AsArray() ?? [];
        var first = options.Count > 0 ? (string?)options[0]!["therapy"] : null;
        var firstAnyOf = Strings(expect["firstChoiceAnyOf"]);
        if (firstAnyOf.Count > 0 && !firstAnyOf.Contains(first ?? "")) why.Add($"first={first}");
        var active = options.Where(o => ActiveRoles.Contains((string)o!["role"]!)).Select(o => (string)o!["therapy"]!).ToHashSet();
        why.AddRange(Strings(expect["mustOffer"]).Where(t => !active.Contains(t)).Select(t => $"{t} not offered"));
        why.AddRange(Strings(expect["mustNotOffer"]).Where(active.Contains).Select(t => $"{t} offered"));
        var codes = (a["alerts"]?.AsArray() ?? []).Select(x => (string)x!["code"]!).ToHashSet();
        why.AddRange(Strings(expect["alerts"]).Where(c => !codes.Contains(c)).Select(c => $"alert {c}"));
        var topics = (a["decisions"]?.AsArray() ?? []).Select(d => (string)d!["topic"]!).ToHashSet();
        foreach (var (topic, _) in expect["decisions"]?.AsObject() ?? [])
            if (!topics.Contains(topic)) why.Add($"decision {topic}");
        if (expect["today"] is JsonArray { Count: > 0 } && (a["today"]?.AsArray().Count ?? 0) == 0) why.Add("no today");
        // Keys the project's own cases add (check.py ignores them): what the dialog should and should not ask next,
        // and how a decision's answer must open.
        var missing = (a["missing"]?.AsArray() ?? []).Select(x => (string)x!).ToHashSet();
        why.AddRange(Strings(expect["mustAsk"]).Where(f => !missing.Contains(f)).Select(f => $"{f} not asked"));
        why.AddRange(Strings(expect["mustNotAsk"]).Where(missing.Contains).Select(f => $"{f} asked"));
        foreach (var (topic, pattern) in expect["decisionsMatch"]?.AsObject() ?? [])
        {
            var answer = (a["decisions"]?.AsArray() ?? []).Where(d => (string)d!["topic"]! == topic).Select(d => (string)d!["answer"]!).FirstOrDefault();
            if (answer is null || !Regex.IsMatch(answer, (string)pattern!, RegexOptions.IgnoreCase)) why.Add($"decision {topic} reads '{answer}'");
        }
        // check.py reads json.dumps(ensure_ascii=False): the same text, unescaped.
        var text = a.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var m in expect["mustMention"]?.AsArray() ?? [])
        {
            var patterns = Strings(m!["anyOf"]);
            if (!patterns.Any(p => Regex.IsMatch(text, p, RegexOptions.IgnoreCase)))
                why.Add($"mention '{(string)m["concept"]!}'");
        }
        foreach (var m in expect["mustNotMention"]?.AsArray() ?? [])
            if (Regex.IsMatch(text, (string)m!["pattern"]!, RegexOptions.IgnoreCase)) why.Add($"mentions '{(string)m["concept"]!}'");
        return why;
    }

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(x => (string)x!).ToList() : [];
}

/// <summary>One vignette: the profile and what a haematologist expects of the answer.</summary>
public sealed record Vignette(string Id, string Title, PatientProfile Profile, JsonObject Expect)
{
    public static IReadOnlyList<Vignette> Load(string fileName, string folder = "Vignettes")
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Knowledge", folder, fileName);
        var cases = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        return cases.Select(c => new Vignette(
            (string)c!["id"]!, (string)c["title"]!,
            c["profile"].Deserialize<PatientProfile>(ContractJson.Options)!,
            c["expect"]!.AsObject())).ToList();
    }

    public override string ToString() => $"{Id} {Title}";
}
