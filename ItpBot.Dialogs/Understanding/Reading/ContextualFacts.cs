using System.Globalization;
using System.Text.RegularExpressions;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Puts the lexicon's findings, each with its context, into the profile the fact recognisers read: only current facts
/// about the patient fill a field, except where a field is about the future (a planned pregnancy, an upcoming
/// procedure). Also reads the contract-v2 lab values (haemoglobin, ALT as a multiple of the upper limit).
/// </summary>
internal static partial class ContextualFacts
{
    public static (PatientProfile Profile, IReadOnlyList<string> Filled) Apply(
        PatientProfile profile, IReadOnlyList<string> filled, IReadOnlyList<Finding> findings, string normalized)
    {
        var extra = new List<string>();
        var usable = findings.Where(f => f.Context.Experiencer == Experiencer.Patient && f.Context.Status != FindingStatus.Hypothetical).ToList();

        profile = Pregnancy(profile, usable);
        if (profile.Pregnant is null && usable.Any(f => f.Field == ProfileFields.Pregnant && f.Context.Status == FindingStatus.Current)
            && profile.PregnancyPlanned is null)
        {
            // "she's expecting", "third trimester": pregnant now, in words the pregnancy pattern leaves to the lexicon.
            profile = profile with { Pregnant = true };
        }
        profile = NoTreatmentYet(profile, usable, extra);

        if (Latest(usable, ProfileFields.HbvStatus) is { } hbv)
        {
            // Comorbidity hepatitis-b means exposure of unknown kind; a known status replaces it.
            var comorbidities = profile.Comorbidities?.Where(c => c != Comorbidity.HepatitisB).ToList();
            profile = profile with { HbvStatus = hbv, Comorbidities = comorbidities is { Count: > 0 } ? comorbidities : null };
        }

        var procedure = usable.Where(f => f.Field == ProfileFields.Procedure && f.Context.Status is FindingStatus.Planned or FindingStatus.Current)
            .Select(f => Enum.TryParse<ProcedureKind>(f.Value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind) ? kind : (ProcedureKind?)null)
            .OfType<ProcedureKind>().ToList();
        if (procedure.Count > 0)
        {
            profile = profile with { Procedure = procedure.Max(), UpcomingProcedure = true };
        }

        profile = Boolean(profile, usable, ProfileFields.VaccinationsUpToDate, (p, v) => p with { VaccinationsUpToDate = v });
        profile = Boolean(profile, usable, ProfileFields.ChildbearingPotential, (p, v) => p with { ChildbearingPotential = v });

        var drugs = usable.Where(f => f.Field == ProfileFields.CurrentDrugs && f.Context.Status == FindingStatus.Current)
            .Select(f => f.Evidence).Distinct(StringComparer.Ordinal).ToList();
        if (drugs.Count > 0)
        {
            profile = profile with { CurrentDrugs = drugs };
        }

        if (Haemoglobin(normalized) is { } hb)
        {
            profile = profile with { Haemoglobin = hb };
        }

        if (AltTimesUpperLimit(normalized) is { } alt)
        {
            profile = profile with { AltTimesUpperLimit = alt };
        }

        var all = ProfileFields.Filled(profile).Union(filled).Union(extra).ToList();
        return (profile, all);
    }

    // "wants to get pregnant": planning, not pregnant. "not planning a pregnancy": pregnancyPlanned false.
    private static PatientProfile Pregnancy(PatientProfile profile, List<Finding> findings)
    {
        var plans = findings.Where(f => f.Field == ProfileFields.PregnancyPlanned).ToList();
        var planned = findings.Any(f => f.Field == ProfileFields.Pregnant && f.Context.Status == FindingStatus.Planned);
        if (plans.Count == 0 && !planned)
        {
            return profile;
        }

        var denied = plans.Count > 0 && plans.All(f => f.Context.Status == FindingStatus.Negated);
        var pregnantNow = findings.Any(f => f.Field == ProfileFields.Pregnant && f.Context.Status == FindingStatus.Current);
        var notPregnant = findings.Any(f => f.Field == ProfileFields.Pregnant && f.Context.Status == FindingStatus.Negated);
        return profile with
        {
            PregnancyPlanned = !denied,
            Pregnant = pregnantNow ? profile.Pregnant ?? true : notPregnant ? false : null,
            GestationWeeks = pregnantNow ? profile.GestationWeeks : null,
        };
    }

