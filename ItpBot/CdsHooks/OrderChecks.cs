using Hl7.Fhir.Model;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;
using Assessment = ItpBot.Knowledge.Model.Assessment;

namespace ItpBot.CdsHooks;

/// <summary>What one check found about one order. Texts come from the content (cited) or from the record.</summary>
public sealed record OrderFinding(
    string Check,
    string Indicator,
    string Summary,
    IReadOnlyList<string> Detail,
    IReadOnlyList<string> Citations,
    bool SuggestRemoval = false,
    string? Replacement = null);

/// <summary>
/// The checks on an ITP drug or splenectomy being ordered: pregnancy, liver stop rules, interactions with current drugs,
/// hepatitis B before rituximab, vaccination before splenectomy, and a second TPO-RA. Each reads the assessment first
/// (its alerts, avoid list and interactions), then the content's facts, so it improves as the reasoning does.
/// </summary>
public sealed class OrderChecks(KnowledgeBase knowledge, Terminology terminology)
{
    public IReadOnlyList<(DraftOrder Order, OrderFinding Finding)> Run(IReadOnlyList<DraftOrder> orders, MappedProfile mapped, Assessment assessment)
    {
        var findings = new List<(DraftOrder, OrderFinding)>();
        foreach (var order in orders)
        {
            var therapy = knowledge.Therapy(order.Therapy);
            OrderFinding?[] found =
            [
                Pregnancy(therapy, mapped.Profile, assessment),
                LiverStopRule(therapy, mapped.Profile, assessment),
                .. Interactions(therapy, mapped, assessment),
                HepatitisBBeforeRituximab(therapy, mapped.Profile, assessment),
                VaccinationBeforeSplenectomy(therapy, mapped.Profile),
                SecondTpoRa(therapy, mapped),
            ];
            findings.AddRange(found.OfType<OrderFinding>().Select(f => (order, f)));
        }
        if (AntithromboticsWithLowCount(orders, mapped, assessment) is { } antithrombotic) findings.Add((orders[0], antithrombotic));
        return findings;
    }

    private OrderFinding? Pregnancy(Therapy therapy, PatientProfile profile, Assessment assessment)
    {
        var status = therapy.Pregnancy.Status;
        if (profile.Pregnant == true && status is PregnancyStatus.Avoid or PregnancyStatus.Contraindicated or PregnancyStatus.Caution)
        {
            var hard = status is PregnancyStatus.Avoid or PregnancyStatus.Contraindicated;
            var word = status switch { PregnancyStatus.Contraindicated => "contraindicated", PregnancyStatus.Avoid => "to be avoided", _ => "a caution" };
            var detail = new List<string> { therapy.Pregnancy.Text.Text };
            var citations = new List<string>(therapy.Pregnancy.Text.Citations);
            if (assessment.Avoid.FirstOrDefault(a => a.Therapy == therapy.Id) is { } avoid)
            {
                detail.Add(avoid.Reason);
                citations.AddRange(avoid.Citations);
            }
            var replacement = hard ? PregnancySafeAlternative(therapy, assessment) : null;
            if (replacement is not null) detail.Add($"The assessment's first pregnancy-compatible option is {knowledge.Therapy(replacement).Name}.");
            return new OrderFinding("pregnancy", hard ? CdsIndicators.Critical : CdsIndicators.Warning,
                $"{therapy.Name} ordered for a pregnant patient: {word} in pregnancy.", detail, citations, hard, replacement);
        }

        // A woman who could be pregnant, with no pregnancy status on record.
        if (profile.Pregnant is null && profile.Sex == Sex.Female && profile.ChildbearingPotential != false
            && (profile.AgeYears is null or < 50) && status is PregnancyStatus.Avoid or PregnancyStatus.Contraindicated)
        {
            var detail = new List<string> { therapy.Pregnancy.Text.Text };
            var citations = new List<string>(therapy.Pregnancy.Text.Citations);
            if (assessment.Alerts.FirstOrDefault(a => a.Code == AlertCodes.Contraception) is { } contraception)
            {
                detail.Add(contraception.Text);
                citations.AddRange(contraception.Citations);
            }
            return new OrderFinding("pregnancy-unknown", CdsIndicators.Warning,
                $"{therapy.Name} ordered: pregnancy status not on record for a woman who could be pregnant.", detail, citations);
        }
        return null;
    }

