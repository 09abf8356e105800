using System.Text.RegularExpressions;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Puts the lexicon's findings, each with its context, into the profile the fact recognisers read: only current facts
/// about the patient fill a field, except where a field is about the future (a planned pregnancy, an upcoming
/// procedure). The contract-v2 lab values are read by <see cref="LabResultRecognizer"/>.
/// </summary>
internal static partial class ContextualFacts
{
    public static (PatientProfile Profile, IReadOnlyList<string> Filled) Apply(
        PatientProfile profile, IReadOnlyList<string> filled, IReadOnlyList<Finding> findings, string normalized)
    {
        var extra = new List<string>();
        var usable = findings.Where(f => f.Context.Experiencer == Experiencer.Patient && f.Context.Status != FindingStatus.Hypothetical)
            // "no spleen vacc not done": a phrase that carries its own denial is not denied again by a word before it.
            .Select(f => PolarFields.Contains(f.Field) && f.Context.Status == FindingStatus.Negated
                    && (OwnDenial().IsMatch(f.Evidence) || !DeniedInOwnListItem(f, normalized))
                ? f with { Context = f.Context with { Status = FindingStatus.Current } }
                : f)
            // "previous splenectomy, vaccinations not up to date": a past reaching along a list is the item before's.
            .Select(f => PolarFields.Contains(f.Field) && f.Context.Status == FindingStatus.Historical && OpensListItem(f, normalized)
                ? f with { Context = f.Context with { Status = FindingStatus.Current } }
                : f)
            .Select(f => f.Field == ProfileFields.CurrentDrugs ? AsTakenNowOrLater(f, normalized) : f)
            .ToList();

        profile = Pregnancy(profile, usable, normalized);
        if (profile.Pregnant is null && usable.Any(f => f.Field == ProfileFields.Pregnant && f.Context.Status == FindingStatus.Current)
            && profile.PregnancyPlanned is null)
        {
            // "she's expecting", "third trimester": pregnant now, in words the pregnancy pattern leaves to the lexicon.
            profile = profile with { Pregnant = true };
        }
        profile = NoTreatmentYet(profile, usable, extra);

        profile = Preferences(profile, usable);
        profile = PastAntithrombotics(profile, usable);

        if (LabResultRecognizer.Strongest(Latest(usable, ProfileFields.HbvStatus), LabResultRecognizer.HbvSerology(normalized)) is { } hbv)
        {
            // Comorbidity hepatitis-b means exposure of unknown kind; a known status replaces it.
            var comorbidities = profile.Comorbidities?.Where(c => c != Comorbidity.HepatitisB).ToList();
            profile = profile with { HbvStatus = hbv, Comorbidities = comorbidities is { Count: > 0 } ? comorbidities : null };
        }
        else if (profile.Comorbidities?.Contains(Comorbidity.HepatitisB) == true
            && usable.Any(f => f.Field == ProfileFields.HbvStatus && f.Value == HbvUntested))
        {
            // "HBV serology pending": hepatitis B named as a test not yet done is no infection.
            var comorbidities = profile.Comorbidities.Where(c => c != Comorbidity.HepatitisB).ToList();
            profile = profile with { Comorbidities = comorbidities.Count > 0 ? comorbidities : null };
        }

        var procedure = usable.Where(f => f.Field == ProfileFields.Procedure && f.Context.Status is FindingStatus.Planned or FindingStatus.Current
                && !Tentative(f, normalized))
            .Select(f => Enum.TryParse<ProcedureKind>(f.Value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind) ? kind : (ProcedureKind?)null)
            .OfType<ProcedureKind>().ToList();
        if (procedure.Count > 0)
        {
            profile = profile with { Procedure = procedure.Max(), UpcomingProcedure = true };
            if (procedure.Contains(ProcedureKind.Delivery) && profile.Pregnant is null && profile.PregnancyPlanned is null)
            {
                // "to be induced next week": a birth to come is a pregnancy now.
                profile = profile with { Pregnant = true };
            }
        }

        // Vaccines given in the past ("Pneumovax given 2024") are still given.
        profile = Boolean(profile, usable, ProfileFields.VaccinationsUpToDate, (p, v) => p with { VaccinationsUpToDate = v }, pastStillHolds: "true");
        if (profile.VaccinationsUpToDate == true && usable.Any(f => f.Field == ProfileFields.VaccinationsUpToDate && f.Value == "false"
                && f.Context.Status is FindingStatus.Current or FindingStatus.Planned))
        {
            // "MenB given, pneumococcal still pending": one vaccine outstanding is not up to date.
            profile = profile with { VaccinationsUpToDate = false };
        }

        // A menopause or a hysterectomy in the past still means no pregnancy now.
        profile = Boolean(profile, usable, ProfileFields.ChildbearingPotential, (p, v) => p with { ChildbearingPotential = v }, pastStillHolds: "false");

        // "takes Microgynon": a contraceptive named as a medicine is one taken now as well as a sign she could conceive.
        var drugs = usable.Where(f => f.Context.Status == FindingStatus.Current
                && ((f.Field == ProfileFields.CurrentDrugs && f.Value != None)
                    || (f.Field == ProfileFields.ChildbearingPotential && f.Value == ContraceptiveDrug)))
            .Select(f => f.Evidence).Distinct(StringComparer.Ordinal).ToList();
        if (drugs.Count > 0)
        {
            profile = profile with { CurrentDrugs = drugs };
        }
        else if (SaysNone(usable, ProfileFields.CurrentDrugs))
        {
            // "no regular medications": no drugs, so no blood thinners either.
            profile = profile with { CurrentDrugs = [], Antithrombotics = profile.Antithrombotics ?? [] };
            extra.Add(ProfileFields.CurrentDrugs);
        }

        if (profile.Antithrombotics is null && SaysNone(usable, ProfileFields.Antithrombotics))
        {
            // "not on any blood thinners", "no antiplatelets or anticoagulants"
            profile = profile with { Antithrombotics = [] };
            extra.Add(ProfileFields.Antithrombotics);
        }

        if (profile.Comorbidities is null && SaysNone(usable, ProfileFields.Comorbidities))
        {
            // "otherwise fit and well", "no other health problems"
            profile = profile with { Comorbidities = [] };
            extra.Add(ProfileFields.Comorbidities);
        }

        if (LabResultRecognizer.Haemoglobin(normalized) is { } hb)
        {
            profile = profile with { Haemoglobin = hb };
        }

        if (LabResultRecognizer.AltTimesUpperLimit(normalized) is { } alt && !LabResultRecognizer.PastAlt(normalized))
        {
            profile = profile with { AltTimesUpperLimit = alt };
        }

        var all = ProfileFields.Filled(profile).Union(filled).Union(extra).ToList();
        return (profile, all);
    }

