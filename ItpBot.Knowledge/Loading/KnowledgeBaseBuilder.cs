using System.Text.RegularExpressions;
using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;
using static ItpBot.Knowledge.Loading.ContentLoader;

namespace ItpBot.Knowledge.Loading;

/// <summary>Turns parsed documents into content records, reporting every problem with file, entry and field.</summary>
internal sealed partial class KnowledgeBaseBuilder
{
    // Sanity bounds for content numbers: not clinical advice, just the ranges outside which a value is a typo.
    private const double MaxPerKg = 100;
    private const int EarliestYear = 1900;
    private const int LatestYear = 2100;
    private const double MaxCount = 2000;
    private const double MaxAge = 130;
    private const int MaxRiskWeight = 10;

    private readonly ContentProblems _p;
    private readonly Dictionary<string, Reference> _references = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Therapy> _therapies = new(StringComparer.Ordinal);
    private string _version = string.Empty;
    private string _reviewDate = string.Empty;
    private string _reviewStatus = string.Empty;
    private readonly List<Definition> _definitions = [];
    private readonly List<Disagreement> _disagreements = [];
    private readonly List<IdText> _categories = [];
    private readonly List<IdText> _scales = [];
    private readonly List<RiskFactor> _riskFactors = [];
    private int _highFrom;
    private int _moderateFrom;
    private readonly Dictionary<string, RuleParameter> _parameters = new(StringComparer.Ordinal);
    private int _rankingStep;
    private readonly Dictionary<string, AlertContent> _alerts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), CitedText> _ruleTexts = [];
    private readonly Dictionary<Preference, PreferenceRule> _preferences = [];
    private readonly Dictionary<string, TreatmentPlan> _plans = new(StringComparer.Ordinal);
    private readonly List<IdText> _pitfalls = [];
    private readonly List<CitedText> _emergencySteps = [];

    public KnowledgeBaseBuilder(ReferencesDoc doc)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in doc.References ?? []) if (r.Id is not null) ids.Add(r.Id);
        _p = new ContentProblems(ids);
        if (doc.References is null || doc.References.Count == 0)
            _p.Add(ReferencesFile, "(file)", "references", "needs at least one reference");
        _p.Unique((doc.References ?? []).Select(r => r.Id), ReferencesFile, "id");
        var index = 0;
        foreach (var r in doc.References ?? [])
        {
            var entry = r.Id ?? $"#{index}";
            var id = _p.Required(r.Id, ReferencesFile, entry, "id");
            var reference = new Reference
            {
                Id = id,
                Title = _p.Required(r.Title, ReferencesFile, entry, "title"),
                Publisher = _p.Required(r.Publisher, ReferencesFile, entry, "publisher"),
                Year = (int)_p.Range(r.Year, EarliestYear, LatestYear, ReferencesFile, entry, "year"),
                Url = string.IsNullOrWhiteSpace(r.Url) ? null : r.Url.Trim(),
            };
            if (reference.Url is not null && !Uri.TryCreate(reference.Url, UriKind.Absolute, out _))
                _p.Add(ReferencesFile, entry, "url", $"is not an absolute URL ('{reference.Url}')");
            _references.TryAdd(id, reference);
            index++;
        }
    }

    public void ReadMeta(MetaDoc doc)
    {
        _version = _p.Required(doc.Version, MetaFile, "(file)", "version");
        _reviewDate = _p.Required(doc.ReviewDate, MetaFile, "(file)", "reviewDate");
        _reviewStatus = _p.Required(doc.ReviewStatus, MetaFile, "(file)", "reviewStatus");
        if (_reviewDate.Length > 0 && !DateOnly.TryParseExact(_reviewDate, "yyyy-MM-dd", out _))
            _p.Add(MetaFile, "(file)", "reviewDate", $"must be a date yyyy-MM-dd (was '{_reviewDate}')");
    }

    public void ReadTherapies(TherapiesDoc doc)
    {
        var list = doc.Therapies ?? [];
        _p.Unique(list.Select(t => t.Id), TherapiesFile, "id");
        var index = 0;
        foreach (var t in list)
        {
            var entry = t.Id ?? $"#{index++}";
            var id = _p.Required(t.Id, TherapiesFile, entry, "id");
            if (id.Length > 0 && !TherapyIds.IsKnown(id))
                _p.Add(TherapiesFile, entry, "id", $"'{id}' is not a contract therapy id");
            var traits = (t.Traits ?? []).ToHashSet(StringComparer.Ordinal);
            foreach (var trait in traits.Where(x => !TherapyTraits.All.Contains(x)))
                _p.Add(TherapiesFile, entry, "traits", $"unknown trait '{trait}'");
            var therapy = new Therapy
            {
                Id = id,
                Name = _p.Required(t.Name, TherapiesFile, entry, "name"),
                Synonyms = (t.Synonyms ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList(),
                DrugClass = _p.Required(t.DrugClass, TherapiesFile, entry, "drugClass"),
                Group = _p.Required(t.Group, TherapiesFile, entry, "group"),
                Line = _p.Enum<LineOfTherapy>(t.Line, TherapiesFile, entry, "line"),
                Route = _p.Enum<TherapyRoute>(t.Route, TherapiesFile, entry, "route"),
                Traits = traits,
                Summary = _p.Text(t.Summary, TherapiesFile, entry, "summary"),
                Dosing = ReadDosing(t.Dosing, entry),
                Onset = t.Onset is null ? null : _p.Text(t.Onset, TherapiesFile, entry, "onset"),
                ResponseRates = (t.ResponseRates ?? []).Select((r, i) => new ResponseRate(
                    _p.Text(r.Text, r.Patient, r.Citations, r.Uncertain, TherapiesFile, entry, $"responseRates[{i}]"),
                    _p.Required(r.Population, TherapiesFile, entry, $"responseRates[{i}].population"))).ToList(),
                AdverseEffects = Texts(t.AdverseEffects, entry, "adverseEffects"),
                Monitoring = Texts(t.Monitoring, entry, "monitoring"),
                Contraindications = Texts(t.Contraindications, entry, "contraindications"),
                Pregnancy = t.Pregnancy is null
                    ? Missing<PregnancySafety>(entry, "pregnancy", new PregnancySafety(PregnancyStatus.Caution, new CitedText("", null, [])))
                    : new PregnancySafety(
                        _p.Enum<PregnancyStatus>(t.Pregnancy.Status, TherapiesFile, entry, "pregnancy.status"),
                        _p.Text(t.Pregnancy.Text, t.Pregnancy.Patient, t.Pregnancy.Citations, false, TherapiesFile, entry, "pregnancy"),
                        string.IsNullOrWhiteSpace(t.Pregnancy.Planned) ? null : t.Pregnancy.Planned.Trim()),
                Access = Texts(t.Access, entry, "access"),
                ComorbidityCautions = (t.ComorbidityCautions ?? []).Select((c, i) => new ComorbidityCaution(
                    _p.Enum<Comorbidity>(c.Comorbidity, TherapiesFile, entry, $"comorbidityCautions[{i}].comorbidity"),
                    c.Demote,
                    _p.Text(c.Text, c.Patient, c.Citations, c.Uncertain, TherapiesFile, entry, $"comorbidityCautions[{i}]")) { Avoid = c.Avoid }).ToList(),
            };
            if (id.Length > 0) _therapies.TryAdd(id, therapy);
        }
        foreach (var missing in TherapyIds.All.Where(id => !_therapies.ContainsKey(id)).Order(StringComparer.Ordinal))
            _p.Add(TherapiesFile, missing, "id", "contract therapy id has no content");
    }

    private T Missing<T>(string entry, string field, T placeholder)
    {
        _p.Add(TherapiesFile, entry, field, "is required");
        return placeholder;
    }

    private List<CitedText> Texts(List<TextDoc>? docs, string entry, string field) =>
        (docs ?? []).Select((d, i) => _p.Text(d, TherapiesFile, entry, $"{field}[{i}]")).ToList();

    private List<DosingRegimen> ReadDosing(List<RegimenDoc>? docs, string entry)
    {
        var list = docs ?? [];
        _p.Unique(list.Select(d => d.Id), TherapiesFile, $"{entry}.dosing.id");
        var result = new List<DosingRegimen>();
        for (var i = 0; i < list.Count; i++)
        {
            var d = list[i];
            var field = $"dosing[{i}]";
            var id = _p.Required(d.Id, TherapiesFile, entry, field + ".id");
            var text = _p.Text(d.Text, d.Patient, d.Citations, d.Uncertain, TherapiesFile, entry, field);
            WeightBasedDose? weight = null;
            if (d.WeightBased is { } w)
            {
                var wf = field + ".weightBased";
                var low = _p.Range(w.PerKgLow, double.Epsilon, MaxPerKg, TherapiesFile, entry, wf + ".perKgLow");
                if (w.PerKgHigh is { } high && (high < low || high > MaxPerKg))
                    _p.Add(TherapiesFile, entry, wf + ".perKgHigh", $"must be between perKgLow ({low}) and {MaxPerKg} (was {high})");
                if (w.MaxPerKg is { } max && (max < low || max > MaxPerKg))
                    _p.Add(TherapiesFile, entry, wf + ".maxPerKg", $"must be between perKgLow ({low}) and {MaxPerKg} (was {max})");
                var template = _p.Required(w.Template, TherapiesFile, entry, wf + ".template");
                foreach (Match m in Placeholder().Matches(template))
                {
                    var name = m.Groups[1].Value;
                    var ok = name switch
                    {
                        "weight" or "low" => true,
                        "high" => w.PerKgHigh is not null,
                        "max" => w.MaxPerKg is not null,
                        _ => false,
                    };
                    if (!ok) _p.Add(TherapiesFile, entry, wf + ".template", $"placeholder '{{{name}}}' has no value");
                }
                weight = new WeightBasedDose(low, w.PerKgHigh, w.MaxPerKg, template);
            }
            result.Add(new DosingRegimen(id, text, weight));
        }
        return result;
    }

    public void ReadDefinitions(DefinitionsDoc doc)
    {
        var defs = doc.Definitions ?? [];
        _p.Unique(defs.Select(d => d.Id), DefinitionsFile, "id");
        for (var i = 0; i < defs.Count; i++)
        {
            var d = defs[i];
            var entry = d.Id ?? $"#{i}";
            var id = _p.Required(d.Id, DefinitionsFile, entry, "id");
            if (d.Terms is null || d.Terms.Count == 0) _p.Add(DefinitionsFile, entry, "terms", "needs at least one term");
            _definitions.Add(new Definition(id, d.Terms ?? [],
                _p.Text(d.Text, d.Patient, d.Citations, false, DefinitionsFile, entry, "text"))
            {
                More = (d.More ?? []).Select((m, j) =>
                    _p.Text(m.Text, m.Patient, m.Citations, m.Uncertain, DefinitionsFile, entry, $"more[{j}]")).ToList(),
            });
        }
        var disagreements = doc.Disagreements ?? [];
        _p.Unique(disagreements.Select(d => d.Id), DefinitionsFile, "disagreements.id");
        for (var i = 0; i < disagreements.Count; i++)
        {
            var d = disagreements[i];
            var entry = d.Id ?? $"disagreements #{i}";
            _disagreements.Add(new Disagreement(
                _p.Required(d.Id, DefinitionsFile, entry, "id"),
                _p.Required(d.Topic, DefinitionsFile, entry, "topic"),
                _p.Text(d.Seed, DefinitionsFile, entry, "seed"),
                _p.Text(d.Guideline, DefinitionsFile, entry, "guideline")));
        }
    }

    public void ReadBleeding(BleedingDoc doc)
    {
        _categories.AddRange(IdTexts(doc.Categories, BleedingFile, "categories"));
        _scales.AddRange(IdTexts(doc.Scales, BleedingFile, "scales"));
        var factors = doc.RiskFactors ?? [];
        _p.Unique(factors.Select(f => f.Id), BleedingFile, "riskFactors.id");
        for (var i = 0; i < factors.Count; i++)
        {
            var f = factors[i];
            var entry = f.Id ?? $"riskFactors #{i}";
            var kind = _p.Enum<RiskFactorKind>(f.Kind, BleedingFile, entry, "kind");
            double? threshold = kind switch
            {
                RiskFactorKind.CountBelow => _p.Range(f.Threshold, 0, MaxCount, BleedingFile, entry, "threshold"),
                RiskFactorKind.AgeFrom => _p.Range(f.Threshold, 0, MaxAge, BleedingFile, entry, "threshold"),
                _ => null,
            };
            Bleeding? bleeding = kind == RiskFactorKind.Bleeding
                ? _p.Enum<Bleeding>(f.Bleeding, BleedingFile, entry, "bleeding")
                : null;
            var comorbidities = kind == RiskFactorKind.Comorbidity
                ? (f.Comorbidities ?? []).Select((c, j) => _p.Enum<Comorbidity>(c, BleedingFile, entry, $"comorbidities[{j}]")).ToHashSet()
                : [];
            if (kind == RiskFactorKind.Comorbidity && comorbidities.Count == 0)
                _p.Add(BleedingFile, entry, "comorbidities", "needs at least one comorbidity");
            var weight = (int)_p.Range(f.Weight, 0, MaxRiskWeight, BleedingFile, entry, "weight");
            _riskFactors.Add(new RiskFactor(_p.Required(f.Id, BleedingFile, entry, "id"), kind, threshold, bleeding,
                comorbidities, weight, _p.Text(f.Text, null, f.Citations, false, BleedingFile, entry, "text")));
        }
        var total = _riskFactors.Sum(f => f.Weight);
        _highFrom = (int)_p.Range(doc.RiskLevels?.HighFrom, 1, Math.Max(1, total), BleedingFile, "riskLevels", "highFrom");
        _moderateFrom = (int)_p.Range(doc.RiskLevels?.ModerateFrom, 1, Math.Max(1, _highFrom), BleedingFile, "riskLevels", "moderateFrom");
    }

    private List<IdText> IdTexts(List<IdTextDoc>? docs, string file, string field)
    {
        var list = docs ?? [];
        _p.Unique(list.Select(d => d.Id), file, field + ".id");
        return list.Select((d, i) =>
        {
            var entry = d.Id ?? $"{field} #{i}";
            return new IdText(_p.Required(d.Id, file, entry, "id"), _p.Text(d.Text, d.Patient, d.Citations, false, file, entry, "text"));
        }).ToList();
    }

    public void ReadRules(RulesDoc doc)
    {
        var parameters = doc.Parameters ?? [];
        _p.Unique(parameters.Select(x => x.Id), RulesFile, "parameters.id");
        foreach (var x in parameters)
        {
            var id = _p.Required(x.Id, RulesFile, x.Id ?? "parameters", "id");
            if (!ContentKeys.Parameters.SaneRanges.TryGetValue(id, out var range))
            {
                _p.Add(RulesFile, id, "id", "unknown parameter (no rule reads it)");
                continue;
            }
            var value = _p.Range(x.Value, range.Min, range.Max, RulesFile, id, "value");
            _parameters.TryAdd(id, new RuleParameter(id, value, _p.Text(x.Text, null, x.Citations, false, RulesFile, id, "text")));
        }
        foreach (var id in ContentKeys.Parameters.SaneRanges.Keys.Where(k => !_parameters.ContainsKey(k) && parameters.All(x => x.Id != k)))
            _p.Add(RulesFile, id, "parameters", "required parameter is missing");

        _rankingStep = (int)_p.Range(doc.Ranking?.Step, 1, 100, RulesFile, "ranking", "step");

        var alerts = doc.Alerts ?? [];
        _p.Unique(alerts.Select(a => a.Code), RulesFile, "alerts.code");
        var knownCodes = typeof(AlertCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.Ordinal);
        foreach (var a in alerts)
        {
            var code = _p.Required(a.Code, RulesFile, a.Code ?? "alerts", "code");
            if (!knownCodes.Contains(code)) _p.Add(RulesFile, code, "code", $"'{code}' is not a contract alert code");
            _alerts.TryAdd(code, new AlertContent(code, _p.Text(a.Text, a.Patient, a.Citations, false, RulesFile, code, "text")));
        }
        foreach (var code in knownCodes.Where(c => !_alerts.ContainsKey(c)).Order(StringComparer.Ordinal))
            _p.Add(RulesFile, code, "alerts", "contract alert code has no text");

        var texts = doc.RuleTexts ?? [];
        _p.Unique(texts.Select(t => $"{t.Rule}/{t.Key}"), RulesFile, "ruleTexts");
        foreach (var t in texts)
        {
            var entry = $"{t.Rule}/{t.Key}";
            var key = (_p.Required(t.Rule, RulesFile, entry, "rule"), _p.Required(t.Key, RulesFile, entry, "key"));
            _ruleTexts.TryAdd(key, _p.Text(t.Text, t.Patient, t.Citations, false, RulesFile, entry, "text"));
        }
        foreach (var key in ContentKeys.RuleTexts.All.Where(k => !_ruleTexts.ContainsKey(k)))
            _p.Add(RulesFile, $"{key.Rule}/{key.Key}", "ruleTexts", "required rule text is missing");

        var prefs = doc.Preferences ?? [];
        _p.Unique(prefs.Select(x => x.Preference), RulesFile, "preferences.preference");
        for (var i = 0; i < prefs.Count; i++)
        {
            var x = prefs[i];
            var entry = x.Preference ?? $"preferences #{i}";
            var preference = _p.Enum<Preference>(x.Preference, RulesFile, entry, "preference");
            var rule = new PreferenceRule(
                preference,
                Routes(x.FavourRoutes, entry, "favourRoutes"),
                Routes(x.DisfavourRoutes, entry, "disfavourRoutes"),
                Routes(x.AvoidRoutes, entry, "avoidRoutes"),
                (x.FavourTraits ?? []).ToHashSet(StringComparer.Ordinal),
                x.FavourText is null ? null : _p.Text(x.FavourText, RulesFile, entry, "favourText"),
                x.DisfavourText is null ? null : _p.Text(x.DisfavourText, RulesFile, entry, "disfavourText"),
                x.AvoidText is null ? null : _p.Text(x.AvoidText, RulesFile, entry, "avoidText"));
            foreach (var trait in rule.FavourTraits.Where(t => !TherapyTraits.All.Contains(t)))
                _p.Add(RulesFile, entry, "favourTraits", $"unknown trait '{trait}'");
            if ((rule.FavourRoutes.Count > 0 || rule.FavourTraits.Count > 0) && rule.FavourText is null)
                _p.Add(RulesFile, entry, "favourText", "is required when something is favoured");
            if (rule.DisfavourRoutes.Count > 0 && rule.DisfavourText is null)
                _p.Add(RulesFile, entry, "disfavourText", "is required when a route is disfavoured");
            if (rule.AvoidRoutes.Count > 0 && rule.AvoidText is null)
                _p.Add(RulesFile, entry, "avoidText", "is required when a route is avoided");
            _preferences.TryAdd(preference, rule);
        }
    }

    private HashSet<TherapyRoute> Routes(List<string>? routes, string entry, string field) =>
        (routes ?? []).Select((r, i) => _p.Enum<TherapyRoute>(r, RulesFile, entry, $"{field}[{i}]")).ToHashSet();

    public void ReadPlans(PlansDoc doc)
    {
        var plans = doc.Plans ?? [];
        _p.Unique(plans.Select(x => x.Id), PlansFile, "id");
        foreach (var plan in plans)
        {
            var id = _p.Required(plan.Id, PlansFile, plan.Id ?? "plans", "id");
            if (!ContentKeys.Plans.All.Contains(id)) _p.Add(PlansFile, id, "id", "unknown plan (no rule uses it)");
            var entries = new List<PlanEntry>();
            var list = plan.Entries ?? [];
            if (list.Count == 0) _p.Add(PlansFile, id, "entries", "needs at least one entry");
            _p.Unique(list.Select(e => e.Therapy), PlansFile, $"{id}.entries.therapy");
            for (var i = 0; i < list.Count; i++)
            {
                var e = list[i];
                var field = $"entries[{i}]";
                var therapyId = _p.Required(e.Therapy, PlansFile, id, field + ".therapy");
                if (!_therapies.TryGetValue(therapyId, out var therapy))
                {
                    _p.Add(PlansFile, id, field + ".therapy", $"'{therapyId}' is not a known therapy");
                    continue;
                }
                if (e.Regimen is not null && therapy.Dosing.All(r => r.Id != e.Regimen))
                    _p.Add(PlansFile, id, field + ".regimen", $"therapy '{therapyId}' has no regimen '{e.Regimen}'");
                entries.Add(new PlanEntry(therapy, _p.Enum<PlanTier>(e.Tier, PlansFile, id, field + ".tier"),
                    e.Combined, e.Regimen, _p.Text(e.Reason, PlansFile, id, field + ".reason")));
            }
            _plans.TryAdd(id, new TreatmentPlan(id, entries));
        }
        foreach (var id in ContentKeys.Plans.All.Where(k => !_plans.ContainsKey(k)))
            _p.Add(PlansFile, id, "plans", "required plan is missing");
    }

    public void ReadPitfalls(PitfallsDoc pitfalls, EmergencyDoc emergency)
    {
        _pitfalls.AddRange(IdTexts(pitfalls.Pitfalls, PitfallsFile, "pitfalls"));
        var steps = emergency.Steps ?? [];
        if (steps.Count == 0) _p.Add(EmergencyFile, "(file)", "steps", "needs at least one step");
        for (var i = 0; i < steps.Count; i++)
            _emergencySteps.Add(_p.Text(steps[i], EmergencyFile, $"steps[{i}]", "text"));
    }

    public KnowledgeBase Build()
    {
        CheckPregnancyPlanReasons();
        _p.ThrowIfAny();
        return new KnowledgeBase(new KnowledgeBaseParts
        {
            Version = _version,
            ReviewDate = _reviewDate,
            ReviewStatus = _reviewStatus,
            References = _references,
            Therapies = TherapyIds.All.Order(StringComparer.Ordinal).Select(id => _therapies[id]).ToList(),
            Definitions = _definitions,
            Disagreements = _disagreements,
            BleedingCategories = _categories,
            BleedingScales = _scales,
            RiskFactors = _riskFactors,
            HighRiskFrom = _highFrom,
            ModerateRiskFrom = _moderateFrom,
            Parameters = _parameters,
            RankingStep = _rankingStep,
            Alerts = _alerts,
            RuleTexts = _ruleTexts,
            Preferences = _preferences,
            Plans = _plans,
            Pitfalls = _pitfalls,
            EmergencySteps = _emergencySteps,
            Reasoning = _reasoning!,
        });
    }

    // A planned pregnancy's bearing on a therapy makes the intake ask about plans: it must be a cited reasoning text.
    private void CheckPregnancyPlanReasons()
    {
        if (_reasoning is null) return;
        foreach (var therapy in _therapies.Values)
        {
            if (therapy.Pregnancy.Planned is not { } id) continue;
            if (!_reasoning.Texts.TryGetValue(id, out var reason))
                _p.Add(TherapiesFile, therapy.Id, "pregnancy.planned", $"names no reasoning text '{id}'");
            else if (reason.Citations.Count == 0)
                _p.Add(TherapiesFile, therapy.Id, "pregnancy.planned", $"reasoning text '{id}' has no citation");
        }
    }

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex Placeholder();
}