    private string? PregnancySafeAlternative(Therapy ordered, Assessment assessment) =>
        assessment.Options
            .Select(o => o.Therapy)
            .Where(id => id != ordered.Id && knowledge.TryGetTherapy(id, out _))
            .Select(knowledge.Therapy)
            .FirstOrDefault(t => t.Pregnancy.Status == PregnancyStatus.Safe && t.Route is TherapyRoute.Oral or TherapyRoute.Injection or TherapyRoute.Infusion)
            ?.Id;

    private OrderFinding? LiverStopRule(Therapy therapy, PatientProfile profile, Assessment assessment)
    {
        foreach (var rule in terminology.StopRules.Where(r => r.Therapy == therapy.Id))
        {
            var fromAssessment = assessment.Alerts.FirstOrDefault(a => a.Code == rule.Alert);
            var meetsThreshold = profile.AltTimesUpperLimit >= rule.AltTimesUpperLimitFrom;
            if (!meetsThreshold && fromAssessment is null) continue;
            var alert = knowledge.Alert(rule.Alert).Text;
            var detail = new List<string>();
            if (profile.AltTimesUpperLimit is { } alt) detail.Add($"Latest ALT on record: {CardText.Number(alt)} × the upper limit of normal.");
            detail.Add(fromAssessment?.Text ?? alert.Text);
            return new OrderFinding("liver-stop-rule", CdsIndicators.Critical,
                $"{therapy.Name} ordered with ALT at its label stop threshold: check the stop rule before starting.",
                detail, [.. alert.Citations, .. rule.Citations, .. fromAssessment?.Citations ?? []], SuggestRemoval: true);
        }
        return null;
    }

