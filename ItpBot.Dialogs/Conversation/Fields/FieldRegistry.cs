using System.Globalization;
using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Conversation.Fields;

/// <summary>
/// One entry per PatientProfile field, in the order a haematologist asks. Adding a field is one entry here, its
/// question in ConversationTexts.yaml (when it is asked), and its tests; the intake, the answer readers, the merge,
/// the corrections' routing and the case summary all read it from here. Bounds are the contract's (the API's).
/// </summary>
public static class FieldRegistry
{
    public static IReadOnlyList<PatientField> All { get; } =
    [
        new()
        {
            Id = IntakeField.PlateletCount,
            ContractNames = [ProfileFields.PlateletCount],
            Label = "Platelet count",
            IsKnown = p => p.PlateletCount is not null,
            ReadAnswer = (r, text) => r.Platelets.Recognize(text) is { } count ? new() { PlateletCount = count } : null,
            Merge = Scalar(p => p.PlateletCount, (p, v) => p with { PlateletCount = v }),
            Validate = p => Within(p.PlateletCount, 0, 2000),
            Show = (p, _) => p.PlateletCount is { } count ? $"{Number(count)} × 10⁹/L" : null,
        },
        new()
        {
            Id = IntakeField.Bleeding,
            ContractNames = [ProfileFields.Bleeding],
            Label = "Bleeding now",
            IsKnown = p => p.Bleeding is not null,
            // A bleed named wins over the "no" around it ("no, just a few bruises"); a reply that opens with none and
            // names no bleed says none ("nothing, he's fine day to day").
            ReadAnswer = (r, text) => r.Bleeding.Recognize(text) is { } found ? new() { Bleeding = found.Grade }
                : EverydayAnswers.SaysNone(text) || EverydayAnswers.OpensWithNone(text) ? new() { Bleeding = Bleeding.None } : null,
            Merge = Scalar(p => p.Bleeding, (p, v) => p with { Bleeding = v }),
            Show = (p, _) => p.Bleeding is { } bleeding ? Kebab(bleeding) : null,
        },
        new()
        {
            Id = IntakeField.TimeSinceDiagnosis,
            ContractNames = [ProfileFields.MonthsSinceDiagnosis],
            Label = "Since diagnosis",
            IsKnown = p => p.MonthsSinceDiagnosis is not null,
            ReadAnswer = (r, text) => r.Duration.RecognizeMonths(text) is { } months ? new() { MonthsSinceDiagnosis = months } : null,
            Merge = Scalar(p => p.MonthsSinceDiagnosis, (p, v) => p with { MonthsSinceDiagnosis = v }),
            Validate = p => Within(p.MonthsSinceDiagnosis, 0, 1200),
            Show = (p, _) => p.MonthsSinceDiagnosis is { } months ? $"{Number(months)} months" : null,
        },
        new()
        {
            Id = IntakeField.PriorTreatments,
            ContractNames = [ProfileFields.PriorTreatments],
            Label = "Prior treatments",
            IsKnown = p => p.PriorTreatments is not null,
            ReadAnswer = PriorTreatments,
            Merge = (c, u) => u.PriorTreatments is null ? c : c with { PriorTreatments = MergeTreatments(c.PriorTreatments, u.PriorTreatments) },
            Remove = (c, u) => u.PriorTreatments is null ? c : c with { PriorTreatments = (c.PriorTreatments ?? []).Where(t => u.PriorTreatments.All(r => r.Therapy != t.Therapy)).ToList() },
            Show = (p, name) => p.PriorTreatments is { } prior
                ? prior.Count == 0 ? "none" : string.Join("; ", prior.Select(t => $"{name(t.Therapy)}: {Kebab(t.Outcome)}"))
                : null,
        },
        new()
        {
            Id = IntakeField.Splenectomy,
            ContractNames = [ProfileFields.Splenectomy],
            Label = "Splenectomy",
            IsKnown = p => p.Splenectomy is not null,
            ReadAnswer = (r, text) => (r.Splenectomy.FindInText(text) ?? r.YesOrNo(text)) is { } done ? new() { Splenectomy = done } : null,
            ReadInGroup = (r, text) => r.Splenectomy.FindInText(text) is { } done ? new() { Splenectomy = done } : null,
            Merge = Scalar(p => p.Splenectomy, (p, v) => p with { Splenectomy = v }),
            Show = (p, _) => YesNo(p.Splenectomy),
        },
        new()
        {
            Id = IntakeField.Antithrombotics,
            ContractNames = [ProfileFields.Antithrombotics],
            Label = "Antithrombotics",
            IsKnown = p => p.Antithrombotics is not null,
            ReadAnswer = (r, text) => List(text, r.Antithrombotics.FindAll(text), list => new() { Antithrombotics = list })
                ?? OnlyDenied(r.Antithrombotics.FindDenied(text), new() { Antithrombotics = [] }),
            ReadInGroup = (r, text) => r.Antithrombotics.FindAll(text) is { Count: > 0 } found ? new() { Antithrombotics = found }
                : r.Antithrombotics.FindDenied(text).Count > 0 || FieldReaders.NoAntithrombotics(text) ? new() { Antithrombotics = [] } : null,
            FindInText = (_, text) => FieldReaders.NoAntithrombotics(text) ? new() { Antithrombotics = [] } : null,
            Merge = (c, u) => u.Antithrombotics is null ? c : c with { Antithrombotics = Union(c.Antithrombotics, u.Antithrombotics) },
            Remove = (c, u) => u.Antithrombotics is null ? c : c with { Antithrombotics = Except(c.Antithrombotics, u.Antithrombotics) },
            Show = (p, _) => EnumList(p.Antithrombotics),
        },
        new()
        {
            Id = IntakeField.Comorbidities,
            ContractNames = [ProfileFields.Comorbidities],
            Label = "Comorbidities",
            IsKnown = p => p.Comorbidities is not null,
            ReadAnswer = (r, text) => List(text, r.Comorbidities.FindAll(text), list => new() { Comorbidities = list })
                ?? OnlyDenied(r.Comorbidities.FindDenied(text), new() { Comorbidities = [] }),
            ReadInGroup = (r, text) => r.Comorbidities.FindAll(text) is { Count: > 0 } found ? new() { Comorbidities = found }
                : r.Comorbidities.FindDenied(text).Count > 0 || FieldReaders.NoComorbidities(text) ? new() { Comorbidities = [] } : null,
            FindInText = (_, text) => FieldReaders.NoComorbidities(text) ? new() { Comorbidities = [] } : null,
            Merge = (c, u) => u.Comorbidities is null ? c : c with { Comorbidities = Union(c.Comorbidities, u.Comorbidities) },
            Remove = (c, u) => u.Comorbidities is null ? c : c with { Comorbidities = Except(c.Comorbidities, u.Comorbidities) },
            Show = (p, _) => EnumList(p.Comorbidities),
        },
        new()
        {
            Id = IntakeField.Age,
            ContractNames = [ProfileFields.AgeYears],
            Label = "Age",
            IsKnown = p => p.AgeYears is not null,
            ReadAnswer = (r, text) => r.Demographics.RecognizeAge(text) is { } age ? new() { AgeYears = age } : null,
            // In a group reply a bare number is placed by its position ("38, female, 60 kg"), not read as an age here.
            ReadInGroup = (r, text) => r.Demographics.FindInText(text)?.AgeYears is { } age ? new() { AgeYears = age } : null,
            Merge = Scalar(p => p.AgeYears, (p, v) => p with { AgeYears = v }),
            Validate = p => Within(p.AgeYears, 0, 130),
            Show = (p, _) => p.AgeYears?.ToString(CultureInfo.InvariantCulture),
        },
        new()
        {
            Id = IntakeField.Sex,
            ContractNames = [ProfileFields.Sex],
            Label = "Sex",
            IsKnown = p => p.Sex is not null,
            ReadAnswer = (r, text) => r.Demographics.RecognizeSex(text) is { } sex ? new() { Sex = sex } : null,
            ReadInGroup = (r, text) => r.Demographics.RecognizeSex(text) is { } sex ? new() { Sex = sex } : null,
            Merge = Scalar(p => p.Sex, (p, v) => p with { Sex = v }),
            Show = (p, _) => p.Sex is { } sex ? Kebab(sex) : null,
        },
        new()
        {
            Id = IntakeField.Weight,
            ContractNames = [ProfileFields.WeightKg],
            Label = "Weight",
            IsKnown = p => p.WeightKg is not null,
            ReadAnswer = (r, text) => r.Weight.Recognize(text) is { } kg ? new() { WeightKg = kg } : null,
            // A weight needs its unit here ("60 kg", "11 stone"); a bare number is placed by its position.
            ReadInGroup = (r, text) => r.Weight.FindInText(text) is { } kg ? new() { WeightKg = kg } : null,
            Merge = Scalar(p => p.WeightKg, (p, v) => p with { WeightKg = v }),
            Validate = p => Within(p.WeightKg, 1, 500),
            Show = (p, _) => p.WeightKg is { } kg ? $"{Number(kg)} kg" : null,
        },
        new()
        {
            Id = IntakeField.Pregnancy,
            ContractNames = [ProfileFields.Pregnant, ProfileFields.GestationWeeks],
            Label = "Pregnant",
            IsKnown = p => p.Pregnant is not null,
            AskWhen = AskWhen.MayBePregnant,
            ReadAnswer = Pregnancy,
            ReadInGroup = (r, text) => r.Pregnancy.ReadAnswer(text) is { } status ? new() { Pregnant = status.Pregnant, GestationWeeks = status.GestationWeeks } : null,
            NowOnly = true,
            PlannedAs = ProfileFields.PregnancyPlanned,
            // Not pregnant any more means no gestation either.
            Merge = (c, u) => u.Pregnant is null && u.GestationWeeks is null ? c : c with
            {
                Pregnant = u.Pregnant ?? c.Pregnant,
                GestationWeeks = u.Pregnant == false ? u.GestationWeeks : u.GestationWeeks ?? c.GestationWeeks,
            },
            Validate = p => Within(p.GestationWeeks, 0, 45),
            Show = (p, _) => p.Pregnant is true && p.GestationWeeks is { } weeks ? $"yes, {weeks} weeks" : YesNo(p.Pregnant),
        },
        new()
        {
            Id = IntakeField.Ancestry,
            ContractNames = [ProfileFields.EastAsianAncestry],
            Label = "East Asian ancestry",
            IsKnown = p => p.EastAsianAncestry is not null,
            AskWhen = AskWhen.EltrombopagOffered,
            ReadAnswer = (r, text) => (r.Ancestry.FindInText(text) ?? r.YesOrNo(text)) is { } eastAsian ? new() { EastAsianAncestry = eastAsian } : null,
            Merge = Scalar(p => p.EastAsianAncestry, (p, v) => p with { EastAsianAncestry = v }),
            Show = (p, _) => YesNo(p.EastAsianAncestry),
        },
        new()
        {
            Id = IntakeField.Preferences,
            ContractNames = [ProfileFields.Preferences],
            Label = "Preferences",
            IsKnown = p => p.Preferences is not null,
            // "she'd rather not have more steroids, otherwise open": a wish about one drug is no preference of the kinds
            // the ranking weighs (tablets, no injections, ...), so the answer is none of them, not "not understood".
            ReadAnswer = (r, text) => List(text, r.Preferences.FindInAnswer(text), list => new() { Preferences = list })
                ?? (NamesOnlyADrug(r, text) || EverydayAnswers.OpensWithNoPreference(text) ? new() { Preferences = [] } : null),
            ReadInGroup = (r, text) => r.Preferences.FindInAnswer(text) is { Count: > 0 } found ? new() { Preferences = found }
                : NamesOnlyADrug(r, text) && !FieldReaders.SpeaksOfAccess(text) && r.Unavailable.FindAll(text).Count == 0 ? new() { Preferences = [] }
                : null,
            Merge = (c, u) => u.Preferences is null ? c : c with { Preferences = Union(c.Preferences, u.Preferences) },
            Remove = (c, u) => u.Preferences is null ? c : c with { Preferences = Except(c.Preferences, u.Preferences) },
            Show = (p, _) => EnumList(p.Preferences),
        },
        new()
        {
            Id = IntakeField.Unavailable,
            ContractNames = [ProfileFields.Unavailable],
            Label = "Not available",
            IsKnown = p => p.Unavailable is not null,
            // "everything's covered by our insurance", "whatever's on formulary": all within reach, said of access.
            ReadAnswer = (r, text) => List(text, r.UnavailableTherapies(text), list => new() { Unavailable = list })
                ?? (FieldReaders.SaysAll(text) && FieldReaders.SpeaksOfAccess(text) || FieldReaders.NothingOutOfReach(text) ? new() { Unavailable = [] } : null),
            // Beside a preference a drug named is not unavailable ("tablets, like eltrombopag"): only stated lack of
            // access counts ("no romiplostim here"), or "everything is available" in so many words.
            ReadInGroup = (r, text) => r.Unavailable.FindAll(text) is { Count: > 0 } found ? new() { Unavailable = found }
                : FieldReaders.SaysWithout(text) && r.Preferences.FindAll(text).Count == 0
                    && r.UnavailableTherapies(text) is { Count: > 0 } named ? new() { Unavailable = named }
                : (EverydayAnswers.SaysNone(text) || FieldReaders.SaysAll(text)) && FieldReaders.SpeaksOfAccess(text)
                    || FieldReaders.NothingOutOfReach(text) ? new() { Unavailable = [] } : null,
            Merge = (c, u) => u.Unavailable is null ? c : c with { Unavailable = Union(c.Unavailable, u.Unavailable) },
            Remove = (c, u) => u.Unavailable is null ? c : c with { Unavailable = Except(c.Unavailable, u.Unavailable) },
            Show = (p, name) => p.Unavailable is { } unavailable
                ? unavailable.Count == 0 ? "none" : string.Join(", ", unavailable.Select(name))
                : null,
        },
        new()
        {
            Id = IntakeField.UpcomingProcedure,
            ContractNames = [ProfileFields.UpcomingProcedure],
            Label = "Procedure soon",
            IsKnown = p => p.UpcomingProcedure is not null,
            AskWhen = AskWhen.Never,
            ReadAnswer = (r, text) => r.YesOrNo(text) is { } soon ? new() { UpcomingProcedure = soon } : null,
            Merge = Scalar(p => p.UpcomingProcedure, (p, v) => p with { UpcomingProcedure = v }),
            Show = (p, _) => YesNo(p.UpcomingProcedure),
        },

        // Contract version 2: asked only when the advisor says the answer would change this patient's plan.
        new()
        {
            Id = IntakeField.PregnancyPlanned,
            ContractNames = [ProfileFields.PregnancyPlanned],
            Label = "Pregnancy planned",
            IsKnown = p => p.PregnancyPlanned is not null,
            AskWhen = AskWhen.AdvisorNeedsIt,
            ReadAnswer = (r, text) => (FieldReaders.PregnancyPlannedInText(text) ?? r.YesOrNo(text)) is { } planned ? new() { PregnancyPlanned = planned } : null,
            ReadInGroup = (_, text) => (FieldReaders.PregnancyPlannedInText(text) ?? (FieldReaders.DeniesPlanInGroup(text) ? false : null)) is { } planned
                ? new() { PregnancyPlanned = planned } : null,
            FindInText = (_, text) => FieldReaders.PregnancyPlannedInText(text) is { } planned ? new() { PregnancyPlanned = planned } : null,
            Merge = Scalar(p => p.PregnancyPlanned, (p, v) => p with { PregnancyPlanned = v }),
            Show = (p, _) => YesNo(p.PregnancyPlanned),
        },
        new()
        {
            Id = IntakeField.ChildbearingPotential,
            ContractNames = [ProfileFields.ChildbearingPotential],
            Label = "Could become pregnant",
            IsKnown = p => p.ChildbearingPotential is not null,
            AskWhen = AskWhen.AdvisorNeedsIt,
            ReadAnswer = (r, text) => r.YesOrNo(text) is { } could ? new() { ChildbearingPotential = could } : null,
            Merge = Scalar(p => p.ChildbearingPotential, (p, v) => p with { ChildbearingPotential = v }),
            Show = (p, _) => YesNo(p.ChildbearingPotential),
        },
        new()
        {
            Id = IntakeField.Vaccinations,
            ContractNames = [ProfileFields.VaccinationsUpToDate],
            Label = "Vaccinations up to date",
            IsKnown = p => p.VaccinationsUpToDate is not null,
            // The asplenia alert keeps the vaccinations current whatever the answer: asked of no one before the plan.
            AskWhen = AskWhen.AfterThePlan,
            ReadAnswer = (r, text) => r.Vaccinated(text) is { } done ? new() { VaccinationsUpToDate = done } : null,
            FindInText = (_, text) => FieldReaders.VaccinatedInText(text) is { } done ? new() { VaccinationsUpToDate = done } : null,
            Merge = Scalar(p => p.VaccinationsUpToDate, (p, v) => p with { VaccinationsUpToDate = v }),
            Show = (p, _) => YesNo(p.VaccinationsUpToDate),
        },
        new()
        {
            Id = IntakeField.CurrentDrugs,
            ContractNames = [ProfileFields.CurrentDrugs],
            Label = "Current drugs",
            IsKnown = p => p.CurrentDrugs is not null,
            // Asked of every case, not only when the advisor's top options interact: a haematologist takes the
            // medication history as routinely as the conditions, and an interaction the plan cannot see it cannot warn
            // of. It costs no turn where it can ride: it shares the thinners' part of the spleen-thinners-conditions
            // question (see that group), which most intakes are asked anyway. It is asked alone, last, only when that
            // part was answered with the thinners alone ("no blood thinners") or the summary gave all three, so the
            // group was never asked: the medicines are then truly unknown, and one short question settles them.
            AskWhen = AskWhen.Always,
            // Asked for every medicine taken now, a list names the thinners too: those it names, or none.
            ReadAnswer = (r, text) => r.MedicinesNow(text) ?? MedicinesForConditions(r, text),
            // In a group reply only a part that leads with the taking ("just omeprazole", "only the pill", "takes
            // ramipril"): a bare word there may be a condition.
            ReadInGroup = (r, text) => r.MedicinesLed(text) is { Count: > 0 } drugs ? new() { CurrentDrugs = drugs } : null,
            FindInText = (_, text) => FieldReaders.CurrentDrugsInText(text) is { Count: > 0 } drugs ? new() { CurrentDrugs = drugs } : null,
            Merge = (c, u) => u.CurrentDrugs is null ? c : c with { CurrentDrugs = Union(c.CurrentDrugs, u.CurrentDrugs) },
            Remove = (c, u) => u.CurrentDrugs is null ? c : c with { CurrentDrugs = Except(c.CurrentDrugs, u.CurrentDrugs) },
            Validate = p => p.CurrentDrugs is { } drugs && (drugs.Count > 64 || drugs.Any(d => d.Length > FieldReaders.MaxDrugName))
                ? "at most 64 names of at most 100 characters" : null,
            Show = (p, _) => p.CurrentDrugs is { } drugs ? drugs.Count == 0 ? "none" : string.Join(", ", drugs) : null,
        },
        new()
        {
            Id = IntakeField.Haemoglobin,
            ContractNames = [ProfileFields.Haemoglobin],
            Label = "Haemoglobin",
            IsKnown = p => p.Haemoglobin is not null,
            AskWhen = AskWhen.AdvisorNeedsIt,
            ReadAnswer = (_, text) => FieldReaders.Haemoglobin(text) is { } hb ? new() { Haemoglobin = hb } : null,
            FindInText = (_, text) => FieldReaders.HaemoglobinInText(text) is { } hb ? new() { Haemoglobin = hb } : null,
            Merge = Scalar(p => p.Haemoglobin, (p, v) => p with { Haemoglobin = v }),
            Validate = p => Within(p.Haemoglobin, 1, 25),
            Show = (p, _) => p.Haemoglobin is { } hb ? $"{Number(hb)} g/dL" : null,
        },
        new()
        {
            Id = IntakeField.Alt,
            ContractNames = [ProfileFields.AltTimesUpperLimit],
            Label = "ALT",
            IsKnown = p => p.AltTimesUpperLimit is not null,
            AskWhen = AskWhen.AdvisorNeedsIt,
            ReadAnswer = (_, text) => FieldReaders.AltTimesUpperLimit(text) is { } alt ? new() { AltTimesUpperLimit = alt } : null,
            FindInText = (_, text) => FieldReaders.AltInText(text) is { } alt ? new() { AltTimesUpperLimit = alt } : null,
            Merge = Scalar(p => p.AltTimesUpperLimit, (p, v) => p with { AltTimesUpperLimit = v }),
            Validate = p => Within(p.AltTimesUpperLimit, 0, 100),
            Show = (p, _) => p.AltTimesUpperLimit is { } alt ? $"{Number(alt)} × upper limit of normal" : null,
        },
        new()
        {
            Id = IntakeField.HbvStatus,
            ContractNames = [ProfileFields.HbvStatus],
            Label = "Hepatitis B",
            IsKnown = p => p.HbvStatus is not null,
            AskWhen = AskWhen.AdvisorNeedsIt,
            ReadAnswer = (_, text) => FieldReaders.Hbv(text, needsCue: false) is { } hbv ? new() { HbvStatus = hbv } : null,
            FindInText = (_, text) => FieldReaders.Hbv(text, needsCue: true) is { } hbv ? new() { HbvStatus = hbv } : null,
            Merge = Scalar(p => p.HbvStatus, (p, v) => p with { HbvStatus = v }),
            Show = (p, _) => p.HbvStatus is { } hbv ? Kebab(hbv) : null,
        },
        new()
        {
            Id = IntakeField.Procedure,
            ContractNames = [ProfileFields.Procedure],
            Label = "Procedure",
            IsKnown = p => p.Procedure is not null,
            AskWhen = AskWhen.AdvisorNeedsIt,
            ReadAnswer = (_, text) => FieldReaders.Procedure(text) is { } kind ? new() { Procedure = kind, UpcomingProcedure = true } : null,
            Merge = Scalar(p => p.Procedure, (p, v) => p with { Procedure = v }),
            Show = (p, _) => p.Procedure is { } kind ? Kebab(kind) : null,
        },
        new()
        {
            Id = IntakeField.Question,
            ContractNames = [ProfileFields.Question],
            Label = "Question",
            IsKnown = p => p.Question is not null,
            AskWhen = AskWhen.Never,
            ReadAnswer = (_, _) => null,
            Merge = (c, u) => u.Question is null ? c : c with { Question = u.Question },
            Validate = p => p.Question is { Length: > 2000 } ? "at most 2000 characters" : null,
            Show = (p, _) => p.Question,
        },
    ];

