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
        if (facts.Priors.Any(p => p.Outcome == TreatmentOutcome.Dependent && facts.TherapyOf(p) is { IsCorticosteroid: true }) && !draft.Emergency)
            draft.AddToday(_r.Text(K.NoSteroids));

        if (draft.Phase == Phase.NewlyDiagnosed && facts.Priors.Count == 0 && !draft.Emergency) draft.AddToday(_r.Text(K.DiagnosisTests));
        if (draft.RefractoryMulti) draft.AddToday(_r.Text(K.Reassess));
        if (facts.HbvExposed || facts.LiverInjury) draft.AddToday(_r.Text(K.LiverSecondary));

        if (first is not null && !draft.Emergency && !first.Lead && first.Therapy.Id != TherapyIds.Observation
            && draft.TreatmentIndicated == true)
        {
            draft.AddToday(_r.Text(first.Therapy.Id == TherapyIds.Splenectomy ? K.ReferSurgery : K.StartFirst), ("first", first.Therapy.Name));
            if (_r.Transitions.TryGetValue(first.Therapy.Id, out var start))
                foreach (var step in start.OnStart.Take(first.Therapy.Id == TherapyIds.Splenectomy ? 4 : 1)) draft.AddToday(step);
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
            var prior = facts.Priors.LastOrDefault(p => p.Therapy == c.Therapy.Id && p.Note is not null);
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
            var line = _r.Text(enough ? K.ProcedureEnough : K.ProcedureRaise);
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
        return (today, (answer, citations.Distinct().ToList()));
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
            draft.Decide(DecisionTopic.TreatNow, answer, cites.Distinct().ToList());
        }

        draft.Decide(DecisionTopic.SettingOfCare, draft.Say(setting), setting.Citations, RiskReasons(draft, facts));

        if (draft.Emergency && facts.TakesAnyAntithrombotic)
            draft.Decide(DecisionTopic.Antithrombotics, _antithromboticsInEmergency.For(draft.Audience), _antithromboticsInEmergency.Citations);
        else if (antithrombotics.Count > 0)
            draft.Decide(DecisionTopic.Antithrombotics, string.Join(" ", antithrombotics.Select(a => draft.Say(a.Text, a.Values))),
                antithrombotics.SelectMany(a => a.Text.Citations).Distinct().ToList());

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
                draft.Decide(DecisionTopic.Bridge, answer, cites.Distinct().ToList());
            }
            else
            {
                var names = draft.Bridges.Select(id => kb.Therapy(id).Name);
                var texts = draft.Bridges.Select(BridgeText).ToList();
                draft.Decide(DecisionTopic.Bridge, string.Join(" ", texts.Select(t => draft.Say(t))),
                    texts.SelectMany(t => t.Citations).Distinct().ToList(), names.ToList());
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
            var reason = first.KeyReason
                ?? first.Rationale.FirstOrDefault(r => first.CitationsOfText(r).Count > 0 && !r.StartsWith("preferences", StringComparison.Ordinal)) ?? why;
            var stated = RuleRationale.WithoutRule(reason);
            var answer = combined.Length > 0 ? $"{combined}: {stated}" : stated;
            draft.Decide(DecisionTopic.FirstChoice, answer, first.CitationsOfText(reason), first.Rationale.Take(3).ToList());
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
                RiskFactorKind.Comorbidity => facts.Profile.Comorbidities?.Any(f.Comorbidities.Contains) == true,
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
        var name = draft.StoppingTpoRas.FirstOrDefault()?.Name ?? "the TPO-RA";
        draft.Decide(DecisionTopic.Pregnancy, string.Join(" ", parts.Select(p => draft.Say(p, ("therapy", name)))),
            parts.SelectMany(p => p.Citations).Distinct().ToList());
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
            if (facts.Priors.Any(p => p.Outcome == TreatmentOutcome.Relapsed)) parts.Add((_r.Text(K.RelapseNotFailure), ""));
        }
        if (facts.Priors.Any(p => p.Outcome == TreatmentOutcome.Dependent && facts.TherapyOf(p) is { IsCorticosteroid: true }))
            parts.Add((_r.Text(K.SteroidDependent), ""));
        foreach (var p in facts.Priors)
        {
            if (facts.TpoRaTrialInDoubt(p)) parts.Add((_r.Text(K.TpoNotFailed), facts.TherapyOf(p)!.Name));
            else if (p.Outcome == TreatmentOutcome.Response && facts.TherapyOf(p) is { IsTpoRa: true } t
                     && (draft.Emergency || facts.CountBelow(_treatBelow)))
                parts.Add((_r.Text(K.TpoInterrupted), t.Name));
        }
        if (parts.Count == 0) return;
        draft.Decide(DecisionTopic.RefractoryStatus, string.Join(" ", parts.Select(x => draft.Say(x.Text, ("therapy", x.Therapy)))),
            parts.SelectMany(x => x.Text.Citations).Distinct().ToList());
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
