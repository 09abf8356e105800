using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// The classes of field gaps the held-out corpus showed (issue 12), each in words of its own: treatment stories,
/// diagnosis times, preferences, availability, vaccinations, pregnancy, procedures, drugs and lab values.
/// </summary>
public sealed class FieldGapTests
{
    private static PatientProfile Read(string text) => TestReaders.Message.Read(text).Facts;

    private static IReadOnlyList<string> Treatments(string text) =>
        (Read(text).PriorTreatments ?? []).Select(t => $"{t.Therapy}:{JsonName(t.Outcome)}").Order(StringComparer.Ordinal).ToList();

    private static string JsonName(TreatmentOutcome outcome) =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(outcome.ToString());

    // --- treatment histories told as stories -------------------------------------------------------------------

    [Theory]
    [InlineData("had Doptelet and Tavalisse, neither made any difference", "avatrombopag:no-response", "fostamatinib:no-response")]
    [InlineData("gave danazol and dapsone, none of them helped", "danazol:no-response", "dapsone:no-response")]
    [InlineData("used MMF and azathioprine, both only briefly", "azathioprine:relapsed", "mycophenolate:relapsed")]
    public void An_outcome_said_once_after_a_list_belongs_to_every_drug_in_it(string text, string first, string second) =>
        Assert.Equal([first, second], Treatments(text));

    [Theory]
    [InlineData("IVIG gave a brief rise then the count dropped again", "ivig:relapsed")]
    [InlineData("dexamethasone helped for three weeks", "dexamethasone:relapsed")]
    [InlineData("azathioprine made me too nauseous to carry on", "azathioprine:intolerant")]
    [InlineData("danazol - headaches, so stopped it", "danazol:intolerant")]
    [InlineData("romiplostim was discontinued after the liver tests rose", "romiplostim:intolerant")]
    [InlineData("can't taper below 15 mg of prednisolone", "prednisone:dependent")]
    [InlineData("counts steady on romiplostim", "romiplostim:response")]
    [InlineData("rituximab in 2021, no idea whether it worked", "rituximab:unknown")]
    [InlineData("tried eltrombopag, response unknown", "eltrombopag:unknown")]
    public void Reads_how_a_treatment_went_in_story_words(string text, string expected) =>
        Assert.Equal([expected], Treatments(text));

    [Theory]
    [InlineData("plan is to try rituximab next")]
    [InlineData("fostamatinib being considered")]
    [InlineData("her platelets are only 12")]
    public void A_plan_or_a_count_is_no_treatment_given(string text)
    {
        var reading = TestReaders.Message.Read(text);
        Assert.Null(reading.Facts.PriorTreatments);
        Assert.Empty(reading.TherapiesWithoutOutcome);
    }

    [Theory]
    [InlineData("not yet received any therapy")]
    [InlineData("has never been treated for it")]
    public void Says_no_treatment_yet(string text) => Assert.Equal([], Read(text).PriorTreatments);

    // --- diagnosis time --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("has had it for two and a half years", 30)]
    [InlineData("refractory ITP, 14 months in", 14)]
    [InlineData("persistent 9 mths, plt 25", 9)]
    [InlineData("chronic 4y", 48)]
    [InlineData("itp roughly a year and a half", 18)]
    public void Reads_durations_in_many_shapes(string text, double months) =>
        Assert.Equal(months, Read(text).MonthsSinceDiagnosis);

    [Theory]
    [InlineData("dx'd Oct 19", 85)] // clock 25 Nov 2026: from the middle of October 2019, in whole months
    [InlineData("diagnosed Aug 2023", 39)]
    public void Reads_diagnosis_dates_as_whole_months(string text, double months) =>
        Assert.Equal(months, new DiagnosisDurationRecognizer(FixedClock.Default).FindInText(text));

    [Fact]
    public void Counts_from_the_age_at_diagnosis_when_today_s_age_is_said() =>
        Assert.Equal(180, Read("40 yo man, diagnosed when he was 25").MonthsSinceDiagnosis);

    [Theory]
    [InlineData("diagnosed in her teens, plt 30")]
    [InlineData("diagnosed at 25, plt 30")]
    public void An_age_at_diagnosis_without_today_s_age_is_no_duration(string text) =>
        Assert.Null(Read(text).MonthsSinceDiagnosis);

    // --- preferences and availability -------------------------------------------------------------------------------

    [Theory]
    [InlineData("happy to just be monitored rather than take tablets", Preference.DrugFree)]
    [InlineData("prefers not to go on any drugs", Preference.DrugFree)]
    [InlineData("no splenectomy and would rather not have one", Preference.AvoidSurgery)]
    [InlineData("he refused surgery", Preference.AvoidSurgery)]
    public void Reads_a_preference(string text, Preference expected) =>
        Assert.Contains(expected, Read(text).Preferences ?? []);

    [Fact]
    public void A_bare_no_surgery_beside_a_preference_is_one_too()
    {
        var facts = Read("tablets preferred, no operations");
        Assert.Equal([Preference.Oral, Preference.AvoidSurgery], facts.Preferences);
        Assert.Null(facts.UpcomingProcedure);
    }

    [Theory]
    [InlineData("eltrombopag isn't in our hospital formulary", "eltrombopag")]
    [InlineData("Nplate is not kept at this pharmacy", "romiplostim")]
    [InlineData("no clinical trial available in our region", "clinical-trial")]
    public void Reads_a_therapy_that_cannot_be_had(string text, string therapy) =>
        Assert.Equal([therapy], Read(text).Unavailable);

