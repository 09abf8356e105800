using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;
using Moq;

namespace ItpBot.Tests.Dialogs.Replies;

/// <summary>Assessments built by hand, shaped like the reasoning engine's output, for the reply tests.</summary>
internal static class AssessmentFixtures
{
    public static readonly Reference Ash2019 = new()
    {
        Id = "ash-2019", Title = "American Society of Hematology 2019 guidelines for immune thrombocytopenia",
        Publisher = "Blood Advances", Year = 2019, Url = "https://doi.org/10.1182/bloodadvances.2019000966",
    };

    public static readonly Reference Icr2019 = new()
    {
        Id = "icr-2019", Title = "Updated international consensus report on the investigation and management of primary immune thrombocytopenia",
        Publisher = "Blood Advances", Year = 2019, Url = "https://doi.org/10.1182/bloodadvances.2019000812",
    };

    public static readonly Reference Kuter2008 = new()
    {
        Id = "kuter-2008", Title = "Efficacy of romiplostim in patients with chronic immune thrombocytopenic purpura",
        Publisher = "The Lancet", Year = 2008,
    };

    public static TreatmentOption Option(string therapy, int rank, OptionRole role, string summary,
        IReadOnlyList<string> citations, string? dosing = null, IReadOnlyList<string>? rationale = null,
        IReadOnlyList<string>? responseRates = null, string? onset = null, IReadOnlyList<string>? cautions = null) => new()
    {
        Therapy = therapy, Rank = rank, Role = role, Summary = summary, Citations = citations, Dosing = dosing,
        Rationale = rationale ?? [], ResponseRates = responseRates ?? [], Onset = onset, Cautions = cautions ?? [],
    };

    /// <summary>Chronic ITP after corticosteroid dependence: a TPO-RA first. References are listed in an order
    /// that differs from the order of first citation, so numbering has to follow use.</summary>
    public static Assessment Chronic() => new()
    {
        Urgency = Urgency.Prompt,
        BleedingRisk = BleedingRisk.Moderate,
        Phase = Phase.Chronic,
        Options =
        [
            Option(TherapyIds.Romiplostim, 1, OptionRole.FirstChoice,
                "Weekly subcutaneous thrombopoietin receptor agonist.", ["kuter-2008", "ash-2019"],
                dosing: "1 µg/kg subcutaneously once weekly; adjust by 1 µg/kg per week to keep platelets 50–200 × 10⁹/L; maximum 10 µg/kg.",
                rationale: ["Corticosteroid-dependent for more than 3 months.", "Prefers to avoid surgery."],
                responseRates: ["Overall response 88% in non-splenectomised adults with chronic ITP (Kuter 2008)."],
                onset: "Platelets usually rise within 1–2 weeks.",
                cautions: ["Check a full blood count weekly until the dose is stable, then monthly.", "Thrombosis risk: review risk factors."]),
            Option(TherapyIds.Eltrombopag, 2, OptionRole.Alternative,
                "Daily oral TPO-RA; 50 mg once daily, taken apart from calcium-rich food.", ["ash-2019", "icr-2019"]),
            Option(TherapyIds.Fostamatinib, 3, OptionRole.Alternative, "Oral SYK inhibitor; response in about 43%.", ["icr-2019"]),
            Option(TherapyIds.Rituximab, 4, OptionRole.Later, "Durable response in about 20–30% at 5 years.", ["icr-2019"]),
        ],
        Avoid = [new AvoidedTherapy(TherapyIds.Prednisone, "Already corticosteroid-dependent; more steroid adds harm without cure.", ["ash-2019"])],
        Alerts =
        [
            new Alert(AlertCodes.ProlongedCorticosteroids, "Taper corticosteroids: use beyond 6 weeks causes harm.", ["ash-2019"]),
            new Alert(AlertCodes.HbvScreenBeforeRituximab, "Screen for hepatitis B before rituximab.", ["icr-2019"]),
        ],
        Missing = ["weightKg"],
        References = [Icr2019, Ash2019, Kuter2008],
        ContentVersion = "test",
    };

    /// <summary>Critical bleeding: combined emergency treatment.</summary>
    public static Assessment Emergency() => new()
    {
        Urgency = Urgency.Emergency,
        BleedingRisk = BleedingRisk.High,
        Phase = Phase.Chronic,
        Options =
        [
            Option(TherapyIds.Ivig, 1, OptionRole.FirstChoice, "Fastest rise with corticosteroids.", ["icr-2019"],
                dosing: "IVIg 1 g/kg once; repeat on day 2 if needed.", onset: "Within 24–48 hours."),
            Option(TherapyIds.Methylprednisolone, 2, OptionRole.FirstChoice, "High-dose intravenous corticosteroid.", ["icr-2019"],
                dosing: "1 g intravenously daily for 3 days."),
            Option(TherapyIds.PlateletTransfusion, 3, OptionRole.Rescue, "Transfuse platelets together with IVIg.", ["ash-2019"]),
            Option(TherapyIds.Romiplostim, 4, OptionRole.Later, "Start a TPO-RA if the response is not sustained.", ["ash-2019"]),
        ],
        Avoid = [new AvoidedTherapy(TherapyIds.Splenectomy, "Not in an emergency.", ["icr-2019"])],
        Alerts = [new Alert(AlertCodes.EmergencyBleeding, "Critical bleeding: give combined emergency treatment first.", ["icr-2019"])],
        Missing = [],
        References = [Ash2019, Icr2019],
        ContentVersion = "test",
    };

    /// <summary>Nothing to rank: treatment is not indicated and key facts are missing.</summary>
    public static Assessment NoOptions() => new()
    {
        Urgency = Urgency.Routine,
        BleedingRisk = BleedingRisk.Low,
        Phase = null,
        Options = [],
        Avoid = [],
        Alerts = [new Alert(AlertCodes.TreatmentNotIndicated, "Count and bleeding do not call for treatment now.", ["ash-2019"])],
        Missing = ["plateletCount", "bleeding"],
        References = [Ash2019],
        ContentVersion = "test",
    };

    /// <summary>Far more content than any channel accepts in one message.</summary>
    public static Assessment Huge(int lines)
    {
        var rationale = Enumerable.Range(0, lines)
            .Select(i => $"Reason line {i} with a long explanation of why this option ranks where it does in this patient.")
            .ToList();
        var first = Chronic().Options[0] with { Rationale = rationale };
        return Chronic() with { Options = [first, .. Chronic().Options.Skip(1)] };
    }

    public static IEnumerable<(string Name, Assessment Assessment)> All() =>
    [
        ("chronic", Chronic()), ("emergency", Emergency()), ("no-options", NoOptions()),
    ];

    public static ITherapyLexicon Lexicon()
    {
        var lexicon = new Mock<ITherapyLexicon>();
        lexicon.Setup(l => l.Therapies).Returns(
        [
            new TherapyName(TherapyIds.Ivig, "IVIg", ["IVIG", "immunoglobulin"]),
            new TherapyName(TherapyIds.Romiplostim, "Romiplostim", ["Nplate"]),
            new TherapyName(TherapyIds.Eltrombopag, "Eltrombopag", ["Promacta", "Revolade"]),
        ]);
        lexicon.Setup(l => l.DefinitionTerms).Returns([]);
        return lexicon.Object;
    }
}
