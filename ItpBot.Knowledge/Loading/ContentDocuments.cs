using YamlDotNet.Serialization;

namespace ItpBot.Knowledge.Loading;

// The YAML shape of the content files, as written by content authors. Everything is nullable here: the
// validator reports what is missing with the file, entry and field, instead of a bare deserialiser error.
// Unknown fields are rejected by the deserialiser (schema check).

internal sealed class TextDoc
{
    public string? Text { get; set; }
    public string? Patient { get; set; }
    public List<string>? Citations { get; set; }
    public bool Uncertain { get; set; }
    /// <summary>A therapy the step relies on; with <see cref="Instead"/>, what to say where it cannot be obtained.</summary>
    public string? Uses { get; set; }
    public TextDoc? Instead { get; set; }
}

internal sealed class MetaDoc
{
    public string? Version { get; set; }
    public string? ReviewDate { get; set; }
    public string? ReviewStatus { get; set; }
}

internal sealed class ReferencesDoc
{
    public List<ReferenceDoc>? References { get; set; }
}

internal sealed class ReferenceDoc
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Publisher { get; set; }
    public int? Year { get; set; }
    public string? Url { get; set; }
}

internal sealed class TherapiesDoc
{
    /// <summary>YAML anchors shared by several therapies; read only through aliases.</summary>
    [YamlMember(Alias = "x-anchors", ApplyNamingConventions = false)]
    public Dictionary<string, object>? Anchors { get; set; }

    public List<TherapyDoc>? Therapies { get; set; }
}

internal sealed class TherapyDoc
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string>? Synonyms { get; set; }
    public string? DrugClass { get; set; }
    public string? Group { get; set; }
    public string? Line { get; set; }
    public string? Route { get; set; }
    public List<string>? Traits { get; set; }
    public TextDoc? Summary { get; set; }
    public List<RegimenDoc>? Dosing { get; set; }
    public TextDoc? Onset { get; set; }
    public List<ResponseRateDoc>? ResponseRates { get; set; }
    public List<TextDoc>? AdverseEffects { get; set; }
    public List<TextDoc>? Monitoring { get; set; }
    public List<TextDoc>? Contraindications { get; set; }
    public PregnancyDoc? Pregnancy { get; set; }
    public List<TextDoc>? Access { get; set; }
    public List<ComorbidityCautionDoc>? ComorbidityCautions { get; set; }
}

internal sealed class RegimenDoc
{
    public string? Id { get; set; }
    public string? Text { get; set; }
    public string? Patient { get; set; }
    public WeightBasedDoc? WeightBased { get; set; }
    public List<string>? Citations { get; set; }
    public bool Uncertain { get; set; }
}

internal sealed class WeightBasedDoc
{
    public double? PerKgLow { get; set; }
    public double? PerKgHigh { get; set; }
    public double? MaxPerKg { get; set; }
    public string? Template { get; set; }
}

internal sealed class ResponseRateDoc
{
    public string? Text { get; set; }
    public string? Patient { get; set; }
    public string? Population { get; set; }
    public List<string>? Citations { get; set; }
    public bool Uncertain { get; set; }
}

internal sealed class PregnancyDoc
{
    public string? Status { get; set; }
    public string? Text { get; set; }
    public string? Patient { get; set; }
    public List<string>? Citations { get; set; }
    public string? Planned { get; set; }
}

internal sealed class ComorbidityCautionDoc
{
    public string? Comorbidity { get; set; }
    public bool Demote { get; set; }
    public bool Avoid { get; set; }
    public string? Text { get; set; }
    public string? Patient { get; set; }
    public List<string>? Citations { get; set; }
    public bool Uncertain { get; set; }
}

internal sealed class DefinitionsDoc
{
    public List<DefinitionDoc>? Definitions { get; set; }
    public List<DisagreementDoc>? Disagreements { get; set; }
}

internal sealed class DefinitionDoc
{
    public string? Id { get; set; }
    public List<string>? Terms { get; set; }
    public string? Text { get; set; }
    public string? Patient { get; set; }
    public List<string>? Citations { get; set; }
    public List<TextDoc>? More { get; set; }
}

internal sealed class DisagreementDoc
{
    public string? Id { get; set; }
    public string? Topic { get; set; }
    public TextDoc? Seed { get; set; }
    public TextDoc? Guideline { get; set; }
}

internal sealed class BleedingDoc
{
    public List<IdTextDoc>? Categories { get; set; }
    public List<IdTextDoc>? Scales { get; set; }
    public List<RiskFactorDoc>? RiskFactors { get; set; }
    public RiskLevelsDoc? RiskLevels { get; set; }
}

internal sealed class IdTextDoc
{
    public string? Id { get; set; }
    public string? Text { get; set; }
    public string? Patient { get; set; }
    public List<string>? Citations { get; set; }
}

internal sealed class RiskFactorDoc
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public double? Threshold { get; set; }
    public string? Bleeding { get; set; }
    public List<string>? Comorbidities { get; set; }
    public int? Weight { get; set; }
    public string? Text { get; set; }
    public List<string>? Citations { get; set; }
}

