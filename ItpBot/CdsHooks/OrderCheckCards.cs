using System.Text;
using Hl7.Fhir.Model;
using ItpBot.Knowledge;
using static ItpBot.CdsHooks.CardText;
using Assessment = ItpBot.Knowledge.Model.Assessment;

namespace ItpBot.CdsHooks;

/// <summary>Turns order-check findings into cards, with suggestions to remove or replace the draft order.</summary>
public sealed class OrderCheckCards(KnowledgeBase knowledge, Terminology terminology)
{
    private const string OverrideSystem = "urn:itpbot:cds-override-reason";

    private static readonly IReadOnlyList<CdsCoding> OverrideReasons =
    [
        new(OverrideSystem, "benefit-outweighs-risk", "Benefit outweighs risk for this patient"),
        new(OverrideSystem, "already-addressed", "Already addressed (test done, plan in place)"),
        new(OverrideSystem, "record-incorrect", "The record is incomplete or wrong"),
    ];

    public IReadOnlyList<CdsCard> Build(
        IReadOnlyList<(DraftOrder Order, OrderFinding Finding)> findings, MappedProfile mapped, Assessment assessment,
        string patientId, string sourceLabel, CdsLink? link)
    {
        var cards = new List<CdsCard>();
        var gapsShown = false;
        foreach (var (order, finding) in findings.OrderByDescending(f => CdsIndicators.Rank(f.Finding.Indicator)))
        {
            var md = new StringBuilder();
            foreach (var line in finding.Detail) md.Append("- ").AppendLine(Escape(line));
            md.AppendLine();
            if (!gapsShown)
            {
                // The record's gaps once, on the most urgent card: they bear on every check.
                PatientViewCard.AppendRecordGaps(md, mapped, assessment);
                gapsShown = true;
            }
            var sources = Sources(knowledge, finding.Citations);
            if (sources.Length > 0) md.AppendLine(sources);

            var suggestions = Suggestions(order, finding, patientId);
            cards.Add(new CdsCard
            {
                Summary = Summary(finding.Summary),
                Indicator = finding.Indicator,
                Detail = md.ToString().TrimEnd(),
                Source = Source(knowledge, sourceLabel),
                Suggestions = suggestions.Count > 0 ? suggestions : null,
                SelectionBehavior = suggestions.Count > 0 ? "at-most-one" : null,
                OverrideReasons = OverrideReasons,
                Links = link is null ? null : [link],
            });
        }
        return cards;
    }

    private List<CdsSuggestion> Suggestions(DraftOrder order, OrderFinding finding, string patientId)
    {
        var suggestions = new List<CdsSuggestion>();
        if (order.ResourceId is null) return suggestions;
        var remove = new CdsAction { Type = "delete", Description = $"Remove the draft {order.Name} order.", ResourceId = order.ResourceId };
        if (finding.Replacement is { } replacement)
        {
            var name = TherapyName(knowledge, replacement);
            suggestions.Add(new CdsSuggestion
            {
                Label = $"Replace with {name}",
                IsRecommended = true,
                Actions =
                [
                    remove,
                    new CdsAction
                    {
                        Type = "create",
                        Description = $"Draft an order for {name}; dose and route to be completed by the prescriber.",
                        Resource = FhirJson.ToJson(DraftMedicationRequest(replacement, name, patientId)),
                    },
                ],
            });
        }
        if (finding.SuggestRemoval) suggestions.Add(new CdsSuggestion { Label = $"Remove the {order.Name} order", Actions = [remove] });
        return suggestions;
    }

    /// <summary>A draft MedicationRequest naming the drug only: the prescriber completes dose and route in the EHR.</summary>
    private MedicationRequest DraftMedicationRequest(string therapy, string name, string patientId)
    {
        var concept = new CodeableConcept { Text = name };
        if (terminology.AtcCode(therapy) is { } atc) concept.Coding.Add(new Coding(ClinicalCodes.Atc, atc, name));
        return new MedicationRequest
        {
            Status = MedicationRequest.MedicationrequestStatus.Draft,
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Subject = new ResourceReference($"Patient/{patientId}"),
            Medication = concept,
        };
    }
}
