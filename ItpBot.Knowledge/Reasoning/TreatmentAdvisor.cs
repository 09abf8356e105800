using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning.Rules;

namespace ItpBot.Knowledge.Reasoning;

/// <summary>
/// Runs the clinical rules over a profile in a fixed order, emergency first, and composes the cited assessment.
/// Stateless after construction: safe to share as a singleton. Deterministic: same profile, same assessment.
/// </summary>
public sealed class TreatmentAdvisor : ITreatmentAdvisor
{
    private readonly KnowledgeBase _kb;
    private readonly IReadOnlyList<IAssessmentRule> _rules;
    private readonly AssessmentComposer _composer;

    public TreatmentAdvisor(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _kb = knowledge;
        _rules =
        [
            new EmergencyBleedingRule(knowledge),
            new AvailabilityRule(),
            new PhaseRule(knowledge),
            new BleedingRiskRule(knowledge),
            new TreatmentIndicationRule(knowledge),
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
            new ThrombosisRiskRule(knowledge),
            new AntithromboticRule(knowledge),
            new ReassessDiagnosisRule(knowledge),
            new UpcomingProcedureRule(knowledge),
            new RituximabHbvRule(knowledge),
            new SplenectomyVaccinationRule(knowledge),
            new HaemostaticTargetRule(knowledge),
        ];
        _composer = new AssessmentComposer(knowledge);
    }

    /// <summary>The rule names in the order they run.</summary>
    public IReadOnlyList<string> RuleOrder => _rules.Select(r => r.Name).ToList();

    public Assessment Assess(PatientProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var draft = new AssessmentDraft(new PatientFacts(profile, _kb));
        foreach (var rule in _rules) rule.Apply(draft);
        return _composer.Compose(draft);
    }
}