    // "wants to get pregnant": planning, not pregnant. "not planning a pregnancy": pregnancyPlanned false.
    private static PatientProfile Pregnancy(PatientProfile profile, List<Finding> findings, string normalized)
    {
        var plans = findings.Where(f => f.Field == ProfileFields.PregnancyPlanned).ToList();
        // "isn't planning to get pregnant": the word "pregnant" that ends a plan is the plan's, not a state now.
        findings = findings.Where(f => f.Field != ProfileFields.Pregnant || !plans.Any(p => Follows(p, f))).ToList();
        // "not pregnant, but would like to be in a year or two": a wish that points back at the pregnancy just named.
        var planned = findings.Any(f => f.Field == ProfileFields.Pregnant && f.Context.Status == FindingStatus.Planned)
            || (findings.Any(f => f.Field == ProfileFields.Pregnant) && WishToBe().IsMatch(normalized));
        if (plans.Count == 0 && !planned)
        {
            return profile;
        }

        // "our family is complete" denies a plan in its own words; "not planning a baby" by a denial.
        var denied = plans.Count > 0 && plans.All(f => (f.Context.Status == FindingStatus.Negated) == (f.Value == "true"));
        var pregnantNow = findings.Any(f => f.Field == ProfileFields.Pregnant && f.Context.Status == FindingStatus.Current);
        var notPregnant = findings.Any(f => f.Field == ProfileFields.Pregnant && f.Context.Status == FindingStatus.Negated);
        return profile with
        {
            PregnancyPlanned = !denied,
            Pregnant = pregnantNow ? profile.Pregnant ?? true : notPregnant ? false : null,
            GestationWeeks = pregnantNow ? profile.GestationWeeks : null,
        };
    }

    private static bool Follows(Finding first, Finding next) =>
        next.Start > first.Start && next.Start <= first.Start + first.Length + 1;

