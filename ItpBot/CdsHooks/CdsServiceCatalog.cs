namespace ItpBot.CdsHooks;

/// <summary>The services this host offers and the FHIR data each asks the EHR to prefetch.</summary>
public static class CdsServiceCatalog
{
    public const string PatientViewId = "itp-patient-view";
    public const string OrderCheckId = "itp-order-check";

    public const string PatientView = "patient-view";
    public const string OrderSelect = "order-select";
    public const string OrderSign = "order-sign";

    /// <summary>Prefetch keys; the mapper reads the resources under these names.</summary>
    public static class Keys
    {
        public const string Patient = "patient";
        public const string ItpConditions = "itpConditions";
        public const string PlateletCount = "plateletCount";
        public const string Haemoglobin = "haemoglobin";
        public const string Alt = "alt";
        public const string BodyWeight = "bodyWeight";
        public const string PregnancyStatus = "pregnancyStatus";
        public const string HepatitisB = "hepatitisB";
        public const string MedicationRequests = "medicationRequests";
        public const string MedicationStatements = "medicationStatements";
        public const string Splenectomy = "splenectomy";
        public const string Immunizations = "immunizations";
    }

    private const string PatientToken = "{{context.patientId}}";

    /// <summary>One prefetch template per key; search templates keep to the specification's recommended subset.</summary>
    public static readonly IReadOnlyDictionary<string, string> Prefetch = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Keys.Patient] = $"Patient/{PatientToken}",
        [Keys.ItpConditions] = $"Condition?patient={PatientToken}&code="
            + Codes((ClinicalCodes.Icd10, [ClinicalCodes.ItpIcd10]), (ClinicalCodes.Icd10Cm, [ClinicalCodes.ItpIcd10]), (ClinicalCodes.Snomed, ClinicalCodes.ItpSnomed)),
        [Keys.PlateletCount] = Latest(ClinicalCodes.PlateletCount, 1),
        [Keys.Haemoglobin] = Latest(ClinicalCodes.Haemoglobin, 1),
        [Keys.Alt] = Latest(ClinicalCodes.Alt, 1),
        [Keys.BodyWeight] = Latest(ClinicalCodes.BodyWeight, 1),
        [Keys.PregnancyStatus] = Latest(ClinicalCodes.PregnancyStatus, 1),
        // Both markers are needed to tell negative, resolved and chronic apart.
        [Keys.HepatitisB] = Latest([.. ClinicalCodes.HbsAg, .. ClinicalCodes.AntiHbc], 10),
        [Keys.MedicationRequests] = $"MedicationRequest?patient={PatientToken}&status=active",
        [Keys.MedicationStatements] = $"MedicationStatement?patient={PatientToken}&status=active",
        [Keys.Splenectomy] = $"Procedure?patient={PatientToken}&code=" + Codes((ClinicalCodes.Snomed, ClinicalCodes.Splenectomy)),
        [Keys.Immunizations] = $"Immunization?patient={PatientToken}&status=completed",
    };

    public static readonly IReadOnlyList<CdsServiceDescription> Services =
    [
        new()
        {
            Hook = PatientView,
            Id = PatientViewId,
            Title = "ITP assessment",
            Description = "For an adult with immune thrombocytopenia (ITP): what to do now, the first choice of treatment and why, "
                + "from the patient's platelet count, haemoglobin, ALT, medicines, splenectomy and pregnancy status. "
                + "Silent for patients without an ITP diagnosis.",
            Prefetch = Prefetch,
            UsageRequirements = "Works best with all prefetch keys; bleeding and treatment history are not read from the record, so the card links to the full assessment where they can be added.",
        },
        .. new[] { OrderSelect, OrderSign }.Select(hook => new CdsServiceDescription
        {
            Hook = hook,
            Id = OrderCheckId,
            Title = "ITP drug order check",
            Description = "Checks an ITP drug or splenectomy being ordered against this patient: pregnancy, liver stop rules, "
                + "interactions with current drugs, hepatitis B before rituximab, vaccination before splenectomy, and a "
                + "second thrombopoietin receptor agonist while one is active.",
            Prefetch = Prefetch,
        }),
    ];

    public static IEnumerable<string> HooksOf(string serviceId) => Services.Where(s => s.Id == serviceId).Select(s => s.Hook);

    private static string Latest(IReadOnlyList<string> loinc, int count) =>
        $"Observation?patient={PatientToken}&code={Codes((ClinicalCodes.Loinc, loinc))}&_sort=-date&_count={count}";

    private static string Codes(params (string System, IReadOnlyList<string> Codes)[] sets) =>
        string.Join(",", sets.SelectMany(set => set.Codes.Select(code => $"{set.System}|{code}")));
}
