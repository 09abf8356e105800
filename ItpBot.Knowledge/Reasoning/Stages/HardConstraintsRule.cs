using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;
using K = ItpBot.Knowledge.Content.ContentKeys.ReasoningTexts;

namespace ItpBot.Knowledge.Reasoning.Stages;

/// <summary>
/// Stage 3a, before any plan is offered: the hard constraints that remove an option for this patient, each named in
/// <c>avoid</c> with its reason whether or not a plan would have offered it. A label stop rule (eltrombopag and ALT),
/// active liver injury for hepatotoxic drugs, kidney disease for cyclosporine, a planned pregnancy for drugs that
/// harm one, a label's "avoid" drug interaction, splenectomy during anticoagulation for a thrombosis, and a current
/// TPO-RA in pregnancy. Pregnancy itself and availability have their own rules.
/// </summary>
internal sealed class HardConstraintsRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly ReasoningContent _r = kb.Reasoning;
    private readonly double _altStop = kb.Parameter(ContentKeys.Parameters.EltrombopagStopAltTimesUln).Value;
    private readonly AlertContent _hepatotoxicity = kb.Alert(AlertCodes.HepatotoxicityStop);
    private readonly AlertContent _rebound = kb.Alert(AlertCodes.ReboundOnStop);
    private readonly IReadOnlyList<Therapy> _teratogens = kb.TherapyCatalog
        .Where(t => t.Pregnancy.Status is PregnancyStatus.Avoid or PregnancyStatus.Contraindicated).ToList();
    private readonly IReadOnlyList<(Therapy Therapy, ComorbidityCaution Caution)> _comorbidityAvoids = kb.TherapyCatalog
        .SelectMany(t => t.ComorbidityCautions.Where(c => c.Avoid).Select(c => (t, c))).ToList();
    private readonly IReadOnlyList<Therapy> _tpoRas = kb.TherapyCatalog.Where(t => t.IsTpoRa).ToList();

    public string Name => "hard-constraints";

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        var profile = facts.Profile;

        // The eltrombopag label stop rule: at or above the threshold, eltrombopag stops (or is not started).
        if (profile.AltTimesUpperLimit is { } alt && alt >= _altStop)
        {
            var text = _r.Text(K.EltrombopagStopRule);
            draft.MoveToAvoid(TherapyIds.Eltrombopag, draft.Say(text, ("alt", WeightBasedDose.Format(alt))), text.Citations);
            if (facts.IsCurrent(TherapyIds.Eltrombopag))
            {
                draft.Alert(_hepatotoxicity);
                StopCurrent(draft, kb.Therapy(TherapyIds.Eltrombopag), _r.Text(K.TpoStopRuleMet));
            }
        }

        foreach (var (therapy, caution) in _comorbidityAvoids)
        {
            var applies = facts.Has(caution.Comorbidity)
                || (caution.Comorbidity == Comorbidity.LiverDisease && facts.LiverInjury);
            if (!applies) continue;
            var text = caution.Comorbidity == Comorbidity.LiverDisease && !facts.Has(Comorbidity.LiverDisease)
                ? _r.Text(K.HepatotoxicLiver)
                : caution.Text;
            draft.MoveToAvoid(therapy.Id, draft.Say(text, ("therapy", therapy.Name)), text.Citations);
        }

        if (facts.PregnancyPlanned)
        {
            var planned = _r.Text(K.TeratogenPlanned);
            foreach (var t in _teratogens)
            {
                var reason = draft.Say(planned, ("therapy", t.Name)) + " " + t.Pregnancy.Text.For(draft.Audience);
                draft.MoveToAvoid(t.Id, reason, t.Pregnancy.Text.Citations);
                if (facts.IsCurrent(t.Id)) StopCurrent(draft, t, t.Pregnancy.Text);
            }
        }

        foreach (var rule in _r.Interactions)
        {
            if (rule.Severity != InteractionSeverity.Avoid || !facts.TakesClass(rule.DrugClass)) continue;
            draft.MoveToAvoid(rule.Therapy, draft.Say(rule.Text, ("drugs", facts.NamesOf(rule.DrugClass))), rule.Text.Citations);
        }

        if (facts.Takes(Antithrombotic.Anticoagulant) && facts.Has(Comorbidity.ThrombosisHistory))
        {
            var text = _r.Text(K.SplenectomyVteNow);
            draft.MoveToAvoid(TherapyIds.Splenectomy, draft.Say(text), text.Citations);
        }
        else if (OperativeRisks(facts) >= 2)
        {
            // An elective operation is not offered to a patient whose comorbidities add up to a high operative, VTE
            // or infection risk: medical options exist. No source gives an age threshold (docs/clinical-review.md).
            var text = _r.Text(K.SplenectomyRisk);
            draft.MoveToAvoid(TherapyIds.Splenectomy, draft.Say(text), text.Citations);
        }

        if (facts.Pregnant)
        {
            var stop = _r.Text(K.PregnancyStopTpoRa);
            foreach (var t in _tpoRas)
            {
                if (!facts.IsCurrent(t.Id)) continue;
                draft.MoveToAvoid(t.Id, draft.Say(stop, ("therapy", t.Name)), stop.Citations);
                StopCurrent(draft, t, stop);
            }
        }

        if (draft.StoppingTpoRas.Count > 0) draft.Alert(_rebound);
    }

    private static readonly Comorbidity[] OperativeRiskComorbidities =
        [Comorbidity.HeartDisease, Comorbidity.KidneyDisease, Comorbidity.LiverDisease, Comorbidity.Diabetes, Comorbidity.ThrombosisHistory];

    /// <summary>How many of the comorbidities that raise operative, VTE or infection risk the patient has.</summary>
    public static int OperativeRisks(PatientFacts facts)
    {
        var n = 0;
        foreach (var c in OperativeRiskComorbidities) if (facts.Has(c)) n++;
        return n;
    }

    private static void StopCurrent(AssessmentDraft draft, Therapy therapy, CitedText reason)
    {
        draft.ReplacingCurrent ??= therapy;
        draft.ReplacingReason ??= reason;
        if (therapy.IsTpoRa && !draft.StoppingTpoRas.Contains(therapy)) draft.StoppingTpoRas.Add(therapy);
    }
}
