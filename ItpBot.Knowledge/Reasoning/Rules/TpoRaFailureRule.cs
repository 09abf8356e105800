using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>
/// A TPO-RA failed: check dose, adherence and absorption first, then switch to another TPO-RA. A "failure" whose
/// trial is in doubt (a dose below the label maximum, missed doses, cations taken with it) is not yet a failure: the
/// agent stays, and the current one, under-dosed, leads (titrate before switching).
/// </summary>
internal sealed class TpoRaFailureRule(KnowledgeBase kb) : IAssessmentRule
{
    private const string RuleName = "tpo-ra-failure";
    private readonly int _step = kb.RankingStep;
    private readonly AlertContent _alert = kb.Alert(AlertCodes.CheckAdherenceAndAbsorption);
    private readonly RuleMessage _switch = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.TpoRaSwitch));
    private readonly RuleMessage _switchFirst = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.TpoRaSwitchBeforeCombination));
    private readonly RuleMessage _failed = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.TpoRaFailedAgent));
    private readonly CitedText _notFailed = kb.Reasoning.Text(ContentKeys.ReasoningTexts.TpoNotFailed);

    public string Name => RuleName;

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        var failedTpoRas = 0;
        var inDoubt = 0;
        foreach (var prior in facts.Priors)
        {
            if (prior.Outcome is not (TreatmentOutcome.NoResponse or TreatmentOutcome.Relapsed)) continue;
            if (facts.TherapyOf(prior) is not { IsTpoRa: true } therapy) continue;
            if (facts.TpoRaTrialInDoubt(prior))
            {
                inDoubt++;
                if (draft.Find(therapy.Id) is not { } kept) continue;
                kept.Note(draft.Say(_notFailed, ("therapy", therapy.Name)), _notFailed.Citations);
                // Under-dosed and still taken: titrate it before anything else.
                if (facts.IsCurrent(therapy.Id) && UnderDosed(prior, therapy)) kept.Lead = true;
                continue;
            }
            failedTpoRas++;
            draft.MoveToAvoid(therapy.Id, _failed);
        }
        if (failedTpoRas == 0 && inDoubt == 0) return;

        draft.Alert(_alert);
        if (failedTpoRas == 0) return;
        if (draft.PlanId == ContentKeys.Plans.Refractory && failedTpoRas == 1)
        {
            // The alert says "then switch" (50-80% respond); combinations are for failure of several
            // second-line options (ASH Education 2024), so after a single TPO-RA the switch leads.
            PutTpoRasFirst(draft);
            return;
        }
        // After two TPO-RAs in refractory disease the plan's combinations lead; a further switch is explained, not promoted.
        var steps = draft.PlanId == ContentKeys.Plans.Refractory ? 0 : -_step;
        foreach (var candidate in draft.Candidates)
            if (candidate.Therapy.IsTpoRa) draft.Rank(candidate, steps, _switch);
    }

    private bool UnderDosed(PriorTreatment prior, Therapy therapy) =>
        prior.Note is { } note && kb.Reasoning.Titrations.TryGetValue(therapy.Id, out var t)
        && DoseInNote.Read(note, t.Unit) is { } dose && dose < t.Max;

    private void PutTpoRasFirst(AssessmentDraft draft)
    {
        if (draft.Candidates.Count == 0) return;
        var lowest = draft.Candidates.Min(c => c.Score);
        var highest = draft.Candidates.Max(c => c.Score);
        // Moving every TPO-RA by the same amount keeps their order among themselves.
        var steps = lowest - highest - 1;
        foreach (var candidate in draft.Candidates)
            if (candidate.Therapy.IsTpoRa) draft.Rank(candidate, steps, _switchFirst);
    }
}
