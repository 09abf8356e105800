using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;
using K = ItpBot.Knowledge.Content.ContentKeys.ReasoningTexts;

namespace ItpBot.Knowledge.Reasoning.Stages;

/// <summary>
/// Stage 2 (what to do today) and stage 5 (decisions): the setting of care, the emergency bundle, antithrombotics
/// with a restart threshold, stops and switches of current drugs, titration of a current TPO-RA, procedure targets,
/// pregnancy, the bridge and bleeding control, and the start of the first choice; then one-line answers to the
/// questions the situation raises.
/// </summary>
internal sealed class TodayStage(KnowledgeBase kb) : IAssessmentRule
{
    private readonly ReasoningContent _r = kb.Reasoning;
    private readonly double _admissionBelow = kb.Parameter(ContentKeys.Parameters.AdmissionCountBelow).Value;
    private readonly double _fullDoseFrom = kb.Parameter(ContentKeys.Parameters.AntithromboticFullDoseCountFrom).Value;
    private readonly double _holdBelow = kb.Parameter(ContentKeys.Parameters.AnticoagulantHoldCountBelow).Value;
    private readonly double _treatBelow = kb.Parameter(ContentKeys.Parameters.TreatCountBelow).Value;
    private readonly CitedText _antithromboticsInEmergency = kb.RuleText(ContentKeys.RuleTexts.AntithromboticsInEmergency);
    private readonly QuestionAnswerer _questions = new(kb);

    public string Name => "today";

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        var first = TransitionsStage.TopOptions(draft).FirstOrDefault();
        var setting = Setting(draft, facts);

        if (draft.Emergency)
        {
            draft.AddToday(setting);
            foreach (var step in kb.EmergencySteps) draft.AddToday(step);
            foreach (var c in draft.Candidates)
                if (c.Therapy.IsTpoRa && facts.IsCurrent(c.Therapy.Id))
                {
                    c.Tier = PlanTier.Rescue;
                    Say(draft, c, _r.Text(K.TpoEmergencyRestart));
                    draft.AddToday(_r.Text(K.TpoEmergencyRestart), ("therapy", c.Therapy.Name));
                }
        }
        else
        {
            if (setting == _r.Text(K.SettingAdmitNewly)) draft.AddToday(_r.Text(K.Admit));
            else if (draft.TreatmentIndicated == true || setting == _r.Text(K.SettingSameDay)) draft.AddToday(setting);
        }

        var antithrombotics = Antithrombotics(draft, facts);
        foreach (var (text, values) in antithrombotics) draft.AddToday(text, values);

        if (draft.ReplacingCurrent is { } stopping && draft.ReplacingReason is { } why)
        {
            // A label's reason ("Contraindicated: ...") may not name the drug: the step must say which drug stops.
            var said = draft.Say(why, ("therapy", stopping.Name));
            if (!said.Contains(stopping.Name, StringComparison.OrdinalIgnoreCase))
            {
                var prefix = _r.Text(K.StopCurrent);
                draft.AddToday(draft.Say(prefix, ("therapy", stopping.Name)) + " " + said, [.. prefix.Citations, .. why.Citations]);
            }
            else draft.AddToday(said, why.Citations);
        }
        // A label stop rule (liver injury) stops the drug now: its taper advice does not apply, only the rebound
        // monitoring that the rebound alert gives.
        foreach (var t in draft.StoppingTpoRas)
            if (!LabelStop(draft) && _r.Transitions.TryGetValue(t.Id, out var tr))
                foreach (var step in tr.OnStop) draft.AddToday(step);

        // A working TPO-RA carries on through a procedure: the bridge adds to it, it does not replace it.
        if (draft.TreatOnlyForProcedure)
            foreach (var c in draft.Candidates)
                if (c.Therapy.IsTpoRa && facts.IsCurrent(c.Therapy.Id) && !draft.IsBlocked(c.Therapy.Id))
                {
                    var keep = _r.Text(K.ProcedureContinue);
                    draft.AddToday(keep, ("therapy", c.Therapy.Name));
                    c.Note(draft.Say(keep, ("therapy", c.Therapy.Name)), keep.Citations);
                    break;
                }
        var titration = Titrate(draft, facts);
        if (titration is not null)
        {
            draft.AddToday(titration.Value.Text, titration.Value.Citations);
            draft.Titration = titration;
        }
        if (TransitionsStage.TaperingCurrentTpoRa(draft)) draft.AddToday(_r.Text(K.TpoTaper));

