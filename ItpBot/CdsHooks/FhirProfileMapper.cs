using System.Globalization;
using Hl7.Fhir.Model;
using ItpBot.Knowledge.Model;
using static ItpBot.CdsHooks.CdsServiceCatalog;

namespace ItpBot.CdsHooks;

/// <summary>The profile read from the record, what could not be read from it, and whether the patient has ITP.</summary>
public sealed record MappedProfile(PatientProfile Profile, IReadOnlyList<string> NotMapped, bool HasItpDiagnosis, IReadOnlyList<KnownDrug> KnownCurrentDrugs);

/// <summary>
/// Fills a <see cref="PatientProfile"/> (contract v2) from FHIR R4 resources. Every value is read, never inferred: what the
/// record does not say, or says in a form this mapper cannot read with certainty, stays empty and is named in
/// <see cref="MappedProfile.NotMapped"/>.
/// </summary>
public sealed class FhirProfileMapper(Terminology terminology, TimeProvider time)
{
    private const double DaysPerMonth = 365.25 / 12;

    public MappedProfile Map(PatientRecord record)
    {
        var notes = new List<string>();
        var now = time.GetUtcNow();
        var patient = record.Patient;

        var sex = patient?.Gender switch
        {
            AdministrativeGender.Female => Sex.Female,
            AdministrativeGender.Male => Sex.Male,
            _ => (Sex?)null,
        };
        if (patient is null) notes.Add("Patient resource not available: age and sex unknown.");
        else if (sex is null) notes.Add("Sex not recorded as female or male.");

        var age = AgeYears(patient?.BirthDate, now);
        if (patient is not null && age is null) notes.Add("Full birth date not recorded: age unknown.");

        var conditions = record.Of<Condition>(Keys.ItpConditions).Where(IsItp).Where(c => !Refuted(c)).ToList();
        if (!record.Has(Keys.ItpConditions)) notes.Add("ITP diagnosis (Condition) not available.");
        var months = MonthsSinceDiagnosis(conditions, patient, now);
        if (conditions.Count > 0 && months is null) notes.Add("ITP onset date not recorded: time since diagnosis unknown.");

        var platelets = Measure(record, Keys.PlateletCount, ClinicalCodes.PlateletCount, PlateletFactor, 0, 2000, "Platelet count", notes);
        var haemoglobin = Measure(record, Keys.Haemoglobin, ClinicalCodes.Haemoglobin, HaemoglobinFactor, 1, 25, "Haemoglobin", notes);
        var weight = Measure(record, Keys.BodyWeight, ClinicalCodes.BodyWeight, WeightFactor, 1, 500, "Body weight", notes);
        var alt = AltTimesUpperLimit(record, notes);

        var pregnant = sex == Sex.Female ? Pregnancy(record, notes) : null;
        var hbv = HepatitisB(record, notes);
        var splenectomy = Splenectomy(record, notes);
        var vaccinated = Vaccinations(record, notes);
        var (drugNames, knownDrugs) = CurrentDrugs(record, notes);

        notes.Add("Bleeding, treatment history and preferences are not read from the record.");

        var profile = new PatientProfile
        {
            Audience = Audience.Clinician,
            AgeYears = age,
            Sex = sex,
            WeightKg = weight,
            MonthsSinceDiagnosis = months,
            PlateletCount = platelets,
            Splenectomy = splenectomy,
            Antithrombotics = NullIfEmpty(knownDrugs.Select(d => d.Antithrombotic).OfType<Antithrombotic>().Distinct().ToList()),
            Pregnant = pregnant,
            VaccinationsUpToDate = vaccinated,
            CurrentDrugs = NullIfEmpty(drugNames),
            Haemoglobin = haemoglobin,
            AltTimesUpperLimit = alt,
            HbvStatus = hbv,
        };
        return new MappedProfile(profile, notes, conditions.Count > 0, knownDrugs);
    }

    private static IReadOnlyList<T>? NullIfEmpty<T>(IReadOnlyList<T> list) => list.Count == 0 ? null : list;