    /// <summary>
    /// Fields asked in one breath when two or more are still wanted, with what a bare negative answers in each. A
    /// field belongs to one group at most; each group's words are in ConversationTexts.yaml under <c>groups</c>.
    /// </summary>
    public static IReadOnlyList<QuestionGroup> Groups { get; } =
    [
        new()
        {
            Id = "PregnancyNowOrPlanned",
            Fields = [IntakeField.Pregnancy, IntakeField.PregnancyPlanned],
            // A woman who may be pregnant is asked about plans too: a plan changes the choice (TPO-RAs, rituximab).
            AskedWhole = true,
            // "Neither": not pregnant and no plans. Whether she could become pregnant is never assumed from it: the
            // question invites "she can't, she's past the menopause", and left unsaid, the advisor's cautious default stands.
            BareNegative = new() { Pregnant = false, PregnancyPlanned = false },
            Invites = [IntakeField.ChildbearingPotential],
        },
        new()
        {
            Id = "PreferencesAndAccess",
            Fields = [IntakeField.Preferences, IntakeField.Unavailable],
            BareNegative = new() { Preferences = [], Unavailable = [] },
            // "No particular preference" says nothing about what can be obtained: that is asked on its own.
            NoPreference = new() { Preferences = [] },
        },
        new()
        {
            Id = "SpleenThinnersConditions",
            Fields = [IntakeField.Splenectomy, IntakeField.Antithrombotics, IntakeField.Comorbidities, IntakeField.CurrentDrugs],
            // "No", "none", "no to all": no splenectomy, no medicines (so nothing that thins the blood), nothing else of
            // note. A bare no does not empty the medicines when the thinners had a part of their own ("no, no blood
            // thinners, none"): that says nothing of the other medicines.
            BareNegative = new() { Splenectomy = false, Antithrombotics = [], Comorbidities = [], CurrentDrugs = [] },
            // The interactions need the medicines taken now, and asking for them on their own costs a turn: the
            // blood-thinner part asks for every medicine taken now, the thinners included, so one part fills both.
            // The current drugs are a field of this group (a field is in one group at most) that shares the thinners'
            // part rather than a part of their own: the reply keeps three parts ("no; apixaban and omeprazole; none"),
            // the field alone keeps its own question when the advisor needs it later, and a summary that named only the
            // thinners still leaves the other medicines to ask ("Any other medicines now?").
            SharedParts = [new(IntakeField.CurrentDrugs, IntakeField.Antithrombotics,
                StillOpen: p => p.CurrentDrugs is null || p.CurrentDrugs.All(FieldReaders.IsAntithrombotic))],
        },
        new()
        {
            Id = "AgeSexWeight",
            Fields = [IntakeField.Age, IntakeField.Sex, IntakeField.Weight],
            // A bare "no" answers none of them: each part needs its value, or "not sure".
            BareNegative = null,
        },
    ];

