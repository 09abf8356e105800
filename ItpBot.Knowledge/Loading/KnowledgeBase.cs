using System.Reflection;
using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Loading;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;

namespace ItpBot.Knowledge;

/// <summary>
/// The loaded, validated and immutable clinical content. Load it once at start-up
/// (<see cref="LoadEmbedded"/>); bad content throws <see cref="KnowledgeContentException"/>.
/// </summary>
public sealed class KnowledgeBase : ITherapyLexicon
{
    private const string ResourcePrefix = "ItpBot.Knowledge.Content.";
    private static readonly Lazy<KnowledgeBase> Embedded = new(() => Load(EmbeddedSources()));

    private readonly IReadOnlyDictionary<string, Therapy> _therapiesById;
    private readonly IReadOnlyDictionary<string, RuleParameter> _parameters;
    private readonly IReadOnlyDictionary<string, AlertContent> _alerts;
    private readonly IReadOnlyDictionary<(string, string), CitedText> _ruleTexts;
    private readonly IReadOnlyDictionary<string, TreatmentPlan> _plans;

    internal KnowledgeBase(KnowledgeBaseParts parts)
    {
        ContentVersion = parts.Version;
        ReviewDate = parts.ReviewDate;
        ReviewStatus = parts.ReviewStatus;
        References = parts.References;
        TherapyCatalog = parts.Therapies;
        _therapiesById = parts.Therapies.ToDictionary(t => t.Id, StringComparer.Ordinal);
        Definitions = parts.Definitions;
        Disagreements = parts.Disagreements;
        BleedingCategories = parts.BleedingCategories;
        BleedingScales = parts.BleedingScales;
        RiskFactors = parts.RiskFactors;
        HighRiskFrom = parts.HighRiskFrom;
        ModerateRiskFrom = parts.ModerateRiskFrom;
        _parameters = parts.Parameters;
        RankingStep = parts.RankingStep;
        _alerts = parts.Alerts;
        _ruleTexts = parts.RuleTexts;
        Preferences = parts.Preferences;
        _plans = parts.Plans;
        Pitfalls = parts.Pitfalls;
        EmergencySteps = parts.EmergencySteps;
        Reasoning = parts.Reasoning;
        Therapies = parts.Therapies.Select(t => new TherapyName(t.Id, t.Name, t.Synonyms)).ToList();
        DefinitionTerms = parts.Definitions.SelectMany(d => d.Terms).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The content shipped in this assembly, loaded once and shared (it is immutable).</summary>
    public static KnowledgeBase LoadEmbedded() => Embedded.Value;

    /// <summary>Loads content from YAML texts keyed by file name (e.g. "therapies.yaml").</summary>
    public static KnowledgeBase Load(IReadOnlyDictionary<string, string> yamlFiles) => ContentLoader.Load(yamlFiles);

    /// <summary>The embedded YAML files, keyed by file name: a starting point for loading altered content.</summary>
    public static IReadOnlyDictionary<string, string> EmbeddedSources() =>
        EmbeddedTexts.Read(typeof(KnowledgeBase).Assembly, ResourcePrefix);

    public string ContentVersion { get; }
    public string ReviewDate { get; }
    public string ReviewStatus { get; }
    public IReadOnlyDictionary<string, Reference> References { get; }
    /// <summary>Every therapy, ordered by id.</summary>
    public IReadOnlyList<Therapy> TherapyCatalog { get; }
    public IReadOnlyList<Definition> Definitions { get; }
    public IReadOnlyList<Disagreement> Disagreements { get; }
    public IReadOnlyList<IdText> BleedingCategories { get; }
    public IReadOnlyList<IdText> BleedingScales { get; }
    public IReadOnlyList<RiskFactor> RiskFactors { get; }
    public int HighRiskFrom { get; }
    public int ModerateRiskFrom { get; }
    /// <summary>How many plan positions one rule moves a candidate.</summary>
    public int RankingStep { get; }
    public IReadOnlyDictionary<Preference, PreferenceRule> Preferences { get; }
    public IReadOnlyList<IdText> Pitfalls { get; }
    public IReadOnlyList<CitedText> EmergencySteps { get; }
    /// <summary>The v2 reasoning's content: today, interactions, procedure targets, titration, grades, transitions.</summary>
    public ReasoningContent Reasoning { get; }

    /// <inheritdoc />
    public IReadOnlyList<TherapyName> Therapies { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> DefinitionTerms { get; }

    public Therapy Therapy(string id) => _therapiesById[id];

    public bool TryGetTherapy(string id, out Therapy therapy) => _therapiesById.TryGetValue(id, out therapy!);

    public RuleParameter Parameter(string id) => _parameters[id];

    public AlertContent Alert(string code) => _alerts[code];

    public CitedText RuleText((string Rule, string Key) key) => _ruleTexts[key];

    public TreatmentPlan Plan(string id) => _plans[id];

    public IReadOnlyCollection<AlertContent> Alerts => (IReadOnlyCollection<AlertContent>)_alerts.Values;

    /// <summary>Every cited sentence in the content with where it lives: for audits and fidelity tests.</summary>
    public IEnumerable<(string Where, CitedText Text)> AllFacts()
    {
        // A text's alternative (said where the therapy it relies on is unavailable) is a fact of its own.
        foreach (var (where, text) in StatedFacts())
        {
            yield return (where, text);
            if (text.Instead is { } instead) yield return (where + " (instead)", instead);
        }
    }

    private IEnumerable<(string Where, CitedText Text)> StatedFacts()
    {
        foreach (var t in TherapyCatalog)
            foreach (var f in t.Facts()) yield return ($"therapy {t.Id}", f);
        foreach (var d in Definitions)
        {
            yield return ($"definition {d.Id}", d.Text);
            foreach (var m in d.More) yield return ($"definition {d.Id}", m);
        }
        foreach (var d in Disagreements)
        {
            yield return ($"disagreement {d.Id} (seed)", d.Seed);
            yield return ($"disagreement {d.Id} (guideline)", d.Guideline);
        }
        foreach (var c in BleedingCategories) yield return ($"bleeding category {c.Id}", c.Text);
        foreach (var s in BleedingScales) yield return ($"bleeding scale {s.Id}", s.Text);
        foreach (var r in RiskFactors) yield return ($"risk factor {r.Id}", r.Text);
        foreach (var p in _parameters.Values) yield return ($"parameter {p.Id}", p.Text);
        foreach (var a in _alerts.Values) yield return ($"alert {a.Code}", a.Text);
        foreach (var (key, text) in _ruleTexts) yield return ($"rule text {key.Item1}/{key.Item2}", text);
        foreach (var p in Preferences.Values)
        {
            if (p.FavourText is not null) yield return ($"preference {p.Preference}", p.FavourText);
            if (p.DisfavourText is not null) yield return ($"preference {p.Preference}", p.DisfavourText);
            if (p.AvoidText is not null) yield return ($"preference {p.Preference}", p.AvoidText);
        }
        foreach (var plan in _plans.Values)
            foreach (var e in plan.Entries) yield return ($"plan {plan.Id} {e.Therapy.Id}", e.Reason);
        foreach (var p in Pitfalls) yield return ($"pitfall {p.Id}", p.Text);
        for (var i = 0; i < EmergencySteps.Count; i++) yield return ($"emergency step {i + 1}", EmergencySteps[i]);
        foreach (var (id, text) in Reasoning.Texts) yield return ($"reasoning text {id}", text);
        foreach (var x in Reasoning.Interactions) yield return ($"interaction {x.Therapy}/{x.DrugClass}", x.Text);
        foreach (var x in Reasoning.ProcedureTargets.Values) yield return ($"procedure target {x.Procedure}", x.Text);
        foreach (var x in Reasoning.Titrations.Values)
        {
            yield return ($"titration {x.Therapy} increase", x.Increase);
            yield return ($"titration {x.Therapy} reduce", x.Reduce);
            yield return ($"titration {x.Therapy} hold", x.Hold);
        }
        foreach (var x in Reasoning.Grades.Values) yield return ($"grade {x.Therapy}", x.DurableText);
        foreach (var x in Reasoning.Transitions.Values)
        {
            foreach (var t in x.OnStart) yield return ($"transition {x.Therapy} onStart", t);
            foreach (var t in x.OnStop) yield return ($"transition {x.Therapy} onStop", t);
        }
    }
}