    private static int? AgeYears(string? birthDate, DateTimeOffset now)
    {
        // Only a full date gives an age without guessing a birthday.
        if (birthDate is null || !DateOnly.TryParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)) return null;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var age = today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0);
        return age is >= 0 and <= 130 ? age : null;
    }

    private static bool IsItp(Condition condition) =>
        Codings(condition.Code).Any(c =>
            ((c.System is ClinicalCodes.Icd10 or ClinicalCodes.Icd10Cm) && c.Code == ClinicalCodes.ItpIcd10)
            || (c.System == ClinicalCodes.Snomed && c.Code is not null && ClinicalCodes.ItpSnomed.Contains(c.Code)));

    private static bool Refuted(Condition condition) =>
        Codings(condition.VerificationStatus).Any(c => c.Code is "refuted" or "entered-in-error");

    private static double? MonthsSinceDiagnosis(IReadOnlyList<Condition> conditions, Patient? patient, DateTimeOffset now)
    {
        var onsets = conditions.Select(c => c.Onset switch
        {
            FhirDateTime dateTime => Instant(dateTime.Value),
            Period period => Instant(period.Start),
            _ => null,
        }).OfType<DateTimeOffset>().ToList();
        if (onsets.Count == 0) return null;
        var months = (now - onsets.Min()).TotalDays / DaysPerMonth;
        return months >= 0 ? Math.Round(months, 1) : null;
    }

    /// <summary>A FHIR date or dateTime as an instant; partial dates ("2024", "2024-03") count from their first day.</summary>
    private static DateTimeOffset? Instant(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return instant;
        string[] partial = ["yyyy-MM", "yyyy"];
        return DateTimeOffset.TryParseExact(value, partial, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant) ? instant : null;
    }

    /// <summary>The latest usable observation with one of the codes, newest first by effective time.</summary>
    private static Observation? Latest(PatientRecord record, string key, IReadOnlyList<string> loinc) =>
        record.Of<Observation>(key)
            .Where(o => o.Status is not (ObservationStatus.EnteredInError or ObservationStatus.Cancelled))
            .Where(o => Codings(o.Code).Any(c => c.System == ClinicalCodes.Loinc && c.Code is not null && loinc.Contains(c.Code)))
            .OrderByDescending(Effective)
            .FirstOrDefault();

    private static DateTimeOffset Effective(Observation observation) => observation.Effective switch
    {
        FhirDateTime dateTime => Instant(dateTime.Value),
        Period period => Instant(period.Start),
        Instant instant => instant.Value,
        _ => null,
    } ?? observation.Issued ?? DateTimeOffset.MinValue;

    private static double? Measure(
        PatientRecord record, string key, IReadOnlyList<string> loinc, Func<string, double?> factor, double min, double max,
        string label, List<string> notes)
    {
        if (!record.Has(key))
        {
            notes.Add($"{label} not available.");
            return null;
        }
        var observation = Latest(record, key, loinc);
        if (observation is null)
        {
            notes.Add($"{label}: no result on record.");
            return null;
        }
        if (observation.Value is not Quantity { Value: { } value } quantity || factor(UnitOf(quantity)) is not { } multiplier)
        {
            notes.Add($"{label}: result without a readable value and unit.");
            return null;
        }
        var converted = Math.Round((double)value * multiplier, 1);
        if (converted < min || converted > max)
        {
            notes.Add($"{label}: result outside the range the assessment accepts.");
            return null;
        }
        return converted;
    }

    private static string UnitOf(Quantity quantity) =>
        (quantity.Code ?? quantity.Unit ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace('^', '*').ToLowerInvariant();

    // × 10⁹/L is the profile's unit; 10*3/uL is the same number.
    private static double? PlateletFactor(string unit) => unit switch
    {
        "10*9/l" or "10*3/ul" or "x10*9/l" or "x10*3/ul" or "x10e9/l" or "x10e3/ul" or "10e9/l" or "10e3/ul" or "k/ul" or "10*3/mm3" or "thou/ul" => 1,
        "/ul" or "1/ul" or "/mm3" => 0.001,
        _ => null,
    };

    // g/dL is the profile's unit. 1 mmol/L of haemoglobin (monomer) is 1.611 g/dL.
    private static double? HaemoglobinFactor(string unit) => unit switch
    {
        "g/dl" => 1,
        "g/l" => 0.1,
        "mmol/l" => 1.611,
        _ => null,
    };

    private static double? WeightFactor(string unit) => unit switch
    {
        "kg" => 1,
        "g" => 0.001,
        "[lb_av]" or "lb" or "lbs" => 0.45359237,
        _ => null,
    };

    /// <summary>ALT divided by the upper limit of the result's own reference range, in the same unit.</summary>
    private static double? AltTimesUpperLimit(PatientRecord record, List<string> notes)
    {
        if (!record.Has(Keys.Alt))
        {
            notes.Add("ALT not available.");
            return null;
        }
        var observation = Latest(record, Keys.Alt, ClinicalCodes.Alt);
        if (observation is null)
        {
            notes.Add("ALT: no result on record.");
            return null;
        }
        var high = observation.ReferenceRange.Select(r => r.High).FirstOrDefault(h => h?.Value is > 0);
        if (observation.Value is not Quantity { Value: { } value } quantity || high is null)
        {
            notes.Add("ALT: no value with an upper reference limit, so its multiple of the upper limit is unknown.");
            return null;
        }
        var unit = UnitOf(quantity);
        var highUnit = UnitOf(high);
        if (highUnit.Length > 0 && unit.Length > 0 && highUnit != unit)
        {
            notes.Add("ALT: the value and its reference limit are in different units.");
            return null;
        }
        var times = Math.Round((double)value / (double)high.Value!.Value, 2);
        if (times is < 0 or > 100)
        {
            notes.Add("ALT: result outside the range the assessment accepts.");
            return null;
        }
        return times;
    }

    private static bool? Pregnancy(PatientRecord record, List<string> notes)
    {
        if (!record.Has(Keys.PregnancyStatus))
        {
            notes.Add("Pregnancy status not available.");
            return null;
        }
        var observation = Latest(record, Keys.PregnancyStatus, ClinicalCodes.PregnancyStatus);
        var answer = observation?.Value is CodeableConcept concept ? Codings(concept).Select(c => c.Code).ToList() : [];
        if (answer.Contains(ClinicalCodes.AnswerPregnant) || answer.Contains(ClinicalCodes.SnomedPregnant)) return true;
        if (answer.Contains(ClinicalCodes.AnswerNotPregnant) || answer.Contains(ClinicalCodes.SnomedNotPregnant)) return false;
        notes.Add("Pregnancy status not recorded.");
        return null;
    }

    private enum Serology { Unknown, Positive, Negative }

    private static HbvStatus? HepatitisB(PatientRecord record, List<string> notes)
    {
        if (!record.Has(Keys.HepatitisB))
        {
            notes.Add("Hepatitis B serology not available.");
            return null;
        }
        var surface = Result(Latest(record, Keys.HepatitisB, ClinicalCodes.HbsAg));
        var core = Result(Latest(record, Keys.HepatitisB, ClinicalCodes.AntiHbc));
        HbvStatus? status = (surface, core) switch
        {
            (Serology.Positive, _) => HbvStatus.Chronic,
            (Serology.Negative, Serology.Positive) => HbvStatus.Resolved,
            (Serology.Negative, Serology.Negative) => HbvStatus.Negative,
            _ => null,
        };
        if (status is null) notes.Add("Hepatitis B status unknown: HBsAg and anti-HBc results are not both on record.");
        return status;
    }

    private static Serology Result(Observation? observation)
    {
        if (observation is null) return Serology.Unknown;
        var words = new List<string?>();
        if (observation.Value is CodeableConcept concept)
        {
            words.Add(concept.Text);
            foreach (var c in Codings(concept))
            {
                if (c.Code == ClinicalCodes.SnomedPositive) return Serology.Positive;
                if (c.Code == ClinicalCodes.SnomedNegative) return Serology.Negative;
                words.Add(c.Display);
            }
        }
        if (observation.Value is FhirString text) words.Add(text.Value);
        if (observation.Value is FhirBoolean flag && flag.Value is { } positive) return positive ? Serology.Positive : Serology.Negative;
        foreach (var c in observation.Interpretation.SelectMany(Codings))
        {
            if (c.Code is "POS" or "DET") return Serology.Positive;
            if (c.Code is "NEG" or "ND") return Serology.Negative;
        }
        foreach (var word in words.OfType<string>().Select(w => w.Trim().ToLowerInvariant()))
        {
            if (word is "positive" or "reactive" or "detected") return Serology.Positive;
            if (word is "negative" or "non-reactive" or "nonreactive" or "not detected") return Serology.Negative;
        }
        return Serology.Unknown;
    }

    private static bool? Splenectomy(PatientRecord record, List<string> notes)
    {
        if (!record.Has(Keys.Splenectomy))
        {
            notes.Add("Splenectomy history (Procedure) not available.");
            return null;
        }
        return record.Of<Procedure>(Keys.Splenectomy).Any(p =>
            p.Status == EventStatus.Completed
            && Codings(p.Code).Any(c => c.System == ClinicalCodes.Snomed && c.Code is not null && ClinicalCodes.Splenectomy.Contains(c.Code)));
    }

    /// <summary>True only when every vaccine group is on record; an incomplete record is unknown, not "not vaccinated".</summary>
    private bool? Vaccinations(PatientRecord record, List<string> notes)
    {
        if (!record.Has(Keys.Immunizations))
        {
            notes.Add("Immunisations not available.");
            return null;
        }
        var given = record.Of<Immunization>(Keys.Immunizations)
            .Where(i => i.Status == Immunization.ImmunizationStatusCodes.Completed)
            .Select(i => terminology.VaccineGroup(Codings(i.VaccineCode).Select(c => (c.System, c.Code, c.Display)), i.VaccineCode?.Text))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var lacking = terminology.VaccineGroups.Where(g => !given.Contains(g)).Order(StringComparer.Ordinal).ToList();
        if (lacking.Count == 0) return true;
        notes.Add($"Vaccination not on record: {string.Join(", ", lacking)}.");
        return null;
    }

    private (IReadOnlyList<string> Names, IReadOnlyList<KnownDrug> Known) CurrentDrugs(PatientRecord record, List<string> notes)
    {
        if (!record.Has(Keys.MedicationRequests) && !record.Has(Keys.MedicationStatements))
        {
            notes.Add("Current medicines not available.");
            return ([], []);
        }
        var medications = record.Of<MedicationRequest>(Keys.MedicationRequests)
            .Where(r => r.Status == MedicationRequest.MedicationrequestStatus.Active)
            .Select(r => MedicationConcept(r.Medication, r.Contained, record))
            .Concat(record.Of<MedicationStatement>(Keys.MedicationStatements)
                .Where(s => s.Status == MedicationStatement.MedicationStatusCodes.Active)
                .Select(s => MedicationConcept(s.Medication, s.Contained, record)));

        var names = new List<string>();
        var known = new List<KnownDrug>();
        var unnamed = 0;
        foreach (var concept in medications)
        {
            var drug = concept is null ? null : terminology.Drug(Codings(concept).Select(c => (c.System, c.Code, c.Display)), concept.Text);
            var name = drug?.Generic ?? FirstName(concept);
            if (name is null)
            {
                unnamed++;
                continue;
            }
            if (names.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            names.Add(name);
            if (drug is not null) known.Add(drug);
        }
        if (unnamed > 0) notes.Add($"{unnamed} medicine(s) without a readable name or code.");
        var unknown = names.Where(n => known.All(k => !string.Equals(k.Generic, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0) notes.Add($"Medicines not recognised by code or name: {string.Join(", ", unknown)}.");
        return (names.Take(64).ToList(), known);
    }

    private static string? FirstName(CodeableConcept? concept)
    {
        var name = concept?.Text ?? Codings(concept).Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
        return string.IsNullOrWhiteSpace(name) ? null : name.Trim() is { Length: > 100 } long_ ? long_[..100] : name.Trim();
    }

    /// <summary>The coded medication, following a reference into contained resources or the record's Medications.</summary>
    internal static CodeableConcept? MedicationConcept(DataType? medication, IEnumerable<Resource> contained, PatientRecord? record) => medication switch
    {
        CodeableConcept concept => concept,
        ResourceReference { Reference: { } reference } when reference.StartsWith('#') =>
            contained.OfType<Medication>().FirstOrDefault(m => m.Id == reference[1..])?.Code,
        ResourceReference { Reference: { } reference } =>
            record?.All<Medication>().FirstOrDefault(m => reference.EndsWith("Medication/" + m.Id, StringComparison.Ordinal))?.Code,
        _ => null,
    };

    internal static IEnumerable<Coding> Codings(CodeableConcept? concept) => concept?.Coding ?? [];
}
