using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;
using K = ItpBot.Knowledge.Content.ContentKeys.ReasoningTexts;

namespace ItpBot.Knowledge.Reasoning.Stages;

/// <summary>
/// Stage 3b: weighs the options that survived the hard constraints on explicit criteria (efficacy, durability,
/// onset, burden, safety for this patient, preference fit), shows the weighing as each option's <c>fit</c> with the
/// facts in its rationale, and orders them.
/// <para>
/// <b>The ordering rule.</b> Options are ordered first by the clinical weighing: the plan's order for this line of
/// treatment, moved down by a ranking step for each patient-specific safety concern (comorbidity, interaction,
/// operative risk) and for an efficacy restriction (a response predictor against it), and by less than a step for a
/// dose or timing interaction. A current treatment to continue or titrate leads. Then preferences break ties: an
/// option the patient's preferences favour more may move above another only when the two are comparable, that is,
/// its durable response is at least half the other's (both known, or both unknown), and it carries no safety concern
/// the other lacks. A preference never lifts an option whose durable response is less than half another's above it.
/// Response predictors (rituximab in a woman with ITP of 12 months or less who responded to corticosteroids) change
/// the durable response used for that patient.
/// </para>
/// </summary>
internal sealed class ChoiceStage(KnowledgeBase kb) : IAssessmentRule
{
    private readonly ReasoningContent _r = kb.Reasoning;
    private readonly int _step = kb.RankingStep;
    private readonly double _chronicAfter = kb.Parameter(ContentKeys.Parameters.ChronicAfterMonths).Value;

