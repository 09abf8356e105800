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
        public const string EltrombopagStopAltTimesUln = "eltrombopag-stop-alt-times-uln";
        public const string AnticoagulantHoldCountBelow = "anticoagulant-hold-count-below";

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
                [EltrombopagStopAltTimesUln] = (1, 20),
                [AnticoagulantHoldCountBelow] = (0, 2000),
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
        /// <summary>TPO-RAs (and IVIG) out of reach: the low-resource pathway.</summary>
        public const string LowResource = "low-resource";
        /// <summary>A pregnancy planned: options compatible with conception and pregnancy first.</summary>
        public const string PregnancyPlanned = "pregnancy-planned";
        public static readonly IReadOnlyList<string> All =
            [Emergency, Observation, FirstLine, SecondLine, Refractory, PregnancyFirstLine, PregnancySecondLine, Procedure, LowResource, PregnancyPlanned];
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

    /// <summary>Question kinds the reasoning answers (reasoning.yaml, questions).</summary>
    public static class QuestionKinds
    {
        public const string Refractory = "refractory";
        public const string Antithrombotics = "antithrombotics";
        public const string Stop = "stop";
        public const string NormalCount = "normal-count";
        public const string Procedure = "procedure";
        public const string Pregnancy = "pregnancy";
        public const string Setting = "setting";
        public const string Choice = "choice";
        public const string Dose = "dose";
        /// <summary>Not a question: words in a prior treatment's note that put its trial in doubt (missed doses, cations).</summary>
        public const string Adherence = "adherence";
        public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
            { Refractory, Antithrombotics, Stop, NormalCount, Procedure, Pregnancy, Setting, Choice, Dose, Adherence };
    }

    /// <summary>Ids of the reasoning.yaml texts the v2 stages use; the loader checks every one is present.</summary>
    public static class ReasoningTexts
    {
        public const string RefractoryIwg = "status.refractory-iwg";
        public const string RefractoryMulti = "status.refractory-multi";
        public const string NotRefractory = "status.not-refractory";
        public const string RelapseNotFailure = "status.relapse-not-failure";
        public const string SteroidDependent = "status.steroid-dependent";
        public const string TpoNotFailed = "status.tpo-not-failed";
        public const string TpoInterrupted = "status.tpo-interrupted";
        public const string NewlyDiagnosed = "status.newly-diagnosed";
        public const string TreatEmergency = "treat.emergency";
        public const string TreatIndicated = "treat.indicated";
        public const string TreatAntithrombotic = "treat.antithrombotic";
        public const string TreatProcedure = "treat.procedure";
        public const string ProcedureContinue = "today.procedure-continue";
        public const string TreatNotIndicated = "treat.not-indicated";
        public const string TreatContinue = "treat.continue";
        public const string TreatReplace = "treat.replace";
        public const string SettingEmergency = "setting.emergency";
        public const string SettingAdmitNewly = "setting.admit-newly";
        public const string SettingSameDay = "setting.same-day";
        public const string SettingOutpatientReview = "setting.outpatient-review";
        public const string SettingOutpatient = "setting.outpatient";
        public const string BridgePrednisone = "today.bridge-prednisone";
        public const string BridgeDexamethasone = "today.bridge-dexamethasone";
        public const string BridgeIvig = "today.bridge-ivig";
        public const string NoBridge = "today.no-bridge";
        public const string BridgeDiabetes = "today.bridge-diabetes";
        public const string NoSteroids = "today.no-steroids";
        public const string Txa = "today.txa";
        public const string TxaKidney = "today.txa-kidney";
        public const string Menstrual = "today.menstrual";
        public const string IvigKidney = "today.ivig-kidney";
        public const string AntiDAnaemia = "today.anti-d-anaemia";
        public const string DiagnosisTests = "today.diagnosis-tests";
        public const string Reassess = "today.reassess";
        public const string LiverSecondary = "today.liver-secondary";
        public const string WarningSigns = "today.warning-signs";
        public const string StartFirst = "today.start-first";
        public const string ReferSurgery = "today.refer-surgery";
        public const string StopCurrent = "today.stop-current";
        public const string Admit = "today.admit";
        public const string AnticoagOk = "at.anticoag-ok";
        public const string AnticoagReduce = "at.anticoag-reduce";
        public const string AnticoagHold = "at.anticoag-hold";
        public const string AntiplateletOk = "at.antiplatelet-ok";
        public const string AntiplateletStop = "at.antiplatelet-stop";
        public const string PrimaryPrevention = "at.primary-prevention";
        public const string DualAntiplatelet = "at.dual-antiplatelet";
        public const string Stent = "at.stent";
        public const string Nsaid = "at.nsaid";
        public const string Paracetamol = "at.paracetamol";
        public const string Ssri = "at.ssri";
        public const string ProcedureRaise = "procedure.raise";
        public const string ProcedureStandby = "procedure.standby";
        public const string ProcedureEnough = "procedure.enough";
        public const string ProcedureNeonatal = "procedure.neonatal";
        public const string PregnancyStopTpoRa = "pregnancy.stop-tpo-ra";
        public const string PregnancyObserve = "pregnancy.observe";
        public const string PregnancyTreat = "pregnancy.treat";
        public const string PregnancyDelivery = "pregnancy.delivery";
        public const string PregnancyInstruments = "pregnancy.instruments";
        public const string PregnancyPreDelivery = "pregnancy.pre-delivery";
        public const string PregnancyPlanned = "pregnancy.planned";
        public const string PregnancyRituximabInterval = "pregnancy.rituximab-interval";
        public const string PregnancyTpoRaPlanned = "pregnancy.tpo-ra-planned";
        public const string PregnancyNone = "pregnancy.none";
        public const string TpoTaper = "tpo.taper";
        public const string TpoTaperOffer = "tpo.taper-offer";
        public const string TpoStopRuleMet = "tpo.stop-rule-met";
        public const string TpoSwitch = "tpo.switch";
        public const string TpoEmergencyRestart = "tpo.emergency-restart";
        public const string RituximabRestricted = "fit.rituximab-restricted";
        public const string RituximabFavourable = "fit.rituximab-favourable";
        public const string RituximabHbv = "fit.rituximab-hbv";
        public const string SplenectomyRisk = "fit.splenectomy-risk";
        public const string SplenectomyVteNow = "fit.splenectomy-vte-now";
        public const string SplenectomyLowResource = "fit.splenectomy-low-resource";
        public const string AvatrombopagLiver = "fit.avatrombopag-liver";
        public const string HepatotoxicLiver = "fit.hepatotoxic-liver";
        public const string TeratogenPlanned = "fit.teratogen-planned";
        public const string PregnancyCurrentTpoRa = "fit.pregnancy-current-tpo-ra";
        public const string TpoRaThrombosis = "fit.tpo-ra-thrombosis";
        public const string FostamatinibLower = "fit.fostamatinib-lower";
        public const string EltrombopagStopRule = "liver.eltrombopag-stop";
        public const string PreferenceLimited = "order.preference-limited";

        public static readonly IReadOnlyList<string> All = typeof(ReasoningTexts).GetFields()
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
    }
}
