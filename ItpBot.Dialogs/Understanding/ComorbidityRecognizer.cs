using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>Comorbidities by the contract's values, from their names and usual abbreviations (HTN, CKD, T2DM, ...).</summary>
public sealed class ComorbidityRecognizer
{
    // Liver comes first so that "portal hypertension" is liver disease, not hypertension.
    private static readonly PhraseRule<Comorbidity>[] Rules =
    [
        new(Comorbidity.LiverDisease,
            @"\b(?:cirrho\w*|cirrhotic|(?:chronic )?liver (?:disease|failure|impairment|dysfunction)|hepatic (?:impairment|dysfunction|failure)|" +
            @"portal hypertension|nafld|nash|masld|mash|fatty liver|child[- ]pugh \w+|hepatitis c|hcv|cld|liver cirrhosis)\b"),
        new(Comorbidity.HepatitisB,
            @"\b(?:hbv|hep(?:atitis)? b|hbsag(?: positive|\+)?|anti-?hbc(?: positive|\+)?|hbcab(?: positive|\+)?|hepatitis b virus)\b"),
        new(Comorbidity.KidneyDisease,
            @"\b(?:ckd(?: stage)?(?: \d\w?)?|chronic kidney disease|kidney (?:disease|failure|impairment)|renal (?:impairment|failure|insufficiency|disease|dysfunction)|" +
            @"esrd|eskd|dialysis|haemodialysis|hemodialysis|nephropathy)\b"),
        new(Comorbidity.ThrombosisHistory,
            @"\b(?:dvt|pe|vte|deep vein thrombos[ie]s|deep venous thrombos[ie]s|pulmonary embol\w*|thrombos[ie]s|thrombotic events?|blood clots?|clots?|" +
            @"strokes?|cva|tia|transient ischa?emic attack|antiphospholipid(?: syndrome)?|aps|portal vein thrombos[ie]s|budd[- ]chiari)\b"),
        new(Comorbidity.HeartDisease,
            @"\b(?:ihd|cad|chd|coronary (?:artery |heart )?disease|ischa?emic heart disease|angina|heart (?:failure|disease|attack)|chf|hfref|hfpef|" +
            @"myocardial infarction|mi|nstemi|stemi|acs|cardiomyopathy|cabg|coronary stents?|cardiac stents?|pci|stents?|stented|" +
            @"af|atrial fibrillation|a ?fib|atrial flutter|(?:mechanical|metal|prosthetic|replaced|artificial) (?:heart )?valves?|valve replacement|avr|mvr|pacemaker|arrhythmia)\b"),
        new(Comorbidity.Hypertension,
            @"\b(?:hypertension|hypertensive|htn|high blood pressure|high bp|raised blood pressure|elevated blood pressure)\b"),
        new(Comorbidity.Diabetes,
            @"\b(?:diabet\w*|t[12]dm|dm(?: ?type)? ?[12]?|dm[12]|niddm|iddm|type [12] diabetes|dm2)\b"),
        new(Comorbidity.Osteoporosis,
            @"\b(?:osteoporo\w*|osteopeni\w*|fragility fractures?|low bone density)\b"),
    ];

    public IReadOnlyList<Comorbidity> FindAll(string? text) => PhraseSetFinder.Stated(Rules, text, NegationScope.Ever);

    public IReadOnlyList<Comorbidity> FindDenied(string? text) => PhraseSetFinder.Denied(Rules, text, NegationScope.Ever);
}