        var procedure = ProcedureLines(draft, facts);
        foreach (var (text, values) in procedure.Today) draft.AddToday(text, values);

        if (facts.Pregnant && draft.TreatmentIndicated == false) draft.AddToday(_r.Text(K.PregnancyObserve));

        foreach (var id in draft.Bridges)
        {
            var text = BridgeText(id);
            var action = draft.Say(text);
            if (id == TherapyIds.Ivig && facts.Profile.WeightKg is { } kg and > 0
                && kb.Therapy(TherapyIds.Ivig).Regimen(null)?.WeightBased is { } dose)
                action += " " + dose.Render(kg);
            draft.AddToday(action, text.Citations);
            if (id == TherapyIds.Dexamethasone && facts.Has(Comorbidity.Diabetes)) draft.AddToday(_r.Text(K.BridgeDiabetes));
            if (id == TherapyIds.Ivig && facts.Has(Comorbidity.KidneyDisease)) draft.AddToday(_r.Text(K.IvigKidney));
            if (id == TherapyIds.TranexamicAcid && facts.Has(Comorbidity.KidneyDisease)) draft.AddToday(_r.Text(K.TxaKidney));
        }
        if (facts.Profile.Bleeding == Bleeding.Mucosal && facts.Profile.Sex == Sex.Female && (facts.CouldBecomePregnant || facts.Profile.AgeYears < 50))
            draft.AddToday(_r.Text(K.Menstrual));
        if (facts.HadCorticosteroid(TreatmentOutcome.Dependent) && !draft.Emergency)
            draft.AddToday(_r.Text(K.NoSteroids));

        if (draft.Phase == Phase.NewlyDiagnosed && facts.Priors.Count == 0 && !draft.Emergency) draft.AddToday(_r.Text(K.DiagnosisTests));
        if (draft.RefractoryMulti) draft.AddToday(_r.Text(K.Reassess));
        if (facts.HbvExposed || facts.LiverInjury) draft.AddToday(_r.Text(K.LiverSecondary));

        if (first is not null && !draft.Emergency && !first.Lead && first.Therapy.Id != TherapyIds.Observation
            && draft.TreatmentIndicated == true)
        {
            draft.AddToday(_r.Text(first.Therapy.Traits.Contains(TherapyTraits.Operation) ? K.ReferSurgery : K.StartFirst), ("first", first.Therapy.Name));
            if (_r.Transitions.TryGetValue(first.Therapy.Id, out var start))
                foreach (var step in start.OnStart.Take(first.Therapy.Traits.Contains(TherapyTraits.Operation) ? 4 : 1)) draft.AddToday(step);
        }
        if (draft.TreatmentIndicated == false || facts.Prefers(Preference.DrugFree) && draft.ContinuingCurrent is not null)
            draft.AddToday(_r.Text(K.WarningSigns));

