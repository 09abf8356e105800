namespace ItpBot.Knowledge.Model;

/// <summary>The alert codes the contract fixes.</summary>
public static class AlertCodes
{
    public const string EmergencyBleeding = "emergency-bleeding";
    public const string ProlongedCorticosteroids = "prolonged-corticosteroids";
    public const string SwitchToSecondLine = "switch-to-second-line";
    public const string DeferSplenectomy = "defer-splenectomy";
    public const string VaccinateBeforeSplenectomy = "vaccinate-before-splenectomy";
    public const string HbvScreenBeforeRituximab = "hbv-screen-before-rituximab";
    public const string CheckAdherenceAndAbsorption = "check-adherence-and-absorption";
    public const string ReassessDiagnosis = "reassess-diagnosis";
    public const string HoldAnticoagulation = "hold-anticoagulation";
    public const string Pregnancy = "pregnancy";
    public const string TargetHaemostaticCount = "target-haemostatic-count";
    public const string ThrombosisRisk = "thrombosis-risk";
    public const string AccessorySpleen = "accessory-spleen";
    public const string EltrombopagReducedStart = "eltrombopag-reduced-start";
    public const string TreatmentNotIndicated = "treatment-not-indicated";
    /// <summary>Added to the contract's codes: newly diagnosed with a count low enough for ASH 2019 to suggest admission.</summary>
    public const string ConsiderAdmission = "consider-admission";

    // Contract version 2.
    /// <summary>No spleen: vaccination, fever plan.</summary>
    public const string AspleniaCare = "asplenia-care";
    /// <summary>Resolved or chronic HBV with an anti-CD20 option.</summary>
    public const string HbvProphylaxis = "hbv-prophylaxis";
    /// <summary>An option with fetal harm, or rituximab, in a woman who could become pregnant.</summary>
    public const string Contraception = "contraception";
    /// <summary>A TPO-RA is being stopped or switched.</summary>
    public const string ReboundOnStop = "rebound-on-stop";
    /// <summary>Stopping corticosteroids taken for more than 3 weeks.</summary>
    public const string SteroidTaper = "steroid-taper";
    /// <summary>A drug meets its label stop rule.</summary>
    public const string HepatotoxicityStop = "hepatotoxicity-stop";
    public const string DrugInteraction = "drug-interaction";
}