/// <summary>Everything the builder read, handed to <see cref="KnowledgeBase"/> in one piece.</summary>
internal sealed record KnowledgeBaseParts
{
    public required string Version { get; init; }
    public required string ReviewDate { get; init; }
    public required string ReviewStatus { get; init; }
    public required IReadOnlyDictionary<string, Reference> References { get; init; }
    public required IReadOnlyList<Therapy> Therapies { get; init; }
    public required IReadOnlyList<Definition> Definitions { get; init; }
    public required IReadOnlyList<Disagreement> Disagreements { get; init; }
    public required IReadOnlyList<IdText> BleedingCategories { get; init; }
    public required IReadOnlyList<IdText> BleedingScales { get; init; }
    public required IReadOnlyList<RiskFactor> RiskFactors { get; init; }
    public required int HighRiskFrom { get; init; }
    public required int ModerateRiskFrom { get; init; }
    public required IReadOnlyDictionary<string, RuleParameter> Parameters { get; init; }
    public required int RankingStep { get; init; }
    public required IReadOnlyDictionary<string, AlertContent> Alerts { get; init; }
    public required IReadOnlyDictionary<(string, string), CitedText> RuleTexts { get; init; }
    public required IReadOnlyDictionary<Preference, PreferenceRule> Preferences { get; init; }
    public required IReadOnlyDictionary<string, TreatmentPlan> Plans { get; init; }
    public required IReadOnlyList<IdText> Pitfalls { get; init; }
    public required IReadOnlyList<CitedText> EmergencySteps { get; init; }
    public required ReasoningContent Reasoning { get; init; }
}