    // "no treatment yet" is no prior treatment, not a wish to stay drug-free.
    private static PatientProfile NoTreatmentYet(PatientProfile profile, List<Finding> findings, List<string> extra)
    {
        if (!findings.Any(f => f.Field == ProfileFields.PriorTreatments && f.Value == "none") || profile.PriorTreatments is { Count: > 0 })
        {
            return profile;
        }

        extra.Add(ProfileFields.PriorTreatments);
        var preferences = profile.Preferences?.Where(p => p != Preference.DrugFree).ToList();
        return profile with { PriorTreatments = [], Preferences = preferences is { Count: > 0 } ? preferences : null };
    }

    private static HbvStatus? Latest(List<Finding> findings, string field)
    {
        var values = findings.Where(f => f.Field == field && f.Context.Status is FindingStatus.Current or FindingStatus.Historical)
            .Select(f => f.Value).ToList();
        // HBsAg positive is chronic whatever else; anti-HBc positive with HBsAg negative is resolved.
        return values.Contains("chronic") ? HbvStatus.Chronic
            : values.Contains("resolved") ? HbvStatus.Resolved
            : values.Contains("negative") ? HbvStatus.Negative
            : null;
    }

    private static PatientProfile Boolean(PatientProfile profile, List<Finding> findings, string field, Func<PatientProfile, bool, PatientProfile> set)
    {
        // What is said of the patient outweighs what is denied ("premenopausal, not on contraception" can conceive).
        var finding = findings.LastOrDefault(f => f.Field == field && f.Context.Status == FindingStatus.Current)
            ?? findings.LastOrDefault(f => f.Field == field && f.Context.Status == FindingStatus.Negated);
        if (finding is null)
        {
            return profile;
        }

        var value = finding.Value == "true";
        return set(profile, finding.Context.Status == FindingStatus.Negated ? !value : value);
    }

    private static double? Haemoglobin(string normalized)
    {
        var match = Hb().Match(normalized);
        if (!match.Success || !double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        // g/L written as "85" or "85 g/l"; the contract keeps g/dL.
        var perLitre = match.Groups["unit"].Value.Replace(" ", string.Empty, StringComparison.Ordinal) is "g/l" or "gl"
            || (match.Groups["unit"].Length == 0 && value > 25);
        var gPerDl = perLitre ? value / 10 : value;
        return gPerDl is > 1 and < 25 ? Math.Round(gPerDl, 1) : null;
    }

    private static double? AltTimesUpperLimit(string normalized)
    {
        var times = AltTimes().Match(normalized);
        if (times.Success && double.TryParse(times.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var multiple))
        {
            return multiple is > 0 and < 100 ? multiple : null;
        }

        var pair = AltOverUln().Match(normalized);
        if (pair.Success
            && double.TryParse(pair.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var alt)
            && double.TryParse(pair.Groups["uln"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var uln) && uln > 0)
        {
            return Math.Round(alt / uln, 1);
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:hb|hgb|h(?:a?e|e|a)m[oa]globin)\b(?:\s*(?:of|is|was|now|at|[:=]|down to|dropped to|fell to|fallen to))*\s*(?<value>\d{1,3}(?:\.\d+)?)\s*(?<unit>g\s*/\s*d\s*l|g\s*/\s*l|g/dl|g/l|gdl|gl)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hb();

    [GeneratedRegex(@"\b(?:alt|sgpt|liver enzymes|transaminases|lfts)\b[^.;\d]{0,20}?(?<value>\d{1,2}(?:\.\d+)?)\s*(?:x|times|-fold|fold)\s*(?:the\s+)?(?:uln|upper limit|normal|the upper limit)", RegexOptions.CultureInvariant)]
    private static partial Regex AltTimes();

    [GeneratedRegex(@"\b(?:alt|sgpt)\b\s*(?:of|is|was|[:=])?\s*(?<value>\d{1,4})\s*(?:u/l|iu/l)?\s*[(,;]?\s*(?:uln|upper limit(?: of normal)?|normal <|ref(?:erence)? <?)\s*[:=<]?\s*(?<uln>\d{1,3})", RegexOptions.CultureInvariant)]
    private static partial Regex AltOverUln();
}
