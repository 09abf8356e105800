namespace ItpBot.Knowledge.Content;

/// <summary>
/// The names by which the reasoning finds content. The loader checks every one is present, so a missing
/// threshold or text stops start-up instead of failing an assessment.
/// </summary>
public static class ContentKeys
{
    public static class Parameters
    {
        public const string NewlyDiagnosedBeforeMonths = "newly-diagnosed-before-months";
        public const string ChronicAfterMonths = "chronic-after-months";
        public const string TreatCountBelow = "treat-count-below";
        public const string AdmissionCountBelow = "admission-count-below";
        public const string AntithromboticFullDoseCountFrom = "antithrombotic-full-dose-count-from";
        public const string SplenectomyDeferMonths = "splenectomy-defer-months";
        public const string CorticosteroidMaxWeeks = "corticosteroid-max-weeks";
        public const string PregnancyTreatCountBelow = "pregnancy-treat-count-below";
        public const string ProcedureCountFrom = "procedure-count-from";
        public const string RefractoryFailedTreatments = "refractory-failed-treatments";

        /// <summary>Each parameter with the range a sane value lies in (units as the id says).</summary>
        public static readonly IReadOnlyDictionary<string, (double Min, double Max)> SaneRanges =
            new Dictionary<string, (double, double)>
            {
                [NewlyDiagnosedBeforeMonths] = (0, 120),
                [ChronicAfterMonths] = (0, 120),
                [TreatCountBelow] = (0, 2000),
                [AdmissionCountBelow] = (0, 2000),
                [AntithromboticFullDoseCountFrom] = (0, 2000),
                [SplenectomyDeferMonths] = (0, 120),
                [CorticosteroidMaxWeeks] = (0, 104),
                [PregnancyTreatCountBelow] = (0, 2000),
                [ProcedureCountFrom] = (0, 2000),
                [RefractoryFailedTreatments] = (1, 30),
            };
    }

    public static class Plans
    {
        public const string Emergency = "emergency";
        public const string Observation = "observation";
        public const string FirstLine = "first-line";
        public const string SecondLine = "second-line";
        public const string Refractory = "refractory";
        public const string PregnancyFirstLine = "pregnancy-first-line";
        public const string PregnancySecondLine = "pregnancy-second-line";
        public const string Procedure = "procedure";
        public static readonly IReadOnlyList<string> All =
            [Emergency, Observation, FirstLine, SecondLine, Refractory, PregnancyFirstLine, PregnancySecondLine, Procedure];
    }

    public static class Regimens
    {
        public const string Standard = "standard";
        public const string Emergency = "emergency";
        public const string Pregnancy = "pregnancy";
        public const string ReducedStart = "reduced-start";
        public const string ReducedStartBoth = "reduced-start-both";
    }

    /// <summary>(rule, key) pairs of rule texts the reasoning uses.</summary>
    public static class RuleTexts
    {
        public static readonly (string Rule, string Key) CorticosteroidAvoidMaintenance = ("corticosteroid-dependence", "avoid-maintenance");
        public static readonly (string Rule, string Key) PriorNoResponse = ("prior-outcomes", "no-response");
        public static readonly (string Rule, string Key) PriorIntolerant = ("prior-outcomes", "intolerant");
        public static readonly (string Rule, string Key) PriorResponded = ("prior-outcomes", "responded");
        public static readonly (string Rule, string Key) PriorRelapsed = ("prior-outcomes", "relapsed");
        public static readonly (string Rule, string Key) PriorOngoing = ("prior-outcomes", "ongoing");
        public static readonly (string Rule, string Key) TpoRaSwitch = ("tpo-ra-failure", "switch");
        public static readonly (string Rule, string Key) TpoRaFailedAgent = ("tpo-ra-failure", "failed-agent");
        public static readonly (string Rule, string Key) TpoRaSwitchBeforeCombination = ("tpo-ra-failure", "switch-before-combination");
        public static readonly (string Rule, string Key) CurrentTpoRaInEmergency = ("current-tpo-ra", "emergency");
        public static readonly (string Rule, string Key) SplenectomyDefer = ("splenectomy-timing", "defer");
        public static readonly (string Rule, string Key) SplenectomyUnknownDuration = ("splenectomy-timing", "unknown-duration");
        public static readonly (string Rule, string Key) PregnancyLimitedData = ("pregnancy-safety", "limited-data");
        public static readonly (string Rule, string Key) PregnancySafe = ("pregnancy-safety", "safe");
        public static readonly (string Rule, string Key) EltrombopagReduced = ("eltrombopag-start", "reduced");
        public static readonly (string Rule, string Key) ProcedureRaiseCount = ("upcoming-procedure", "raise-count");
        public static readonly (string Rule, string Key) CurrentTherapyContinue = ("current-therapy", "continue");
        public static readonly (string Rule, string Key) Unavailable = ("availability", "unavailable");
        public static readonly (string Rule, string Key) SplenectomyAlreadyDone = ("splenectomy-history", "already-done");
        public static readonly (string Rule, string Key) AntiDNeedsSpleen = ("splenectomy-history", "anti-d-needs-spleen");
        public static readonly (string Rule, string Key) AccessorySpleenRelapse = ("accessory-spleen", "relapse");
        public static readonly (string Rule, string Key) AntithromboticsInEmergency = ("antithrombotics", "emergency");

        public static readonly IReadOnlyList<(string Rule, string Key)> All =
        [
            CorticosteroidAvoidMaintenance, PriorNoResponse, PriorIntolerant, PriorResponded, PriorRelapsed,
            PriorOngoing, TpoRaSwitch, TpoRaFailedAgent, TpoRaSwitchBeforeCombination, CurrentTpoRaInEmergency, SplenectomyDefer, SplenectomyUnknownDuration,
            PregnancyLimitedData, PregnancySafe, EltrombopagReduced, ProcedureRaiseCount, CurrentTherapyContinue,
            Unavailable, SplenectomyAlreadyDone, AntiDNeedsSpleen, AccessorySpleenRelapse, AntithromboticsInEmergency,
        ];
    }
}
