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

    /// <summary>
    /// Contract v2: an anticoagulated woman with chronic ITP, count 15, asking whether to stop the apixaban. Every text
    /// cites its own sources, so a citation borrowed from a neighbour shows.
    /// </summary>
    public static Assessment Anticoagulated()
    {
        const string summary = "Weekly subcutaneous TPO-RA with the best durable response.";
        const string dosing = "1 µg/kg weekly; for 70 kg, 70 µg weekly.";
        const string rationale = "Durable response 61% in trials.";
        const string onStart = "Full blood count weekly while the dose is titrated.";
        const string response = "Durable response 61% (Kuter 2008).";
        const string caution = "Thrombosis risk: review risk factors.";
        const string onStop = "Platelets can fall below baseline on stopping: check counts weekly for 4 weeks.";
        var romiplostim = Option(TherapyIds.Romiplostim, 1, OptionRole.FirstChoice, summary, ["kuter-2008", "ash-2019"],
                dosing: dosing, rationale: [rationale], responseRates: [response], cautions: [caution]) with
        {
            Fit = new OptionFit(FitGrade.Favours, FitGrade.Favours, FitGrade.Neutral, FitGrade.Against, FitGrade.Neutral, FitGrade.Neutral),
            OnStart = [onStart],
            OnStop = [onStop],
            TextCitations = new Dictionary<string, IReadOnlyList<string>>
            {
                [summary] = ["ash-2019"], [dosing] = ["kuter-2008"], [rationale] = ["kuter-2008"], [onStart] = ["ash-2019"],
                [response] = ["kuter-2008"], [caution] = ["icr-2019"], [onStop] = ["icr-2019"],
            },
        };
        const string eltrombopagSummary = "Daily oral TPO-RA.";
        var eltrombopag = Option(TherapyIds.Eltrombopag, 2, OptionRole.Alternative, eltrombopagSummary, ["icr-2019"]) with
        {
            Fit = new OptionFit(FitGrade.Favours, FitGrade.Neutral, FitGrade.Neutral, FitGrade.Neutral, FitGrade.Neutral, FitGrade.Favours),
            TextCitations = new Dictionary<string, IReadOnlyList<string>> { [eltrombopagSummary] = ["icr-2019"] },
        };
        return new Assessment
        {
            BottomLine = "Hold apixaban now and give dexamethasone for a quick rise; romiplostim is the long-term first choice.",
            Urgency = Urgency.Prompt,
            BleedingRisk = BleedingRisk.High,
            Phase = Phase.Chronic,
            Alerts =
            [
                new Alert(AlertCodes.HoldAnticoagulation, "Hold apixaban now; restart when the count is stably at or above 50 × 10⁹/L.", ["ash-2019"]),
                new Alert(AlertCodes.HbvProphylaxis, "Resolved hepatitis B: antiviral prophylaxis or HBV DNA monitoring with rituximab.", ["icr-2019"]),
            ],
            Decisions =
            [
                new Decision(DecisionTopic.Question, "Yes, stop the apixaban now.", ["The count of 15 is below 50 × 10⁹/L."], ["ash-2019"]),
                new Decision(DecisionTopic.RefractoryStatus, "Not refractory: she relapsed after a response.", [], ["icr-2019"]),
            ],
            Today =
            [
                new TodayStep("Hold apixaban.", ["Count below 50 × 10⁹/L."], ["ash-2019"]),
                new TodayStep("Give dexamethasone 40 mg daily for 4 days.", ["A quick rise is needed."], ["icr-2019"]),
            ],
            Options = [romiplostim, eltrombopag],
            Avoid = [new AvoidedTherapy(TherapyIds.Prednisone, "Steroid-dependent already.", ["icr-2019"])],
            Interactions = [new DrugInteraction(["apixaban", "rilzabrutinib"], "major", "Rilzabrutinib raises apixaban levels (P-gp and CYP3A).", ["ash-2019"])],
            UnrecognisedDrugs = ["Zyxol"],
            Missing = [],
            References = [Icr2019, Ash2019, Kuter2008],
            ContentVersion = "test",
        };
    }

    /// <summary>Far more content than any channel accepts in one message.</summary>
    public static Assessment Huge(int lines)
    {
        var rationale = Enumerable.Range(0, lines)
            .Select(i => $"Reason line {i} with a long explanation of why this option ranks where it does in this patient.")
            .ToList();
        var first = Chronic().Options[0] with { Cautions = rationale };
        return Chronic() with { Options = [first, .. Chronic().Options.Skip(1)] };
    }

    public static IEnumerable<(string Name, Assessment Assessment)> All() =>
    [
        ("chronic", Chronic()), ("emergency", Emergency()), ("no-options", NoOptions()), ("anticoagulated", Anticoagulated()),
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