    private static readonly Dictionary<IntakeField, PatientField> ById = All.ToDictionary(f => f.Id);

    private static readonly Dictionary<IntakeField, QuestionGroup> GroupByField =
        Groups.SelectMany(g => g.Fields.Select(f => (f, g))).GroupBy(x => x.f).ToDictionary(x => x.Key, x => x.First().g);

    /// <summary>
    /// "Just his blood pressure pills", "something for her thyroid": in reply to the medicines question, medicines
    /// named by the condition they treat. Taken now, so the case keeps them as such ("medicine for hypertension")
    /// rather than asking again for names a caregiver may not have; no interaction can be checked without a name.
    /// </summary>
    private static PatientProfile? MedicinesForConditions(FieldReaders r, string text) =>
        r.Comorbidities.FindAll(text) is { Count: > 0 } conditions
            ? new() { CurrentDrugs = conditions.Select(c => $"medicine for {Kebab(c)}").ToList() }
            : null;

    /// <summary>The group <paramref name="field"/> is asked in, if any.</summary>
    public static QuestionGroup? GroupOf(IntakeField field) => GroupByField.GetValueOrDefault(field);

    /// <summary>
    /// Fails start-up, naming the group, when a group is not one the intake can ask: fewer than two fields, a field
    /// never asked or in two groups, out of the registry's order, or a bare negative that answers a field outside it.
    /// </summary>
    public static void CheckGroups()
    {
        foreach (var group in Groups)
        {
            var order = group.Fields.Select(f => All.ToList().FindIndex(e => e.Id == f)).ToList();
            var problem = group.Fields.Count < 2 ? "needs two fields or more"
                : group.Fields.Any(f => !Get(f).IsAsked) ? "holds a field that is never asked"
                : group.Fields.Any(f => Groups.Count(g => g.Fields.Contains(f)) > 1) ? "shares a field with another group"
                : !order.SequenceEqual(order.Order()) ? "lists its fields out of the registry's order"
                : new[] { group.BareNegative, group.NoPreference }.OfType<PatientProfile>().SelectMany(Known).Any(f => !group.Fields.Contains(f))
                    ? "has a bare negative that answers a field outside the group"
                : group.BareNegative is { } negative && !Known(negative).Any() ? "has a bare negative that answers nothing (leave it null for none)"
                : group.Fields.Any(f => Get(f).ReadInGroup is null) ? "holds a field with no reader for a group reply"
                : group.SharedParts.Any(s => !group.Fields.Contains(s.Field) || !group.Fields.Contains(s.Part) || s.Field == s.Part
                    || group.SharedParts.Any(o => o.Field == s.Part))
                    ? "shares a part with a field outside it, with itself, or with a field that has no part of its own"
                : null;
            if (problem is not null)
            {
                throw new InvalidDataException($"FieldRegistry: question group {group.Id} {problem}.");
            }
        }
    }