    public string Name => "choice";

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        foreach (var c in draft.Candidates) Weigh(draft, facts, c);
        Grade(draft);
        if (!draft.Emergency) Order(draft);
    }

    private void Weigh(AssessmentDraft draft, PatientFacts facts, Candidate c)
    {
        var id = c.Therapy.Id;
        if (_r.Grades.TryGetValue(id, out var grade)) Note(draft, c, grade.DurableText);
        switch (id)
        {
            case TherapyIds.Rituximab:
                var months = facts.Profile.MonthsSinceDiagnosis;
                var steroidResponder = facts.HadCorticosteroid(TreatmentOutcome.Response) || facts.HadCorticosteroid(TreatmentOutcome.Relapsed);
                if (facts.Profile.Sex == Sex.Male || months > _chronicAfter)
                {
                    c.EfficacyAgainst = true;
                    Note(draft, c, _r.Text(K.RituximabRestricted));
                }
                else if (facts.Profile.Sex == Sex.Female && months <= _chronicAfter && steroidResponder)
                {
                    c.EfficacyFavours = true;
                    c.DurableForPatient = grade?.FavourableDurable;
                    Note(draft, c, _r.Text(K.RituximabFavourable));
                }
                if (facts.HbvExposed)
                {
                    c.SafetyAgainst = true;
                    Note(draft, c, _r.Text(K.RituximabHbv));
                }
                if (facts.PregnancyPlanned) Note(draft, c, _r.Text(K.PregnancyRituximabInterval));
                break;
            case TherapyIds.Splenectomy:
                // Two or more operative-risk comorbidities remove it (HardConstraintsRule); one is weighed here.
                if (HardConstraintsRule.OperativeRisks(facts) == 1)
                {
                    c.SafetyAgainst = true;
                    c.Score += _step;
                    Note(draft, c, _r.Text(K.SplenectomyRisk));
                }
                if (draft.PlanId == ContentKeys.Plans.LowResource) Note(draft, c, _r.Text(K.SplenectomyLowResource));
                break;
            case TherapyIds.Avatrombopag when facts.LiverInjury:
                c.SafetyFavours = true;
                Note(draft, c, _r.Text(K.AvatrombopagLiver));
                break;
            case TherapyIds.Fostamatinib when draft.OffersAnyTpoRa():
                Note(draft, c, _r.Text(K.FostamatinibLower));
                break;
        }
        if (c.Therapy.IsTpoRa)
        {
            // Another TPO-RA failed or was stopped and this one was not tried: that, not the general TPO-RA reason,
            // is why it is offered.
            if (SwitchFromAnotherTpoRa(facts, id))
            {
                Note(draft, c, _r.Text(K.TpoSwitch));
                c.KeyReason ??= c.Rationale[^1];
            }
            if (facts.Has(Comorbidity.ThrombosisHistory) || facts.Has(Comorbidity.HeartDisease) || facts.TakesAnyAntithrombotic)
                Note(draft, c, _r.Text(K.TpoRaThrombosis));
            if (facts.PregnancyPlanned) Note(draft, c, _r.Text(K.PregnancyTpoRaPlanned));
        }

        // Indexed, and no lambda in the body: a captured variable here would cost an allocation per rule and option.
        var interactions = _r.Interactions;
        for (var r = 0; r < interactions.Count; r++)
        {
            var rule = interactions[r];
            if (rule.Therapy != id || rule.Severity == InteractionSeverity.Avoid || !facts.TakesClass(rule.DrugClass)) continue;
            var names = facts.NamesOf(rule.DrugClass);
            var text = draft.Say(rule.Text, ("drugs", names));
            var severity = rule.Severity == InteractionSeverity.Major ? "major" : "adjust";
            if (!HasInteraction(draft, text))
                draft.Interactions.Add(new DrugInteraction([names, c.Therapy.Name], severity, text, rule.Text.Citations));
            c.Cautions.Add(text);
            c.TextCitations.Add(new(text, rule.Text.Citations));
            c.Cite(rule.Text.Citations);
            if (rule.Severity == InteractionSeverity.Major)
            {
                c.SafetyAgainst = true;
                c.Score += _step;
            }
            else
            {
                c.Nudge++;
            }
        }
    }

    private static bool HasInteraction(AssessmentDraft draft, string text)
    {
        foreach (var x in draft.Interactions) if (x.Text == text) return true;
        return false;
    }

    /// <summary>This TPO-RA was not tried, and another one failed, relapsed or was not tolerated (a trial not in doubt).</summary>
    private static bool SwitchFromAnotherTpoRa(PatientFacts facts, string id)
    {
        var another = false;
        foreach (var p in facts.Priors)
        {
            if (p.Therapy == id) return false;
            another |= p.Outcome is TreatmentOutcome.NoResponse or TreatmentOutcome.Relapsed or TreatmentOutcome.Intolerant
                && facts.TherapyOf(p) is { IsTpoRa: true } && !facts.TpoRaTrialInDoubt(p);
        }

        return another;
    }

    private void Grade(AssessmentDraft draft)
    {
        double best = 0;
        foreach (var c in draft.Candidates)
            if (c.Tier == PlanTier.Primary && Durable(c) is { } d && d > best) best = d;
        foreach (var c in draft.Candidates)
        {
            var durable = Durable(c);
            var efficacy = c.EfficacyAgainst ? FitGrade.Against
                : c.EfficacyFavours ? FitGrade.Favours
                : durable is { } d && best > 0 ? (d * 2 >= best ? FitGrade.Favours : FitGrade.Against)
                : FitGrade.Neutral;
            _r.Grades.TryGetValue(c.Therapy.Id, out var grade);
            var onset = c.Therapy.Traits.Contains(TherapyTraits.FastOnset) ? FitGrade.Favours : grade?.Onset ?? FitGrade.Neutral;
            var safety = c.SafetyAgainst ? FitGrade.Against : c.SafetyFavours ? FitGrade.Favours : FitGrade.Neutral;
            var preference = c.Preference > 0 ? FitGrade.Favours : c.Preference < 0 ? FitGrade.Against : FitGrade.Neutral;
            c.Fit = new OptionFit(efficacy, grade?.Durability ?? FitGrade.Neutral, onset, grade?.Burden ?? FitGrade.Neutral, safety, preference);
        }
    }

    private double? Durable(Candidate c) => c.DurableForPatient ?? _r.DurableOf(c.Therapy.Id);

    private void Order(AssessmentDraft draft)
    {
        var primary = draft.Candidates.Where(c => c.Tier == PlanTier.Primary).ToList();
        primary.Sort((a, b) =>
        {
            if (a.Lead != b.Lead) return a.Lead ? -1 : 1;
            var byScore = Clinical(a).CompareTo(Clinical(b));
            return byScore != 0 ? byScore : a.PlanIndex.CompareTo(b.PlanIndex);
        });
        var limited = _r.Text(K.PreferenceLimited);
        for (var i = 1; i < primary.Count; i++)
        {
            for (var j = i; j > 0; j--)
            {
                var (a, b) = (primary[j], primary[j - 1]);
                if (b.Lead || a.Preference <= b.Preference || (a.SafetyAgainst && !b.SafetyAgainst)) break;
                if (!Comparable(a, b))
                {
                    if (!a.Rationale.Contains(draft.Say(limited))) Note(draft, a, limited);
                    break;
                }
                (primary[j], primary[j - 1]) = (b, a);
            }
        }
        for (var i = 0; i < primary.Count; i++) primary[i].Score = i - primary.Count - 1000;
    }

    // A dose or timing interaction weighs less than a plan position's worth of two, more than a tie.
    private int Clinical(Candidate c) => c.Score * 3 + c.Nudge * 2 + (c.EfficacyAgainst ? 3 * _step : 0);

    /// <summary>Comparable for a preference to choose between: durable responses within a factor of two (or both unknown).</summary>
    public bool Comparable(Candidate a, Candidate b)
    {
        var da = Durable(a);
        var db = Durable(b);
        if (da is null && db is null) return true;
        return da is { } x && db is { } y && x * 2 >= y;
    }

    private static void Note(AssessmentDraft draft, Candidate c, CitedText text) =>
        c.Note(draft.Say(text, ("therapy", c.Therapy.Name)), text.Citations);
}
