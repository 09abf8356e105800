using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Stages;

/// <summary>
/// Stage 4: the alerts that follow from the options shown and their onStart/onStop steps (the steps themselves are
/// content, prepared once per therapy by <see cref="AssessmentComposer"/>), and from the
/// options and the patient: asplenia care, HBV prophylaxis, contraception, steroid taper, rebound on stop, drug
/// interactions.
/// </summary>
internal sealed class TransitionsStage(KnowledgeBase kb) : IAssessmentRule
{
    // "Near the top": the options a clinician reads before deciding (first choice and the next two).
    private const int NearTop = 3;
    private readonly ReasoningContent _r = kb.Reasoning;
    private readonly AlertContent _asplenia = kb.Alert(AlertCodes.AspleniaCare);
    private readonly AlertContent _hbv = kb.Alert(AlertCodes.HbvProphylaxis);
    private readonly AlertContent _contraception = kb.Alert(AlertCodes.Contraception);
    private readonly AlertContent _steroidTaper = kb.Alert(AlertCodes.SteroidTaper);
    private readonly AlertContent _rebound = kb.Alert(AlertCodes.ReboundOnStop);
    private readonly AlertContent _interaction = kb.Alert(AlertCodes.DrugInteraction);

    public string Name => "transitions";

    public void Apply(AssessmentDraft draft)
    {
        // The content's onStart/onStop steps are prepared once per therapy and audience (AssessmentComposer).
        var facts = draft.Facts;

        if (facts.SplenectomyDone) draft.Alert(_asplenia);
        if (facts.HbvExposed && draft.Offers(TherapyIds.Rituximab)) draft.Alert(_hbv);

        var top = TopOptions(draft);
        var harmful = top.Any(c => c.Therapy.Id == TherapyIds.Rituximab
            || c.Therapy.Pregnancy.Status is PregnancyStatus.Avoid or PregnancyStatus.Contraindicated);
        var currentHarmful = draft.ReplacingCurrent is { Pregnancy.Status: PregnancyStatus.Avoid or PregnancyStatus.Contraindicated };
        if (facts.CouldBecomePregnant && (harmful || currentHarmful)) draft.Alert(_contraception);

        if (OnCorticosteroids(facts) && (draft.AvoidOf(TherapyIds.Prednisone) is not null || draft.IsBlocked(TherapyIds.Prednisone)))
            draft.Alert(_steroidTaper);

        if (draft.StoppingTpoRas.Count > 0 || TaperingCurrentTpoRa(draft)) draft.Alert(_rebound);

        var avoidedForInteraction = false;
        for (var i = 0; i < _r.Interactions.Count; i++)
            if (_r.Interactions[i].Severity == InteractionSeverity.Avoid && facts.TakesClass(_r.Interactions[i].DrugClass)) avoidedForInteraction = true;
        if (draft.Interactions.Count > 0 || avoidedForInteraction) draft.Alert(_interaction);
    }

    /// <summary>A current TPO-RA that works, in a patient who wants to be drug-free or time-limited: the taper is on the table.</summary>
    public static bool TaperingCurrentTpoRa(AssessmentDraft draft) =>
        draft.ContinuingCurrent is { IsTpoRa: true } && (draft.Facts.Prefers(Preference.DrugFree) || draft.Facts.Prefers(Preference.TimeLimited));

    /// <summary>The first choice and the next options a clinician reads; computed once after the choice stage ordered them.</summary>
    public static IReadOnlyList<Candidate> TopOptions(AssessmentDraft draft) => draft.Top ??= Top(draft.Candidates);

    // The primary options by score, then plan position (a stable insertion sort, as OrderBy/ThenBy was), the first three.
    private static List<Candidate> Top(List<Candidate> candidates)
    {
        var top = new List<Candidate>(candidates.Count);
        foreach (var c in candidates)
        {
            if (c.Tier != PlanTier.Primary) continue;
            var at = top.Count;
            while (at > 0 && (top[at - 1].Score > c.Score || (top[at - 1].Score == c.Score && top[at - 1].PlanIndex > c.PlanIndex))) at--;
            top.Insert(at, c);
        }
        if (top.Count > NearTop) top.RemoveRange(NearTop, top.Count - NearTop);
        return top;
    }

    private static bool OnCorticosteroids(PatientFacts facts)
    {
        foreach (var p in facts.Priors)
            if (p.Outcome is TreatmentOutcome.Dependent or TreatmentOutcome.Ongoing && facts.TherapyOf(p) is { IsCorticosteroid: true }) return true;
        foreach (var d in facts.Drugs)
            if (d.TherapyId is { } id && facts.Knowledge.Therapy(id).IsCorticosteroid) return true;
        return false;
    }

}
