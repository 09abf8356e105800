using System.Text.RegularExpressions;
using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ItpBot.Knowledge.Loading;

/// <summary>Reads the YAML content files, checks them, and builds the immutable <see cref="KnowledgeBase"/>.</summary>
internal static partial class ContentLoader
{
    public const string MetaFile = "meta.yaml";
    public const string ReferencesFile = "references.yaml";
    public const string TherapiesFile = "therapies.yaml";
    public const string DefinitionsFile = "definitions.yaml";
    public const string BleedingFile = "bleeding.yaml";
    public const string RulesFile = "rules.yaml";
    public const string PlansFile = "plans.yaml";
    public const string PitfallsFile = "pitfalls.yaml";
    public const string EmergencyFile = "emergency.yaml";
    public const string ReasoningFile = "reasoning.yaml";

    public static readonly IReadOnlyList<string> RequiredFiles =
        [MetaFile, ReferencesFile, TherapiesFile, DefinitionsFile, BleedingFile, RulesFile, PlansFile, PitfallsFile, EmergencyFile, ReasoningFile];

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static KnowledgeBase Load(IReadOnlyDictionary<string, string> files)
    {
        var parseProblems = new List<ContentProblem>();
        foreach (var name in RequiredFiles.Where(f => !files.ContainsKey(f)))
            parseProblems.Add(new ContentProblem(name, "(file)", "(file)", "is missing"));

        var meta = Parse<MetaDoc>(files, MetaFile, parseProblems);
        var references = Parse<ReferencesDoc>(files, ReferencesFile, parseProblems);
        var therapies = Parse<TherapiesDoc>(files, TherapiesFile, parseProblems);
        var definitions = Parse<DefinitionsDoc>(files, DefinitionsFile, parseProblems);
        var bleeding = Parse<BleedingDoc>(files, BleedingFile, parseProblems);
        var rules = Parse<RulesDoc>(files, RulesFile, parseProblems);
        var plans = Parse<PlansDoc>(files, PlansFile, parseProblems);
        var pitfalls = Parse<PitfallsDoc>(files, PitfallsFile, parseProblems);
        var emergency = Parse<EmergencyDoc>(files, EmergencyFile, parseProblems);
        var reasoning = Parse<ReasoningDoc>(files, ReasoningFile, parseProblems);
        if (parseProblems.Count > 0) throw new KnowledgeContentException(parseProblems);

        var builder = new KnowledgeBaseBuilder(references!);
        builder.ReadMeta(meta!);
        builder.ReadTherapies(therapies!);
        builder.ReadDefinitions(definitions!);
        builder.ReadBleeding(bleeding!);
        builder.ReadRules(rules!);
        builder.ReadPlans(plans!);
        builder.ReadPitfalls(pitfalls!, emergency!);
        builder.ReadReasoning(reasoning!);
        return builder.Build();
    }

    private static T? Parse<T>(IReadOnlyDictionary<string, string> files, string name, List<ContentProblem> problems)
        where T : class
    {
        if (!files.TryGetValue(name, out var yaml)) return null;
        try
        {
            var doc = Deserializer.Deserialize<T>(yaml);
            if (doc is null) problems.Add(new ContentProblem(name, "(file)", "(file)", "is empty"));
            return doc;
        }
        catch (YamlException e)
        {
            // The innermost message names the field ("Property 'x' not found on type ..."); the mark names the entry.
            var inner = e;
            while (inner.InnerException is YamlException deeper) inner = deeper;
            var message = (inner.InnerException?.Message ?? inner.Message).Trim();
            var field = PropertyName().Match(message) is { Success: true } m ? m.Groups[1].Value : "(value)";
            problems.Add(new ContentProblem(name, $"line {inner.Start.Line}, column {inner.Start.Column}",
                field, "schema: " + message));
            return null;
        }
    }

    [GeneratedRegex("Property '([^']+)'")]
    private static partial Regex PropertyName();
}