internal sealed class RiskLevelsDoc
{
    public int? HighFrom { get; set; }
    public int? ModerateFrom { get; set; }
}

internal sealed class RulesDoc
{
    public List<ParameterDoc>? Parameters { get; set; }
    public RankingDoc? Ranking { get; set; }
    public List<AlertDoc>? Alerts { get; set; }
    public List<RuleTextDoc>? RuleTexts { get; set; }
    public List<PreferenceDoc>? Preferences { get; set; }
}

internal sealed class ParameterDoc
{
    public string? Id { get; set; }
    public double? Value { get; set; }
    public string? Text { get; set; }
    public List<string>? Citations { get; set; }
}

internal sealed class RankingDoc
{
    public int? Step { get; set; }
}

internal sealed class AlertDoc
{
    public string? Code { get; set; }
    public string? Text { get; set; }
    public string? Patient { get; set; }
    public List<string>? Citations { get; set; }
}

internal sealed class RuleTextDoc
{
    public string? Rule { get; set; }
    public string? Key { get; set; }
    public string? Text { get; set; }
    public string? Patient { get; set; }
    public List<string>? Citations { get; set; }
}

internal sealed class PreferenceDoc
{
    public string? Preference { get; set; }
    public List<string>? FavourRoutes { get; set; }
    public List<string>? DisfavourRoutes { get; set; }
    public List<string>? AvoidRoutes { get; set; }
    public List<string>? FavourTraits { get; set; }
    public TextDoc? FavourText { get; set; }
    public TextDoc? DisfavourText { get; set; }
    public TextDoc? AvoidText { get; set; }
}

internal sealed class PlansDoc
{
    public List<PlanDoc>? Plans { get; set; }
}

internal sealed class PlanDoc
{
    public string? Id { get; set; }
    public List<PlanEntryDoc>? Entries { get; set; }
}

internal sealed class PlanEntryDoc
{
    public string? Therapy { get; set; }
    public string? Tier { get; set; }
    public bool Combined { get; set; }
    public string? Regimen { get; set; }
    public TextDoc? Reason { get; set; }
}

internal sealed class PitfallsDoc
{
    public List<IdTextDoc>? Pitfalls { get; set; }
}

internal sealed class EmergencyDoc
{
    public List<TextDoc>? Steps { get; set; }
}

internal sealed class ReasoningDoc
{
    public List<IdTextDoc2>? Texts { get; set; }
    public List<DrugDoc>? Drugs { get; set; }
    public List<InteractionDoc>? Interactions { get; set; }
    public List<ProcedureTargetDoc>? ProcedureTargets { get; set; }
    public List<TitrationDoc>? Titration { get; set; }
    public List<GradeDoc>? Grades { get; set; }
    public List<TransitionDoc>? Transitions { get; set; }
    public List<QuestionDoc>? Questions { get; set; }
}

/// <summary>A keyed text that may be uncertain (then it may have no citation).</summary>
internal sealed class IdTextDoc2
{
    public string? Id { get; set; }
    public string? Text { get; set; }
    public string? Patient { get; set; }
    public List<string>? Citations { get; set; }
    public bool Uncertain { get; set; }
    public string? Uses { get; set; }
    public TextDoc? Instead { get; set; }
}

internal sealed class DrugDoc
{
    public string? Name { get; set; }
    public List<string>? Synonyms { get; set; }
    public List<string>? Classes { get; set; }
    public List<string>? Citations { get; set; }
}

internal sealed class InteractionDoc
{
    public string? Therapy { get; set; }
    public string? Class { get; set; }
    public string? Severity { get; set; }
    public string? Text { get; set; }
    public string? Patient { get; set; }
    public List<string>? Citations { get; set; }
}

internal sealed class ProcedureTargetDoc
{
    public string? Procedure { get; set; }
    public double? CountFrom { get; set; }
    public string? Text { get; set; }
    public List<string>? Citations { get; set; }
    public bool Uncertain { get; set; }
}

internal sealed class TitrationDoc
{
    public string? Therapy { get; set; }
    public string? Unit { get; set; }
    public double? Step { get; set; }
    public double? Max { get; set; }
    public double? IncreaseBelow { get; set; }
    public double? ReduceFrom { get; set; }
    public double? HoldAbove { get; set; }
    public TextDoc? Increase { get; set; }
    public TextDoc? Reduce { get; set; }
    public TextDoc? Hold { get; set; }
}

internal sealed class GradeDoc
{
    public string? Therapy { get; set; }
    public double? Durable { get; set; }
    public string? ComparableTo { get; set; }
    public double? FavourableDurable { get; set; }
    public TextDoc? DurableText { get; set; }
    public string? Durability { get; set; }
    public string? Onset { get; set; }
    public string? Burden { get; set; }
}

internal sealed class TransitionDoc
{
    public string? Therapy { get; set; }
    public List<TextDoc>? OnStart { get; set; }
    public List<TextDoc>? OnStop { get; set; }
}

internal sealed class QuestionDoc
{
    public string? Kind { get; set; }
    public List<string>? Words { get; set; }
}
