using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>A lexicon file or entry that cannot be used, named so a reviewer can find it.</summary>
public sealed class LexiconException(IReadOnlyList<string> problems)
    : Exception("The reading lexicon is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>One meaning of the lexicon with its compiled phrases.</summary>
internal sealed record LexiconMeaning(
    string Category, string Meaning, IReadOnlySet<string> Tags, string? Direction, string? Field, string? Value,
    IReadOnlyList<PhrasePattern> Phrases);

/// <summary>A combination rule: any condition fires it.</summary>
internal sealed record RedFlagRule(string Id, Knowledge.Model.Bleeding Grade, string Site, IReadOnlyList<RedFlagCondition> When);

internal sealed record RedFlagCondition(IReadOnlyList<string> All, double? PlateletsBelow);

/// <summary>A bleeding grade and the sign combinations that give it (any one suffices).</summary>
internal sealed record BleedingGradeRule(Knowledge.Model.Bleeding Grade, IReadOnlyList<IReadOnlyList<string>> When);

/// <summary>
/// Every word list the reader uses (signs and bleeding sites, context triggers, audience cues, everyday answers,
/// v2 fact words), loaded from the embedded <c>Understanding/Lexicon/*.yaml</c> files and checked at start-up: each
/// phrase parses, each rule names known signs, and no phrase claims two meanings. Code keeps the grammar.
/// </summary>
public sealed class ReadingLexicon
{
    internal const string ResourcePrefix = "ItpBot.Dialogs.Understanding.Lexicon.";

    /// <summary>Categories whose phrases are looked for inside a message; a phrase may mean only one thing across them.</summary>
    private static readonly string[] SpanCategories = ["sign", "audience", "fact", "inert"];

    /// <summary>
    /// Categories whose meanings are codes the code acts on: a contract value, or a part of the yes/no grammar. A
    /// meaning outside its list is refused at start-up rather than ignored at run time.
    /// </summary>
    private static readonly Dictionary<string, IReadOnlySet<string>> CodedCategories = new(StringComparer.Ordinal)
    {
        ["comorbidity"] = ContractCodes<Knowledge.Model.Comorbidity>.ByName.Keys.ToHashSet(StringComparer.Ordinal),
        ["antithrombotic"] = ContractCodes<Knowledge.Model.Antithrombotic>.ByName.Keys.ToHashSet(StringComparer.Ordinal),
        ["yesno"] = new HashSet<string>(YesNoMeanings.All, StringComparer.Ordinal),
        ["command"] = CommandReader.Meanings.Keys.ToHashSet(StringComparer.Ordinal),
    };

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private readonly Dictionary<string, List<LexiconMeaning>> byCategory;

    private ReadingLexicon(IReadOnlyList<LexiconMeaning> meanings, IReadOnlyList<RedFlagRule> rules, IReadOnlyList<BleedingGradeRule> grades)
    {
        Meanings = meanings;
        Rules = rules;
        Grades = grades;
        byCategory = meanings.GroupBy(m => m.Category).ToDictionary(g => g.Key, g => g.ToList());
    }

    private static readonly Lazy<ReadingLexicon> Embedded = new(() => Load(EmbeddedFiles()));

    /// <summary>The lexicon shipped with the bot (loaded and validated once).</summary>
    public static ReadingLexicon Default => Embedded.Value;

    internal IReadOnlyList<LexiconMeaning> Meanings { get; }

    internal IReadOnlyList<RedFlagRule> Rules { get; }

    /// <summary>The bleeding grades, worst first.</summary>
    internal IReadOnlyList<BleedingGradeRule> Grades { get; }

    internal IReadOnlyList<LexiconMeaning> Category(string category) =>
        byCategory.TryGetValue(category, out var list) ? list : [];

    /// <summary>The embedded lexicon files, by file name.</summary>
    public static IReadOnlyDictionary<string, string> EmbeddedFiles() =>
        ItpBot.Knowledge.Loading.EmbeddedTexts.Read(typeof(ReadingLexicon).Assembly, ResourcePrefix);

    /// <summary>Builds a lexicon from file texts (by file name) and validates it.</summary>
    /// <exception cref="LexiconException">Any file, entry or phrase that cannot be used, each named.</exception>
    public static ReadingLexicon Load(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        var meanings = new List<LexiconMeaning>();
        var ruleDocs = new List<(string File, RedFlagRuleDocument Rule)>();
        var gradeDocs = new List<(string File, BleedingGradeDocument Grade)>();
        if (files.Count == 0)
        {
            problems.Add("no lexicon files were found");
        }

        foreach (var (file, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            LexiconDocument? document;
            try
            {
                document = Deserializer.Deserialize<LexiconDocument>(text);
            }
            catch (YamlException e)
            {
                problems.Add($"{file}: {e.Message}");
                continue;
            }

            if (document?.Category is not { Length: > 0 } category)
            {
                problems.Add($"{file}: has no category");
                continue;
            }

            ReadEntries(file, category, document.Entries ?? [], meanings, problems);
            ruleDocs.AddRange((document.Rules ?? []).Select(r => (file, r)));
            gradeDocs.AddRange((document.Grades ?? []).Select(g => (file, g)));
        }

        CheckOneMeaningPerPhrase(meanings, problems);
        CheckExplainedSigns(meanings, problems);
        var rules = ReadRules(ruleDocs, meanings, problems);
        var grades = ReadGrades(gradeDocs, meanings, problems);
        if (problems.Count > 0)
        {
            throw new LexiconException(problems);
        }

        return new ReadingLexicon(meanings, rules, grades);
    }

    private static void ReadEntries(
        string file, string category, List<LexiconEntryDocument> entries, List<LexiconMeaning> meanings, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = $"{file}: '{entry.Meaning ?? "(no meaning)"}'";
            if (entry.Meaning is not { Length: > 0 } meaning)
            {
                problems.Add($"{name} has no meaning");
                continue;
            }

            if (!seen.Add(meaning))
            {
                problems.Add($"{name} is listed twice");
            }

            if (entry.Phrases is not { Count: > 0 })
            {
                problems.Add($"{name} has no phrases");
                continue;
            }

            if (CodedCategories.TryGetValue(category, out var codes) && !codes.Contains(meaning))
            {
                problems.Add($"{name} is no {category} code; known: {string.Join(", ", codes.Order(StringComparer.Ordinal))}");
            }

            if (entry.Phrases.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"{name} has an empty phrase");
                continue;
            }

            if (LexiconWords.Categories.TryGetValue(category, out var slots))
            {
                if (!slots.Contains(meaning))
                {
                    problems.Add($"{name} is no {category} meaning the grammar knows; known: {string.Join(", ", slots.Order(StringComparer.Ordinal))}");
                }

                problems.AddRange(entry.Phrases.Select(LexiconWords.ProblemWith).OfType<string>().Select(p => $"{name}: {p}"));
                if (category == "person")
                {
                    problems.AddRange((entry.Tags ?? []).Where(t => !LexiconWords.PersonTags.Contains(t)).Select(t => $"{name} has tag '{t}', not one of {string.Join(", ", LexiconWords.PersonTags)}"));
                    if ((entry.Tags ?? []).Contains("female") && (entry.Tags ?? []).Contains("male"))
                    {
                        problems.Add($"{name} is tagged both female and male");
                    }
                }
            }

            if (LexiconRegex.Categories.TryGetValue(category, out var expressionSlots))
            {
                if (!expressionSlots.Contains(meaning))
                {
                    problems.Add($"{name} is no {category} meaning the grammar knows; known: {string.Join(", ", expressionSlots.Order(StringComparer.Ordinal))}");
                }

                problems.AddRange(entry.Phrases.Select(LexiconRegex.ProblemWith).OfType<string>().Select(p => $"{name}: {p}"));
            }

            if (category == "context" && entry.Direction is not ("forward" or "backward" or "both" or "none"))
            {
                problems.Add($"{name} needs a direction: forward, backward, both or none");
            }

            if (category == "field" && entry.Field is not { Length: > 0 })
            {
                problems.Add($"{name} needs the field it names");
            }

            if (category == "fact" && (entry.Field is not { Length: > 0 } || entry.Value is not { Length: > 0 }))
            {
                problems.Add($"{name} needs a field and a value");
            }

            var phrases = new List<PhrasePattern>();
            foreach (var phrase in entry.Phrases)
            {
                try
                {
                    phrases.AddRange(PhrasePattern.ParseAll(phrase));
                }
                catch (FormatException e)
                {
                    problems.Add($"{name}: {e.Message}");
                }
            }

            meanings.Add(new LexiconMeaning(
                category, meaning, (entry.Tags ?? []).ToHashSet(StringComparer.Ordinal), entry.Direction, entry.Field, entry.Value, phrases));
        }
    }

    private static void CheckOneMeaningPerPhrase(List<LexiconMeaning> meanings, List<string> problems)
    {
        var owner = new Dictionary<string, LexiconMeaning>(StringComparer.Ordinal);
        foreach (var meaning in meanings)
        {
            var space = SpanCategories.Contains(meaning.Category) ? "span" : meaning.Category;
            foreach (var phrase in meaning.Phrases)
            {
                foreach (var form in phrase.Expansions() ?? [phrase.Source])
                {
                    var key = $"{space}\u0001{form}";
                    if (owner.TryGetValue(key, out var other) && !ReferenceEquals(other, meaning))
                    {
                        problems.Add($"'{form}' claims two meanings: {other.Category} '{other.Meaning}' and {meaning.Category} '{meaning.Meaning}'");
                    }
                    else
                    {
                        owner[key] = meaning;
                    }
                }
            }
        }
    }

    private static List<BleedingGradeRule> ReadGrades(
        List<(string File, BleedingGradeDocument Grade)> docs, List<LexiconMeaning> meanings, List<string> problems)
    {
        var known = KnownSignNames(meanings);
        var grades = new List<BleedingGradeRule>();
        foreach (var (file, doc) in docs)
        {
            var name = $"{file}: bleeding grade '{doc.Grade ?? "(none)"}'";
            if (!Enum.TryParse<Knowledge.Model.Bleeding>(doc.Grade, ignoreCase: true, out var grade) || grade == Knowledge.Model.Bleeding.None)
            {
                problems.Add($"{name} is not skin, mucosal, severe or critical");
                continue;
            }

            if (grades.Exists(g => g.Grade == grade))
            {
                problems.Add($"{name} is given twice");
                continue;
            }

            var conditions = new List<IReadOnlyList<string>>();
            foreach (var condition in doc.When ?? [])
            {
                if (condition.All is not { Count: > 0 } || condition.PlateletsBelow is not null)
                {
                    problems.Add($"{name} has a condition with no signs, or with a platelet limit (grades record bleeding seen)");
                    continue;
                }

                foreach (var unknown in condition.All.Where(s => !known.Contains(s)))
                {
                    problems.Add($"{name} names '{unknown}', which is no sign or tag");
                }

                conditions.Add(condition.All);
            }

            if (conditions.Count == 0)
            {
                problems.Add($"{name} has no conditions");
                continue;
            }

            grades.Add(new BleedingGradeRule(grade, conditions));
        }

        return grades.OrderByDescending(g => g.Grade).ToList();
    }

    // A sign or fact tagged "explains-X" (iron tablets explain a black stool) must name a sign X that exists.
    private static void CheckExplainedSigns(List<LexiconMeaning> meanings, List<string> problems)
    {
        var signs = meanings.Where(m => m.Category == "sign").Select(m => m.Meaning).ToHashSet(StringComparer.Ordinal);
        foreach (var sign in meanings.Where(m => m.Category is "sign" or "fact"))
        {
            foreach (var tag in sign.Tags.Where(t => t.StartsWith(SignExplanations.Prefix, StringComparison.Ordinal)))
            {
                if (!signs.Contains(tag[SignExplanations.Prefix.Length..]))
                {
                    problems.Add($"sign '{sign.Meaning}' has tag '{tag}', which names no sign");
                }
            }
        }
    }

    private static HashSet<string> KnownSignNames(List<LexiconMeaning> meanings)
    {
        var signs = meanings.Where(m => m.Category is "sign" or "fact").ToList();
        return signs.Select(s => s.Meaning).Concat(signs.SelectMany(s => s.Tags)).ToHashSet(StringComparer.Ordinal);
    }

    private static List<RedFlagRule> ReadRules(
        List<(string File, RedFlagRuleDocument Rule)> docs, List<LexiconMeaning> meanings, List<string> problems)
    {
        var known = KnownSignNames(meanings);
        var rules = new List<RedFlagRule>();
        foreach (var (file, rule) in docs)
        {
            var name = $"{file}: rule '{rule.Id ?? "(no id)"}'";
            if (rule.Id is not { Length: > 0 } || rule.Site is not { Length: > 0 })
            {
                problems.Add($"{name} needs an id and a site");
                continue;
            }

            if (!Enum.TryParse<Knowledge.Model.Bleeding>(rule.Grade, ignoreCase: true, out var grade)
                || grade < Knowledge.Model.Bleeding.Severe)
            {
                problems.Add($"{name} has grade '{rule.Grade}', not severe or critical");
                continue;
            }

            var conditions = new List<RedFlagCondition>();
            foreach (var condition in rule.When ?? [])
            {
                if (condition.All is not { Count: > 0 })
                {
                    problems.Add($"{name} has a condition with no signs");
                    continue;
                }

                foreach (var unknown in condition.All.Where(s => !known.Contains(s)))
                {
                    problems.Add($"{name} names '{unknown}', which is no sign or tag");
                }

                conditions.Add(new RedFlagCondition(condition.All, condition.PlateletsBelow));
            }

            if (conditions.Count == 0)
            {
                problems.Add($"{name} has no conditions");
            }

            rules.Add(new RedFlagRule(rule.Id, grade, rule.Site, conditions));
        }

        return rules;
    }
}
