using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning.Rules;
using ItpBot.Knowledge.Reasoning.Stages;

namespace ItpBot.Knowledge.Reasoning;

/// <summary>
/// Decides as a haematologist does, in stages, each reading what the one before produced: (1) situation and status
/// (emergency, phase, bleeding risk, whether to treat, refractory or not); (2) today (bridge, bleeding control); (3) the
/// long-term choice: hard constraints remove options with their reason, the plan for this line offers the rest,
/// the rules weigh them and <see cref="ChoiceStage"/> grades and orders them by its written ordering rule;
/// (4) transitions (onStart/onStop and the alerts that follow); (5) today's steps and the decisions, including the
/// clinician's own question, and the bottom line. Stateless after construction: safe to share as a singleton.
/// Deterministic: same profile, same assessment.
/// </summary>
public sealed class TreatmentAdvisor : ITreatmentAdvisor
{
    private readonly KnowledgeBase _kb;
    private readonly IReadOnlyList<IAssessmentRule> _rules;
    private readonly AssessmentComposer _composer;
    private readonly DrugCatalogue _drugs;

    public TreatmentAdvisor(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _kb = knowledge;
        _rules =
        [
            new EmergencyBleedingRule(knowledge),
            new AvailabilityRule(),
            new HardConstraintsRule(knowledge),
            new PhaseRule(knowledge),
            new BleedingRiskRule(knowledge),
            new TreatmentIndicationRule(knowledge),
            new DiseaseStatusRule(knowledge),
            new TreatmentLineRule(knowledge),
            new UrgencyRule(knowledge),
            new PriorOutcomesRule(knowledge),
            new CorticosteroidDependenceRule(knowledge),
            new TpoRaFailureRule(knowledge),
            new CurrentTpoRaInEmergencyRule(knowledge),
            new SplenectomyHistoryRule(knowledge),
            new AccessorySpleenRule(knowledge),
            new SplenectomyTimingRule(knowledge),
            new PreferencesRule(knowledge),
            new ComorbidityRule(knowledge),
            new PregnancyRule(knowledge),
            new EltrombopagStartRule(knowledge),
            new BridgeRule(knowledge),
            new ThrombosisRiskRule(knowledge),
            new AntithromboticRule(knowledge),
            new ReassessDiagnosisRule(knowledge),
            new UpcomingProcedureRule(knowledge),
            new RituximabHbvRule(knowledge),
            new SplenectomyVaccinationRule(knowledge),
            new HaemostaticTargetRule(knowledge),
            new ChoiceStage(knowledge),
            new TransitionsStage(knowledge),
            new TodayStage(knowledge),
            new MissingStage(knowledge),
        ];
        _drugs = new DrugCatalogue(knowledge);
        _composer = new AssessmentComposer(knowledge);
    }

    /// <summary>The rule names in the order they run.</summary>
    public IReadOnlyList<string> RuleOrder => _rules.Select(r => r.Name).ToList();

    public Assessment Assess(PatientProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var draft = NewDraft(profile);
        foreach (var rule in _rules) rule.Apply(draft);
        return Compose(draft);
    }

    // The stages one by one, for the benchmarks' stage breakdown (what each rule costs).
    internal IReadOnlyList<IAssessmentRule> Rules => _rules;

    internal AssessmentDraft NewDraft(PatientProfile profile) => new(new PatientFacts(profile, _kb, _drugs));

    internal Assessment Compose(AssessmentDraft draft) => _composer.Compose(draft);
}
