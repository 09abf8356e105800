using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>
/// Picks the candidate plan: first line, second line (corticosteroid dependence or no response, or ITP beyond
/// the newly diagnosed phase), refractory (several treatments beyond first line failed), or the pregnancy plans.
/// </summary>
internal sealed class TreatmentLineRule(KnowledgeBase kb) : IAssessmentRule
{
    private const string RuleName = "treatment-line";
    private readonly Dictionary<string, PreparedPlan> _plans = new[]
    {
        ContentKeys.Plans.FirstLine, ContentKeys.Plans.SecondLine, ContentKeys.Plans.Refractory,
        ContentKeys.Plans.PregnancyFirstLine, ContentKeys.Plans.PregnancySecondLine, ContentKeys.Plans.Procedure,
        ContentKeys.Plans.LowResource, ContentKeys.Plans.PregnancyPlanned,
    }.ToDictionary(id => id, id => new PreparedPlan(kb.Plan(id), RuleName));

    public string Name => RuleName;

    public void Apply(AssessmentDraft draft)
    {
        if (draft.Emergency || draft.TreatmentIndicated == false) return;
        var facts = draft.Facts;
        if (facts.Profile.PriorTreatments is null) draft.NeedsToKnow(ProfileFields.PriorTreatments);
        var plan = ChoosePlan(draft, facts);
        draft.Offer(_plans[plan], plan);
    }

    private readonly IReadOnlyList<string> _tpoRas = kb.TherapyCatalog.Where(t => t.IsTpoRa).Select(t => t.Id).ToList();

    private string ChoosePlan(AssessmentDraft draft, PatientFacts facts)
    {
        var firstLineFailed = false;
        var beyondFirstLine = false;
        foreach (var prior in facts.Priors)
        {
            var therapy = facts.TherapyOf(prior);
            if (therapy is null) continue;
            if (therapy.Line is LineOfTherapy.Second or LineOfTherapy.Third) beyondFirstLine = true;
            if ((therapy.IsCorticosteroid || therapy.Line == LineOfTherapy.Rescue)
                && (PatientFacts.IsNonResponse(prior.Outcome) || prior.Outcome == TreatmentOutcome.Intolerant))
                firstLineFailed = true;
        }

        // Pregnancy plans already plan around delivery, with pregnancy doses.
        if (draft.TreatOnlyForProcedure && !facts.Pregnant) return ContentKeys.Plans.Procedure;
        if (facts.Pregnant)
            return firstLineFailed ? ContentKeys.Plans.PregnancySecondLine : ContentKeys.Plans.PregnancyFirstLine;
        // A working treatment replaced before a planned pregnancy: options that do not stand in the way of conception.
        if (facts.PregnancyPlanned && facts.CouldBecomePregnant && (draft.ReplacingCurrent is not null || beyondFirstLine || firstLineFailed))
            return ContentKeys.Plans.PregnancyPlanned;
        var lowResource = _tpoRas.All(id => facts.Profile.Unavailable?.Contains(id) == true);
        // Combinations are for failure of several second-line options (ASH Education 2024), not a splenectomy alone.
        if (draft.RefractoryMulti)
            return lowResource ? ContentKeys.Plans.LowResource : ContentKeys.Plans.Refractory;
        if (firstLineFailed || beyondFirstLine || draft.Phase is Phase.Persistent or Phase.Chronic || draft.ReplacingCurrent is not null)
            return lowResource ? ContentKeys.Plans.LowResource : ContentKeys.Plans.SecondLine;
        return ContentKeys.Plans.FirstLine;
    }
}
