using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>
/// Bleeding emergency in a patient already on a TPO-RA: the emergency plan's TPO-RA step (ICR 2019) is for patients
/// not yet on one, so no second TPO-RA is listed; continuing or switching is left to the treating haematologist.
/// </summary>
internal sealed class CurrentTpoRaInEmergencyRule(KnowledgeBase kb) : IAssessmentRule
{
    private const string RuleName = "current-tpo-ra";
    private readonly RuleMessage _notAnother = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.CurrentTpoRaInEmergency));

    public string Name => RuleName;

    public void Apply(AssessmentDraft draft)
    {
        if (!draft.Emergency) return;
        var facts = draft.Facts;
        string? current = null;
        foreach (var prior in facts.Priors)
        {
            if (prior.Outcome is not (TreatmentOutcome.Ongoing or TreatmentOutcome.Response or TreatmentOutcome.Dependent)) continue;
            if (facts.TherapyOf(prior) is { IsTpoRa: true } therapy) current = therapy.Id;
        }
        if (current is null) return;

        foreach (var candidate in draft.Candidates.ToList())
            if (candidate.Therapy.IsTpoRa && candidate.Therapy.Id != current)
                draft.MoveToAvoid(candidate.Therapy.Id, _notAnother);
    }
}
