using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>
/// Corticosteroid-dependent or non-responding: move on to second line now (switch-to-second-line), and no more
/// maintenance corticosteroids (prolonged-corticosteroids). A course still running beyond the content's maximum
/// weeks also raises prolonged-corticosteroids.
/// </summary>
internal sealed class CorticosteroidDependenceRule(KnowledgeBase kb) : IAssessmentRule
{
    // Calendar conversion, not a clinical number.
    private const double WeeksPerMonth = 52.0 / 12.0;
    private readonly double _maxWeeks = kb.Parameter(ContentKeys.Parameters.CorticosteroidMaxWeeks).Value;
    private readonly AlertContent _switch = kb.Alert(AlertCodes.SwitchToSecondLine);
    private readonly AlertContent _prolonged = kb.Alert(AlertCodes.ProlongedCorticosteroids);
    private readonly RuleMessage _avoid = new("corticosteroid-dependence", kb.RuleText(ContentKeys.RuleTexts.CorticosteroidAvoidMaintenance));

    public string Name => "corticosteroid-dependence";

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        bool dependent = false, noResponse = false, ongoing = false;
        foreach (var prior in facts.Priors)
        {
            if (facts.TherapyOf(prior) is not { IsCorticosteroid: true }) continue;
            dependent |= prior.Outcome == TreatmentOutcome.Dependent;
            noResponse |= prior.Outcome == TreatmentOutcome.NoResponse;
            ongoing |= prior.Outcome == TreatmentOutcome.Ongoing;
        }
        var beyondMaximum = ongoing && facts.Profile.MonthsSinceDiagnosis * WeeksPerMonth > _maxWeeks;
        if (dependent || beyondMaximum) draft.Alert(_prolonged);
        if (!dependent && !noResponse) return;

        draft.Alert(_switch);
        // Emergency pulses stay available; what must stop is maintenance.
        if (!draft.Emergency) draft.MoveToAvoid(TherapyIds.Prednisone, _avoid);
    }
}