    // "we're considering a splenectomy next year", "might need a hip replacement one day": a possibility, not a
    // procedure to come; nor is one told as the time of something past ("a clot after my hip op") or refused ("anything
    // but surgery"). The words are the lexicon's (tentative.yaml); the clause of the procedure is read.
    internal static bool Tentative(Finding procedure, string normalized)
    {
        var at = procedure.Start < normalized.Length && string.CompareOrdinal(normalized, procedure.Start, procedure.Evidence, 0, procedure.Evidence.Length) == 0
            ? procedure.Start
            : normalized.IndexOf(procedure.Evidence, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var clause = UnderstandingText.ClauseAt(normalized, at);
        var end = at + procedure.Evidence.Length;
        return TentativeBefore.Value.IsMatch(normalized.AsSpan(clause.Start, at - clause.Start))
            || (end < clause.End && TentativeLater.Value.IsMatch(normalized.AsSpan(end, clause.End - end)))
            // Read across a clause's start: "anything but surgery" parts at "but", yet says what is refused.
            || PastBefore.Value.IsMatch(normalized.AsSpan(Math.Max(0, at - 60), at - Math.Max(0, at - 60)))
            || (end < clause.End && PastLater.Value.IsMatch(normalized.AsSpan(end, clause.End - end)))
            || PastTreatmentBefore.Value.IsMatch(normalized.AsSpan(clause.Start, at - clause.Start));
    }

    // "had IVIG before my knee op", "IVIG: good response before hip replacement": the procedure dates a past treatment.
    private static readonly Lazy<Regex> PastTreatmentBefore = new(() => new(
        @"\b" + LexiconRegex.Alternation(ReadingLexicon.Default, "tentative", "past-treated", "past-had")
        + @"\b.*\bbefore\s+(?:(?:a|an|the|my|her|his|their|that)\s+)?(?:\w+\s+){0,2}$", RegexOptions.CultureInvariant));

    // "after my hip op", "had a heart bypass", "anything but surgery": the words end just before the procedure.
    private static readonly Lazy<Regex> PastBefore = new(() => new(
        @"\b" + LexiconRegex.Alternation(ReadingLexicon.Default, "tentative", "past-before", "past-had")
        + @"\s+(?:(?:a|an|the|my|her|his|their|that)\s+)?(?:\w+\s+)?$", RegexOptions.CultureInvariant));

    // "a heart bypass years back", "her hip op last spring": the words follow the procedure.
    private static readonly Lazy<Regex> PastLater = new(() => new(
        @"^\s*" + LexiconRegex.Alternation(ReadingLexicon.Default, "tentative", "past-later") + @"\b", RegexOptions.CultureInvariant));

    private static readonly Lazy<Regex> TentativeBefore = new(() => TentativeWords("tentative"));

    private static readonly Lazy<Regex> TentativeLater = new(() => TentativeWords("tentative-later"));

    private static Regex TentativeWords(string meaning) => new(
        @"\b" + LexiconRegex.Alternation(ReadingLexicon.Default, "tentative", meaning) + @"\b", RegexOptions.CultureInvariant);

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

    private const string None = "none";

    private const string HbvUntested = "untested";

    // Facts whose phrase carries its own yes or no ("vaccinations up to date", "HBsAg neg"): a denial reaching them
    // along a list ("no spleen surgery, vaccinations up to date") belongs to the item before.
    private static readonly HashSet<string> PolarFields = new(StringComparer.Ordinal)
    {
        ProfileFields.VaccinationsUpToDate, ProfileFields.HbvStatus, ProfileFields.ChildbearingPotential,
    };

    private static bool DeniedInOwnListItem(Finding finding, string normalized)
    {
        var at = normalized.IndexOf(finding.Evidence, StringComparison.Ordinal);
        if (at < 0)
        {
            return true;
        }

        var itemStart = normalized.LastIndexOfAny([',', ';', '.', '\n'], Math.Max(0, at - 1)) + 1;
        return OwnDenial().IsMatch(normalized.AsSpan(itemStart, at - itemStart));
    }

    [GeneratedRegex(@"\b(?:no|not|never|without|nil|none|denies|denied|negative for)\b|n't\b", RegexOptions.CultureInvariant)]
    private static partial Regex OwnDenial();

    private static bool OpensListItem(Finding finding, string normalized)
    {
        var at = normalized.IndexOf(finding.Evidence, StringComparison.Ordinal);
        if (at <= 0)
        {
            return false;
        }

        var itemStart = normalized.LastIndexOfAny([',', ';', '\n'], at - 1) + 1;
        return itemStart > 0 && normalized.AsSpan(itemStart, at - itemStart).IsWhiteSpace();
    }

    // "on rivaroxaban for a DVT last year" is taken now (the past is the clot's); "might need to start apixaban" later.
    private static Finding AsTakenNowOrLater(Finding drug, string normalized)
    {
        var at = normalized.IndexOf(drug.Evidence, StringComparison.Ordinal);
        if (at < 0)
        {
            return drug;
        }

        var before = normalized.AsSpan(0, at);
        return StartsLater().IsMatch(before) ? drug with { Context = drug.Context with { Status = FindingStatus.Planned } }
            : drug.Context.Status == FindingStatus.Historical && TakenNow().IsMatch(before) ? drug with { Context = drug.Context with { Status = FindingStatus.Current } }
            : drug;
    }

    [GeneratedRegex(@"(?<!\b(?:was|were|been|stopped|stop|quit|came|come|taken|went)\s+)\b(?:on|taking|takes|using|uses)\s+(?:regular\s+|daily\s+|long[- ]term\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TakenNow();

    [GeneratedRegex(@"\b(?:might|may|could|will|would|going to|plan(?:ning|s)? to|needs? to|about to)\s+(?:need to\s+|have to\s+)?(?:start|begin|go on(?:to)?|be (?:started|put) on|commence|switch to|try)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex StartsLater();

    // "doesn't want surgery": a preference the lexicon words claim (so the operation is not one to come).
    private static PatientProfile Preferences(PatientProfile profile, List<Finding> findings)
    {
        var stated = findings.Where(f => f.Field == ProfileFields.Preferences)
            .Select(f => Enum.TryParse<Preference>(f.Value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var p) ? p : (Preference?)null)
            .OfType<Preference>().ToList();
        return stated.Count == 0 ? profile : profile with { Preferences = (profile.Preferences ?? []).Concat(stated).Distinct().ToList() };
    }

    // "used to take clopidogrel but stopped it": a blood thinner named only in the past is not taken now.
    private static PatientProfile PastAntithrombotics(PatientProfile profile, List<Finding> findings)
    {
        var drugs = findings.Where(f => f.Field == ProfileFields.CurrentDrugs && f.Value != None).ToList();
        if (profile.Antithrombotics is not { Count: > 0 } || drugs.Count == 0
            || !drugs.All(f => f.Context.Status is FindingStatus.Historical or FindingStatus.Planned))
        {
            return profile;
        }

        // Stopped and nothing taken now is none now ("used to be on warfarin but that was stopped"); one still to
        // start ("might restart the apixaban") says nothing of now.
        return profile with { Antithrombotics = drugs.All(f => f.Context.Status == FindingStatus.Historical) ? [] : null };
    }

    // A "none" phrase ("no regular medications") fills its field with nothing, whether or not a denial marks it.
    private static bool SaysNone(List<Finding> findings, string field) =>
        findings.Any(f => f.Field == field && f.Value == None && f.Context.Status != FindingStatus.Planned);

    private const string Contraception = "contraception";

    private const string ContraceptiveDrug = "contraceptive-drug";

    private static PatientProfile Boolean(
        PatientProfile profile, List<Finding> findings, string field, Func<PatientProfile, bool, PatientProfile> set, string? pastStillHolds = null)
    {
        // What is said of the patient outweighs what is denied ("premenopausal, not on contraception" can conceive).
        var finding = findings.LastOrDefault(f => f.Field == field && f.Context.Status == FindingStatus.Current)
            ?? findings.LastOrDefault(f => f.Field == field && f.Context.Status == FindingStatus.Negated && f.Value is Contraception or ContraceptiveDrug)
            ?? findings.LastOrDefault(f => f.Field == field && f.Context.Status == FindingStatus.Negated)
            ?? findings.LastOrDefault(f => f.Field == field && f.Context.Status == FindingStatus.Historical && f.Value == pastStillHolds);
        if (finding is null)
        {
            return profile;
        }

        // "on the pill" and "not on contraception" both say she could conceive.
        if (finding.Value is Contraception or ContraceptiveDrug)
        {
            return set(profile, true);
        }

        var value = finding.Value == "true";
        return set(profile, finding.Context.Status == FindingStatus.Negated ? !value : value);
    }

    [GeneratedRegex(@"\b(?:would like|'d like|wants?|wanting|hoping|hopes?|plans?|planning|keen|intends?|intending|trying) to (?:be|get|become)(?: pregnant| one)?(?=\s+(?:in|within|next|soon|one day|someday|eventually|later|again|at some point)\b|\s*[,.;!]|\s*$)",
        RegexOptions.CultureInvariant)]
    private static partial Regex WishToBe();
}