    [Fact]
    public void Cannot_get_below_a_dose_is_dependence_not_unavailability()
    {
        var facts = Read("can't get off prednisone");
        Assert.Null(facts.Unavailable);
        Assert.Equal(["prednisone:dependent"], Treatments("can't get off prednisone"));
    }

    // --- vaccinations, pregnancy, childbearing ---------------------------------------------------------------------

    [Theory]
    [InlineData("MenB and pneumococcal given", true)]
    [InlineData("never received the meningococcal jabs", false)]
    [InlineData("plt 30, no spleen operation, vaccinations complete", true)]
    public void Reads_vaccinations(string text, bool expected) => Assert.Equal(expected, Read(text).VaccinationsUpToDate);

    [Fact]
    public void Not_sure_about_vaccines_is_no_answer() => Assert.Null(Read("unsure if vaccinated").VaccinationsUpToDate);

    [Theory]
    [InlineData("38 weeks, platelets 60", true, 38)]
    [InlineData("pregnant with a second baby, 30 weeks", true, 30)]
    [InlineData("patient is not expecting", false, null)]
    public void Reads_pregnancy_and_gestation(string text, bool pregnant, int? weeks)
    {
        var facts = Read(text);
        Assert.Equal(pregnant, facts.Pregnant);
        Assert.Equal(weeks, facts.GestationWeeks);
    }

    [Fact]
    public void A_planned_delivery_is_a_pregnancy_whose_weeks_are_the_plan_s()
    {
        var facts = Read("elective caesarean booked for 38 weeks");
        Assert.True(facts.Pregnant);
        Assert.Null(facts.GestationWeeks);
    }

    [Theory]
    [InlineData("not trying for a baby", false)]
    [InlineData("not pregnant now but hoping to be next year", true)]
    public void Reads_pregnancy_plans(string text, bool planned) => Assert.Equal(planned, Read(text).PregnancyPlanned);

    [Theory]
    [InlineData("periods stopped years ago")]
    [InlineData("underwent a hysterectomy in 2015")]
    public void A_past_menopause_or_hysterectomy_still_rules_out_pregnancy(string text)
    {
        var facts = Read(text);
        Assert.False(facts.ChildbearingPotential);
        Assert.Null(facts.UpcomingProcedure);
    }

    // --- splenectomy, procedures ------------------------------------------------------------------------------------

    [Theory]
    [InlineData("splenectomy not performed", false)]
    [InlineData("no spleen operation", false)]
    [InlineData("spleen removal done in 2012", true)]
    public void Reads_splenectomy_in_everyday_words(string text, bool expected) => Assert.Equal(expected, Read(text).Splenectomy);

    [Theory]
    [InlineData("Spleen removed? N", false)]
    [InlineData("splenectomy? yes, plt 40", true)]
    public void A_form_label_answered_at_once_is_a_fact_not_a_question(string text, bool expected) =>
        Assert.Equal(expected, Read(text).Splenectomy);

    [Theory]
    [InlineData("laminectomy scheduled for next week")]
    [InlineData("needs pituitary surgery")]
    public void Neurosurgery_is_its_own_kind(string text)
    {
        var facts = Read(text);
        Assert.Equal(ProcedureKind.Neurosurgery, facts.Procedure);
        Assert.True(facts.UpcomingProcedure);
    }

    [Fact]
    public void A_past_operation_is_not_one_to_come()
    {
        var facts = Read("had a knee replacement in 2020");
        Assert.Null(facts.Procedure);
        Assert.Null(facts.UpcomingProcedure);
    }

    // --- current drugs, blood thinners, ancestry, lab values --------------------------------------------------------

    [Fact]
    public void Reads_everyday_drugs_as_written() =>
        Assert.Equal(["amlodipine", "ramipril"], Read("takes amlodipine and ramipril").CurrentDrugs!.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("no antiplatelets nor anticoagulation")]
    [InlineData("no regular meds")]
    public void Reads_no_blood_thinners(string text) => Assert.Equal([], Read(text).Antithrombotics);

    [Fact]
    public void A_drug_to_start_later_is_not_taken_now()
    {
        var facts = Read("may have to start edoxaban later");
        Assert.Null(facts.CurrentDrugs);
        Assert.Null(facts.Antithrombotics);
    }

    [Fact]
    public void A_drug_taken_for_a_past_clot_is_taken_now() =>
        Assert.Equal(["apixaban"], Read("on apixaban since a PE in 2022").CurrentDrugs);

    [Theory]
    [InlineData("not of Asian descent", false)]
    [InlineData("mother was Chinese, patient is not East Asian", false)]
    public void Reads_east_asian_ancestry_about_the_patient(string text, bool expected) =>
        Assert.Equal(expected, Read(text).EastAsianAncestry);

    [Theory]
    [InlineData("ALT three times the upper limit", 3)]
    [InlineData("ALT 90 and an upper limit of 30", 3)]
    public void Reads_alt_as_a_multiple_of_the_upper_limit(string text, double expected) =>
        Assert.Equal(expected, Read(text).AltTimesUpperLimit);

    [Fact]
    public void A_past_alt_that_stopped_a_drug_is_not_today_s() =>
        Assert.Null(Read("romiplostim ceased when ALT reached 4x ULN").AltTimesUpperLimit);
}