        Decisions(draft, facts, first, setting, antithrombotics, titration, procedure.Decision);
    }

    private CitedText Setting(AssessmentDraft draft, PatientFacts facts)
    {
        if (draft.Emergency) return _r.Text(K.SettingEmergency);
        if (draft.Phase == Phase.NewlyDiagnosed && facts.CountBelow(_admissionBelow)) return _r.Text(K.SettingAdmitNewly);
        if (facts.Profile.Bleeding == Bleeding.Mucosal && facts.CountBelow(_admissionBelow) && draft.BleedingRisk == BleedingRisk.High)
            return _r.Text(K.SettingSameDay);
        if (facts.CountBelow(_admissionBelow) || (draft.TreatmentIndicated == true && facts.CountBelow(_treatBelow)))
            return _r.Text(K.SettingOutpatientReview);
        return _r.Text(K.SettingOutpatient);
    }

    private List<(CitedText Text, (string, string)[] Values)> Antithrombotics(AssessmentDraft draft, PatientFacts facts)
    {
        var lines = new List<(CitedText, (string, string)[])>();
        if (draft.Emergency || facts.Count is not { } count) return lines;
        var countText = WeightBasedDose.Format(count);
        if (facts.Takes(Antithrombotic.Anticoagulant))
        {
            var names = Names(facts, "anticoagulant", "the anticoagulant");
            var id = count >= _fullDoseFrom ? K.AnticoagOk : count < _holdBelow ? K.AnticoagHold : K.AnticoagReduce;
            lines.Add((_r.Text(id), [("drugs", names), ("count", countText)]));
        }
        if (facts.Takes(Antithrombotic.Antiplatelet))
        {
            var names = Names(facts, "antiplatelet", "the antiplatelet drug");
            var dual = facts.Drugs.Count(d => d.Is("antiplatelet")) >= 2;
            if (count >= _fullDoseFrom) lines.Add((_r.Text(K.AntiplateletOk), [("drugs", names)]));
            else if (dual)
            {
                lines.Add((_r.Text(K.DualAntiplatelet), [("drugs", names)]));
                lines.Add((_r.Text(K.Stent), []));
            }
            else
            {
                lines.Add((_r.Text(K.AntiplateletStop), [("drugs", names)]));
                if (facts.Drugs.Any(d => d.Drug?.Name == "aspirin")) lines.Add((_r.Text(K.PrimaryPrevention), []));
            }
        }
        if (facts.Takes(Antithrombotic.Nsaid))
        {
            lines.Add((_r.Text(K.Nsaid), [("drugs", Names(facts, "nsaid", "NSAIDs"))]));
            lines.Add((_r.Text(K.Paracetamol), []));
        }
        if (facts.TakesClass("ssri"))
        {
            lines.Add((_r.Text(K.Ssri), [("drugs", Names(facts, "ssri", "The SSRI"))]));
        }
        return lines;
    }

    private static string Names(PatientFacts facts, string drugClass, string fallback)
    {
        var names = facts.NamesOf(drugClass);
        return names.Length > 0 ? names : fallback;
    }

    private static bool LabelStop(AssessmentDraft draft) => draft.Alerts.Exists(a => a.Code == AlertCodes.HepatotoxicityStop);

    /// <summary>The label titration step for the current TPO-RA at today's count, with the next dose from the note.</summary>
    private (string Text, IReadOnlyList<string> Citations)? Titrate(AssessmentDraft draft, PatientFacts facts)
    {
        if (draft.Emergency || facts.Count is not { } count) return null;
        foreach (var c in draft.Candidates)
        {
            if (!c.Therapy.IsTpoRa || !facts.IsCurrent(c.Therapy.Id) || !_r.Titrations.TryGetValue(c.Therapy.Id, out var t)) continue;
            var direction = count > t.HoldAbove ? -1 : count >= t.ReduceFrom ? -1 : count < t.IncreaseBelow ? 1 : 0;
            if (direction == 0) continue;
            var text = count > t.HoldAbove ? t.Hold : count >= t.ReduceFrom ? t.Reduce : t.Increase;
            var next = "";
            PriorTreatment? prior = null;
            for (var i = facts.Priors.Count - 1; i >= 0 && prior is null; i--)
                if (facts.Priors[i].Therapy == c.Therapy.Id && facts.Priors[i].Note is not null) prior = facts.Priors[i];
            if (t.Step > 0 && prior?.Note is { } note && DoseInNote.Read(note, t.Unit) is { } dose)
            {
                var nextDose = Math.Clamp(dose + direction * t.Step, t.Step, t.Max);
                next = $" (to {WeightBasedDose.Format(nextDose)} {t.Unit}";
                if (t.Unit.EndsWith("/kg", StringComparison.Ordinal) && facts.Profile.WeightKg is { } kg and > 0)
                    next += $", {WeightBasedDose.Format(nextDose * kg)} {t.Unit[..^3]}";
                next += ")";
            }
            var said = draft.Say(text, ("next", next));
            c.Note(said, text.Citations);
            return (said, text.Citations);
        }
        return null;
    }

    private (List<(CitedText, (string, string)[])> Today, (string Answer, IReadOnlyList<string> Citations)? Decision) ProcedureLines(
        AssessmentDraft draft, PatientFacts facts)
    {
        var today = new List<(CitedText, (string, string)[])>();
        var first = TransitionsStage.TopOptions(draft).FirstOrDefault();
        ProcedureTarget? target = null;
        if (facts.Profile.UpcomingProcedure == true && !draft.Emergency)
            target = _r.ProcedureTargets[facts.Profile.Procedure ?? (facts.Pregnant ? ProcedureKind.Delivery : ProcedureKind.Minor)];
        else if (first?.Therapy.Id == TherapyIds.Splenectomy)
            target = _r.ProcedureTargets[ProcedureKind.MajorSurgery];
        if (target is null) return (today, null);
        var count = facts.Count;
        var citations = new List<string>(target.Text.Citations);
        var answer = draft.Say(target.Text);
        if (facts.Profile.UpcomingProcedure == true && count is { } n)
        {
            var enough = n >= target.CountFrom;
            var line = draft.Usable(_r.Text(enough ? K.ProcedureEnough : K.ProcedureRaise));
            answer += " " + draft.Say(line, ("count", WeightBasedDose.Format(n)));
            citations.AddRange(line.Citations);
            today.Add((line, [("count", WeightBasedDose.Format(n))]));
            if (!enough) today.Add((_r.Text(K.ProcedureStandby), []));
        }
        if (facts.Pregnant && facts.Profile.Procedure is ProcedureKind.Delivery or ProcedureKind.Neuraxial)
        {
            today.Add((_r.Text(K.PregnancyPreDelivery), []));
            today.Add((_r.Text(K.ProcedureNeonatal), []));
        }
        return (today, (answer, Distinct(citations)));
    }

    private void Decisions(AssessmentDraft draft, PatientFacts facts, Candidate? first, CitedText setting,
        List<(CitedText Text, (string, string)[] Values)> antithrombotics, (string Text, IReadOnlyList<string> Citations)? titration,
        (string Answer, IReadOnlyList<string> Citations)? procedure)
    {
        // Treat now.
        var treat = draft.Emergency ? K.TreatEmergency
            : draft.TreatOnlyForProcedure ? K.TreatProcedure
            : draft.ReplacingCurrent is not null && !facts.Pregnant ? K.TreatReplace
            : draft.TreatmentIndicated == true && antithrombotics.Count > 0 && !facts.CountBelow(_treatBelow) ? K.TreatAntithrombotic
            : draft.TreatmentIndicated == true ? K.TreatIndicated
            : draft.TreatmentIndicated == false && draft.ContinuingCurrent is not null ? K.TreatContinue
            : draft.TreatmentIndicated == false ? K.TreatNotIndicated
            : null;
        if (treat is not null)
        {
            var text = _r.Text(treat);
            var name = (draft.ReplacingCurrent ?? draft.ContinuingCurrent)?.Name ?? "";
            var answer = draft.Say(text, ("therapy", name));
            var cites = new List<string>(text.Citations);
            if (titration is { } step && treat == K.TreatContinue) { answer += " " + step.Text; cites.AddRange(step.Citations); }
            draft.Decide(DecisionTopic.TreatNow, answer, Distinct(cites));
        }

        draft.Decide(DecisionTopic.SettingOfCare, draft.Say(setting), setting.Citations, RiskReasons(draft, facts));

        if (draft.Emergency && facts.TakesAnyAntithrombotic)
            draft.Decide(DecisionTopic.Antithrombotics, _antithromboticsInEmergency.For(draft.Audience), _antithromboticsInEmergency.Citations);
        else if (antithrombotics.Count > 0)
        {
            var said = new string[antithrombotics.Count];
            var cites = new List<string>();
            for (var i = 0; i < said.Length; i++)
            {
                said[i] = draft.Say(antithrombotics[i].Text, antithrombotics[i].Values);
                cites.AddRange(antithrombotics[i].Text.Citations);
            }
            draft.Decide(DecisionTopic.Antithrombotics, string.Join(" ", said), Distinct(cites));
        }

        if (draft.TreatmentIndicated == true && !draft.Emergency)
        {
            if (draft.Bridges.Count == 0)
            {
                var none = _r.Text(K.NoBridge);
                var answer = draft.Say(none);
                var cites = new List<string>(none.Citations);
                foreach (var t in draft.StoppingTpoRas)
                    if (!LabelStop(draft) && _r.Transitions.TryGetValue(t.Id, out var tr))
                        foreach (var step in tr.OnStop) { answer += " " + draft.Say(step); cites.AddRange(step.Citations); }
                draft.Decide(DecisionTopic.Bridge, answer, Distinct(cites));
            }
            else
            {
                var names = new List<string>(draft.Bridges.Count);
                var said = new string[draft.Bridges.Count];
                var cites = new List<string>();
                for (var i = 0; i < said.Length; i++)
                {
                    var text = BridgeText(draft.Bridges[i]);
                    names.Add(kb.Therapy(draft.Bridges[i]).Name);
                    said[i] = draft.Say(text);
                    cites.AddRange(text.Citations);
                }
                draft.Decide(DecisionTopic.Bridge, string.Join(" ", said), Distinct(cites), names);
            }
        }

        if (procedure is { } p) draft.Decide(DecisionTopic.ProcedureCount, p.Answer, p.Citations);

        Pregnancy(draft, facts);
        RefractoryStatus(draft, facts);

        if (first is not null)
        {
            var combined = draft.Emergency
                ? string.Join(", ", draft.Candidates.Where(c => c.Combined && c.Tier == PlanTier.Primary).Select(c => c.Therapy.Name))
                : first.Therapy.Name;
            var why = first.Rationale.Count > 0 ? first.Rationale[^1] : "";
            var reason = first.KeyReason;
            if (reason is null)
                foreach (var r in first.Rationale)
                    if (first.CitationsOfText(r).Count > 0 && !r.StartsWith("preferences", StringComparison.Ordinal)) { reason = r; break; }
            reason ??= why;
            var stated = RuleRationale.WithoutRule(reason);
            var answer = combined.Length > 0 ? $"{combined}: {stated}" : stated;
            draft.Decide(DecisionTopic.FirstChoice, answer, first.CitationsOfText(reason), first.Rationale.GetRange(0, Math.Min(3, first.Rationale.Count)));
        }

        _questions.Answer(draft, first);
        BottomLine.Write(draft, first);
    }

    private List<string> RiskReasons(AssessmentDraft draft, PatientFacts facts)
    {
        var reasons = new List<string>();
        foreach (var f in kb.RiskFactors)
        {
            var applies = f.Kind switch
            {
                RiskFactorKind.CountBelow => facts.CountBelow(f.Threshold!.Value),
                RiskFactorKind.AgeFrom => facts.Profile.AgeYears >= f.Threshold,
                RiskFactorKind.Bleeding => facts.Profile.Bleeding == f.Bleeding,
                RiskFactorKind.Antithrombotic => facts.TakesAnyAntithrombotic,
                RiskFactorKind.Comorbidity => HasAny(facts, f.Comorbidities),
                _ => false,
            };
            if (applies) reasons.Add(f.Text.For(draft.Audience));
        }
        return reasons;
    }

    private void Pregnancy(AssessmentDraft draft, PatientFacts facts)
    {
        var parts = new List<CitedText>();
        if (facts.Pregnant)
        {
            if (draft.StoppingTpoRas.Count > 0) parts.Add(_r.Text(K.PregnancyStopTpoRa));
            parts.Add(draft.TreatmentIndicated == false ? _r.Text(K.PregnancyObserve) : _r.Text(K.PregnancyTreat));
            parts.Add(_r.Text(K.PregnancyDelivery));
            if (facts.Profile.GestationWeeks >= 36 || facts.Profile.Procedure is ProcedureKind.Delivery or ProcedureKind.Neuraxial)
                parts.Add(_r.Text(K.PregnancyInstruments));
        }
        else if (facts.PregnancyPlanned)
        {
            parts.Add(_r.Text(K.PregnancyPlanned));
            if (draft.Offers(TherapyIds.Rituximab) || facts.HadTherapy(TherapyIds.Rituximab)) parts.Add(_r.Text(K.PregnancyRituximabInterval));
        }
        if (parts.Count == 0) return;
        var name = draft.StoppingTpoRas.Count > 0 ? draft.StoppingTpoRas[0].Name : "the TPO-RA";
        var said = new string[parts.Count];
        var cites = new List<string>();
        for (var i = 0; i < said.Length; i++)
        {
            said[i] = draft.Say(parts[i], ("therapy", name));
            cites.AddRange(parts[i].Citations);
        }
        draft.Decide(DecisionTopic.Pregnancy, string.Join(" ", said), Distinct(cites));
    }

    private void RefractoryStatus(AssessmentDraft draft, PatientFacts facts)
    {
        var parts = new List<(CitedText Text, string Therapy)>();
        if (draft.RefractoryIwg) parts.Add((_r.Text(K.RefractoryIwg), ""));
        if (draft.RefractoryMulti) parts.Add((_r.Text(K.RefractoryMulti), ""));
        if (!draft.RefractoryIwg && !draft.RefractoryMulti)
        {
            if (facts.Priors.Count == 0 && draft.Phase == Phase.NewlyDiagnosed) parts.Add((_r.Text(K.NewlyDiagnosed), ""));
            else if (facts.Priors.Count > 0) parts.Add((_r.Text(K.NotRefractory), ""));
            if (facts.AnyPrior(TreatmentOutcome.Relapsed)) parts.Add((_r.Text(K.RelapseNotFailure), ""));
        }
        if (facts.HadCorticosteroid(TreatmentOutcome.Dependent))
            parts.Add((_r.Text(K.SteroidDependent), ""));
        foreach (var p in facts.Priors)
        {
            if (facts.TpoRaTrialInDoubt(p)) parts.Add((_r.Text(K.TpoNotFailed), facts.TherapyOf(p)!.Name));
            else if (p.Outcome == TreatmentOutcome.Response && facts.TherapyOf(p) is { IsTpoRa: true } t
                     && (draft.Emergency || facts.CountBelow(_treatBelow)))
                parts.Add((_r.Text(K.TpoInterrupted), t.Name));
        }
        if (parts.Count == 0) return;
        var said = new string[parts.Count];
        var cites = new List<string>();
        for (var i = 0; i < said.Length; i++)
        {
            said[i] = draft.Say(parts[i].Text, ("therapy", parts[i].Therapy));
            cites.AddRange(parts[i].Text.Citations);
        }
        draft.Decide(DecisionTopic.RefractoryStatus, string.Join(" ", said), Distinct(cites));
    }

    private static bool HasAny(PatientFacts facts, IReadOnlySet<Comorbidity> comorbidities)
    {
        if (facts.Profile.Comorbidities is not { } has) return false;
        for (var i = 0; i < has.Count; i++) if (comorbidities.Contains(has[i])) return true;
        return false;
    }

    /// <summary>The ids in first-appearance order without repeats (as Distinct().ToList(), in place: the list is this stage's own).</summary>
    internal static List<string> Distinct(List<string> ids)
    {
        var kept = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            var seen = false;
            for (var j = 0; j < kept && !seen; j++) seen = string.Equals(ids[j], ids[i], StringComparison.Ordinal);
            if (!seen) ids[kept++] = ids[i];
        }
        ids.RemoveRange(kept, ids.Count - kept);
        return ids;
    }

    private static void Say(AssessmentDraft draft, Candidate c, CitedText text) =>
        c.Note(draft.Say(text, ("therapy", c.Therapy.Name)), text.Citations);

    private CitedText BridgeText(string therapyId) => _r.Text(therapyId switch
    {
        TherapyIds.Prednisone => K.BridgePrednisone,
        TherapyIds.Dexamethasone => K.BridgeDexamethasone,
        TherapyIds.Ivig => K.BridgeIvig,
        _ => K.Txa,
    });
}