    private static readonly Dictionary<string, PatientField> ByContractName =
        All.SelectMany(f => f.ContractNames.Select(name => (name, f))).ToDictionary(x => x.name, x => x.f, StringComparer.Ordinal);

    public static PatientField Get(IntakeField field) => ById[field];

    /// <summary>The entry that fills a contract field ("plateletCount"); null for one the conversation does not hold (audience).</summary>
    public static PatientField? ForContractName(string contractName) => ByContractName.GetValueOrDefault(contractName);

    /// <summary>
    /// <paramref name="update"/>'s values merged into <paramref name="current"/>, field by field by each field's own
    /// rule; a value out of its field's bounds is dropped (the current value stays).
    /// </summary>
    public static PatientProfile Merge(PatientProfile current, PatientProfile update)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(update);
        var merged = update.Audience is { } audience ? current with { Audience = audience } : current;
        foreach (var field in All)
        {
            if (field.Validate(update) is null)
            {
                merged = field.Merge(merged, update);
            }
        }

        return merged;
    }

    /// <summary>
    /// <paramref name="update"/>'s values merged into <paramref name="current"/> only for the fields
    /// <paramref name="current"/> does not know: facts told inside a question fill gaps, never replace what was given.
    /// </summary>
    public static PatientProfile FillUnknown(PatientProfile current, PatientProfile update)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(update);
        var filled = current;
        foreach (var field in All)
        {
            if (!field.IsKnown(current) && field.IsKnown(update) && field.Validate(update) is null)
            {
                filled = field.Merge(filled, update);
            }
        }

        return filled;
    }

    /// <summary>
    /// A field set right by name: a value merged by its field's rule (bounds kept), or, for a list, the items named
    /// taken out ("stopped warfarin"; taken out of nothing known, the list is known to be empty of them).
    /// </summary>
    public static PatientProfile Correct(PatientProfile current, ProfileCorrection correction)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(correction);
        var field = ForContractName(correction.Field);
        if (field is null && correction.Field != ProfileFields.Audience)
        {
            throw new InvalidOperationException($"Unknown profile field '{correction.Field}'.");
        }

        var update = correction.AsUpdate();
        if (!correction.Remove)
        {
            return Merge(current, update);
        }

        return field?.Remove is { } remove
            ? remove(current, update)
            : throw new InvalidOperationException($"Profile field '{correction.Field}' is not a list: nothing can be removed from it.");
    }

    /// <summary>The fields a profile holds values for (a list counts even when empty: "none" is an answer).</summary>
    public static IEnumerable<IntakeField> Known(PatientProfile profile) => All.Where(f => f.IsKnown(profile)).Select(f => f.Id);

    /// <summary>A short answer read by the field's own reader, kept only within the field's bounds.</summary>
    public static PatientProfile? ReadAnswer(FieldReaders readers, IntakeField field, string text) =>
        Get(field).ReadAnswer(readers, text) is { } answer && Get(field).Validate(answer) is null ? answer : null;

    /// <summary>The fields a free-text message states that the case-summary reader does not read, with their values.</summary>
    public static (PatientProfile Facts, IReadOnlyList<IntakeField> Fields) FindInText(FieldReaders readers, string text)
    {
        var facts = new PatientProfile();
        var fields = new List<IntakeField>();
        foreach (var field in All)
        {
            if (field.FindInText?.Invoke(readers, text) is { } found && field.Validate(found) is null)
            {
                facts = field.Merge(facts, found);
                fields.Add(field.Id);
            }
        }

        return (facts, fields);
    }

    private static Func<PatientProfile, PatientProfile, PatientProfile> Scalar<T>(Func<PatientProfile, T?> get, Func<PatientProfile, T, PatientProfile> set)
        where T : struct =>
        (current, update) => get(update) is { } value ? set(current, value) : current;

    private static string? Within(double? value, double min, double max) =>
        value is { } v && (v < min || v > max || double.IsNaN(v))
            ? string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}")
            : null;

    private static PatientProfile? PriorTreatments(FieldReaders readers, string text)
    {
        if (EverydayAnswers.SaysNone(text))
        {
            return new() { PriorTreatments = [] };
        }

        // Every therapy named needs its outcome: a therapy without one is asked about again rather than guessed.
        var reading = readers.PriorTreatments.Read(text);
        return reading.Treatments.Count > 0 && reading.WithoutOutcome.Count == 0 && reading.Classes.Count == 0
            ? new() { PriorTreatments = reading.Treatments }
            : null;
    }

    private static PatientProfile? Pregnancy(FieldReaders readers, string text)
    {
        if (readers.Pregnancy.ReadAnswer(text) is { } status)
        {
            return new() { Pregnant = status.Pregnant, GestationWeeks = status.GestationWeeks };
        }

        return readers.YesOrNo(text) is { } pregnant ? new() { Pregnant = pregnant } : null;
    }

    /// <summary>A therapy or class named, and no preference of the kinds the ranking weighs.</summary>
    private static bool NamesOnlyADrug(FieldReaders r, string text) =>
        r.Preferences.FindInAnswer(text).Count == 0 && (r.Therapies.FindAll(text).Count > 0 || r.PriorTreatments.Read(text).Classes.Count > 0);

    private static PatientProfile? List<T>(string text, IReadOnlyList<T> found, Func<IReadOnlyList<T>, PatientProfile> profile) =>
        found.Count > 0 ? profile(found) : EverydayAnswers.SaysNone(text) || EverydayAnswers.AClauseSaysNone(text) ? profile([]) : null;

    /// <summary>
    /// "no aspirin or heparin", "not even an aspirin", "no diabetes or blood pressure trouble" to a list asked by its
    /// items: the reply names items only to deny them (none is stated), so the list's answer is none of them, not a
    /// denied fact to note and ask again. Called only when no item is stated.
    /// </summary>
    private static PatientProfile? OnlyDenied<T>(IReadOnlyList<T> denied, PatientProfile none) => denied.Count > 0 ? none : null;

    private static IReadOnlyList<T> Union<T>(IReadOnlyList<T>? current, IReadOnlyList<T> update) =>
        current is null ? update.Distinct().ToList() : current.Concat(update).Distinct().ToList();

    private static IReadOnlyList<T> Except<T>(IReadOnlyList<T>? current, IReadOnlyList<T> items) =>
        (current ?? []).Where(c => !items.Contains(c)).ToList();

    private static IReadOnlyList<PriorTreatment> MergeTreatments(IReadOnlyList<PriorTreatment>? current, IReadOnlyList<PriorTreatment> update)
    {
        // A therapy named again replaces its earlier entry: its outcome has been updated.
        var merged = (current ?? []).Where(c => update.All(u => u.Therapy != c.Therapy)).ToList();
        foreach (var treatment in update)
        {
            merged.RemoveAll(m => m.Therapy == treatment.Therapy);
            merged.Add(treatment);
        }

        return merged;
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };

    private static string? EnumList<T>(IReadOnlyList<T>? values) where T : struct, Enum =>
        values is null ? null : values.Count == 0 ? "none" : string.Join(", ", values.Select(v => Kebab(v)));

    private static string Kebab<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, ContractJson.Options).Trim('"').Replace('-', ' ');
}