    private IEnumerable<OrderFinding> Interactions(Therapy therapy, MappedProfile mapped, Assessment assessment)
    {
        var names = therapy.Synonyms.Prepend(therapy.Name).Prepend(therapy.Id).Select(Terminology.Normalise).ToHashSet(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // The reasoning's own interactions first.
        foreach (var interaction in assessment.Interactions.Where(i => i.Drugs.Any(d => names.Contains(Terminology.Normalise(d)))))
        {
            var others = interaction.Drugs.Where(d => !names.Contains(Terminology.Normalise(d))).ToList();
            foreach (var other in others) reported.Add(other);
            var severe = interaction.Severity.Contains("contraindicat", StringComparison.OrdinalIgnoreCase);
            yield return new OrderFinding("interaction", severe ? CdsIndicators.Critical : CdsIndicators.Warning,
                $"{therapy.Name} ordered: interaction with {string.Join(", ", others)} ({interaction.Severity}).",
                [interaction.Text], interaction.Citations, SuggestRemoval: severe);
        }

        // Then the content's facts about the ordered drug that name a current drug or its class.
        var facts = therapy.Dosing.Select(d => d.Text).Concat(therapy.AdverseEffects).Concat(therapy.Contraindications).Concat(therapy.Monitoring).ToList();
        foreach (var drug in mapped.KnownCurrentDrugs.Where(d => d.Therapy != therapy.Id && !reported.Contains(d.Generic)))
        {
            var terms = drug.Classes.Prepend(drug.Generic).Select(Terminology.Normalise).ToList();
            var fact = facts.FirstOrDefault(f => terms.Any(term => Mentions(f.Text, term)));
            if (fact is null) continue;
            reported.Add(drug.Generic);
            yield return new OrderFinding("interaction", CdsIndicators.Warning,
                $"{therapy.Name} ordered: the label notes {drug.Generic}{(drug.Classes.Count > 0 ? $" ({drug.Classes[0]})" : string.Empty)}, a current medicine.",
                [$"Current medicine: {drug.Generic}.", fact.Text], fact.Citations);
        }
    }

    /// <summary>Whole words, allowing a plural: "proton pump inhibitor" matches "proton pump inhibitors".</summary>
    private static bool Mentions(string text, string term)
    {
        var normalised = " " + Terminology.Normalise(text) + " ";
        return normalised.Contains(" " + term + " ", StringComparison.Ordinal) || normalised.Contains(" " + term + "s ", StringComparison.Ordinal);
    }

    private OrderFinding? AntithromboticsWithLowCount(IReadOnlyList<DraftOrder> orders, MappedProfile mapped, Assessment assessment)
    {
        if (orders.Count == 0 || assessment.Alerts.FirstOrDefault(a => a.Code == AlertCodes.HoldAnticoagulation) is not { } hold) return null;
        var antithrombotics = mapped.KnownCurrentDrugs.Where(d => d.Antithrombotic is not null).Select(d => d.Generic).ToList();
        if (antithrombotics.Count == 0) return null;
        var count = mapped.Profile.PlateletCount is { } value ? $" with platelets {CardText.Number(value)} × 10⁹/L" : string.Empty;
        return new OrderFinding("antithrombotic", CdsIndicators.Warning,
            $"{knowledge.Therapy(orders[0].Therapy).Name} ordered while the patient takes {string.Join(", ", antithrombotics)}{count}.",
            [hold.Text], hold.Citations);
    }

    private OrderFinding? HepatitisBBeforeRituximab(Therapy therapy, PatientProfile profile, Assessment assessment)
    {
        if (therapy.Id != TherapyIds.Rituximab || profile.HbvStatus == HbvStatus.Negative) return null;
        var detail = new List<string>();
        var citations = new List<string>();
        void Add(CitedText text)
        {
            detail.Add(text.Text);
            citations.AddRange(text.Citations);
        }

        if (profile.HbvStatus is null)
        {
            Add(knowledge.Alert(AlertCodes.HbvScreenBeforeRituximab).Text);
            foreach (var monitoring in therapy.Monitoring) Add(monitoring);
            return new OrderFinding("hbv", CdsIndicators.Warning,
                "Rituximab ordered: hepatitis B status (HBsAg and anti-HBc) not on record; screen before the first dose.", detail, citations);
        }

        var chronic = profile.HbvStatus == HbvStatus.Chronic;
        if (chronic) foreach (var contraindication in therapy.Contraindications) Add(contraindication);
        if (assessment.Alerts.FirstOrDefault(a => a.Code == AlertCodes.HbvProphylaxis) is { } prophylaxis)
        {
            detail.Add(prophylaxis.Text);
            citations.AddRange(prophylaxis.Citations);
        }
        else Add(knowledge.Alert(AlertCodes.HbvProphylaxis).Text);
        var kind = chronic ? "HBsAg positive (chronic hepatitis B)" : "resolved hepatitis B (anti-HBc positive)";
        return new OrderFinding("hbv", chronic ? CdsIndicators.Critical : CdsIndicators.Warning,
            $"Rituximab ordered for a patient with {kind}: reactivation risk.", detail, citations, SuggestRemoval: chronic);
    }

    private OrderFinding? VaccinationBeforeSplenectomy(Therapy therapy, PatientProfile profile)
    {
        if (therapy.Id != TherapyIds.Splenectomy || profile.VaccinationsUpToDate == true) return null;
        var alert = knowledge.Alert(AlertCodes.VaccinateBeforeSplenectomy).Text;
        return new OrderFinding("vaccination", CdsIndicators.Warning,
            "Splenectomy ordered: pneumococcal, meningococcal and Hib vaccination not all on record.", [alert.Text], alert.Citations);
    }

    private OrderFinding? SecondTpoRa(Therapy therapy, MappedProfile mapped)
    {
        if (!therapy.IsTpoRa) return null;
        var active = mapped.KnownCurrentDrugs
            .Where(d => d.Therapy is { } id && id != therapy.Id && knowledge.TryGetTherapy(id, out var t) && t.IsTpoRa)
            .Select(d => d.Generic).Distinct().ToList();
        if (active.Count == 0) return null;
        var rebound = knowledge.Alert(AlertCodes.ReboundOnStop).Text;
        return new OrderFinding("second-tpo-ra", CdsIndicators.Warning,
            $"{therapy.Name} ordered while {string.Join(", ", active)} (a TPO-RA) is active.",
            [$"Active TPO-RA on record: {string.Join(", ", active)}.", rebound.Text], rebound.Citations, SuggestRemoval: true);
    }
}
