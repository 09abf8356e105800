namespace ItpBot.CdsHooks;

/// <summary>
/// The standard codes the prefetch templates ask for and the mapper reads. Each was checked against public code lists
/// (LOINC, SNOMED CT and ICD-10 value sets published in HL7 implementation guides and OHDSI concept sets).
/// </summary>
public static class ClinicalCodes
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string Atc = "http://www.whocc.no/atc";
    public const string Cvx = "http://hl7.org/fhir/sid/cvx";

    /// <summary>ICD-10 (WHO and -CM) D69.3 "Immune thrombocytopenic purpura".</summary>
    public const string ItpIcd10 = "D69.3";

    /// <summary>SNOMED CT 2897005 "Immune thrombocytopenia (disorder)", 32273002 "Idiopathic thrombocytopenic purpura (disorder)".</summary>
    public static readonly IReadOnlyList<string> ItpSnomed = ["2897005", "32273002"];

    /// <summary>LOINC 777-3 "Platelets [#/volume] in Blood by Automated count", 26515-7 "Platelets [#/volume] in Blood".</summary>
    public static readonly IReadOnlyList<string> PlateletCount = ["777-3", "26515-7"];

    /// <summary>LOINC 718-7 "Hemoglobin [Mass/volume] in Blood".</summary>
    public static readonly IReadOnlyList<string> Haemoglobin = ["718-7"];

    /// <summary>LOINC 1742-6 "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma"; 1743-4 is the same with P-5'-P.</summary>
    public static readonly IReadOnlyList<string> Alt = ["1742-6", "1743-4"];

    /// <summary>LOINC 29463-7 "Body weight".</summary>
    public static readonly IReadOnlyList<string> BodyWeight = ["29463-7"];

    /// <summary>LOINC 82810-3 "Pregnancy status" (answers LA15173-0 Pregnant, LA26683-5 Not pregnant, LA4489-6 Unknown).</summary>
    public static readonly IReadOnlyList<string> PregnancyStatus = ["82810-3"];

    public const string AnswerPregnant = "LA15173-0";
    public const string AnswerNotPregnant = "LA26683-5";
    /// <summary>SNOMED CT 77386006 "Patient currently pregnant (finding)", 60001007 "Not pregnant (finding)".</summary>
    public const string SnomedPregnant = "77386006";
    public const string SnomedNotPregnant = "60001007";

    /// <summary>LOINC 5196-1 "Hepatitis B virus surface Ag [Presence] in Serum or Plasma by Immunoassay", 5195-3 "... in Serum".</summary>
    public static readonly IReadOnlyList<string> HbsAg = ["5196-1", "5195-3"];

    /// <summary>LOINC 16933-4 "Hepatitis B virus core Ab [Presence] in Serum" (anti-HBc, total).</summary>
    public static readonly IReadOnlyList<string> AntiHbc = ["16933-4"];

    /// <summary>SNOMED CT 10828004 "Positive", 260385009 "Negative" (qualifier values).</summary>
    public const string SnomedPositive = "10828004";
    public const string SnomedNegative = "260385009";

    /// <summary>SNOMED CT 234319005 "Splenectomy (procedure)"; 174776001 "Total splenectomy".</summary>
    public static readonly IReadOnlyList<string> Splenectomy = ["234319005", "174776001"];
}
