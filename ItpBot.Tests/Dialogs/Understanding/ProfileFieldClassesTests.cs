using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Session 15's classes of profile-field misses (issue 12), each in words of its own: a route set against another,
/// wishes said by exclusion or fear, a relative set against the speaker, conditions said as "nil PMH" or a stage,
/// hepatitis B serology in lab shorthand, vaccines named one by one, contraception either way, gestation by label.
/// </summary>
public sealed class ProfileFieldClassesTests
{
    private static PatientProfile Read(string text) => TestReaders.Message.Read(text).Facts;

    // --- preferences -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("capsules over infusions please")]
    [InlineData("she'd take pills instead of the injections")]
    [InlineData("oral rather than a drip")]
    public void A_route_set_against_injections_is_both_wishes(string text) =>
        Assert.Equal(["AvoidInjections", "Oral"], (Read(text).Preferences ?? []).Select(p => p.ToString()).Order(StringComparer.Ordinal).ToList());

    [Theory]
    [InlineData("he would go for anything but injections", Preference.AvoidInjections)]
    [InlineData("she can't face another needle", Preference.AvoidInjections)]
    [InlineData("had enough of infusions", Preference.AvoidInjections)]
    [InlineData("she'd rather go on tablets", Preference.Oral)]
    [InlineData("a drug he can swallow by mouth", Preference.Oral)]
    [InlineData("pill form would suit her better", Preference.Oral)]
    [InlineData("hopes to manage without meds", Preference.DrugFree)]
    [InlineData("would like no medication at all", Preference.DrugFree)]
    [InlineData("a set course of treatment, ideally", Preference.TimeLimited)]
    [InlineData("keen on something that won't be forever", Preference.TimeLimited)]
    [InlineData("avoid ongoing medicines if possible", Preference.TimeLimited)]
    [InlineData("would rather not have her spleen taken out", Preference.AvoidSurgery)]
    [InlineData("no operation whatsoever", Preference.AvoidSurgery)]
    public void Reads_a_wish_in_other_words(string text, Preference expected) => Assert.Equal([expected], Read(text).Preferences);

    [Fact]
    public void Two_things_not_wanted_at_once_are_both_read() =>
        Assert.Equal(["AvoidInjections", "AvoidSurgery"], (Read("won't have jabs or an operation").Preferences ?? []).Select(p => p.ToString()).Order(StringComparer.Ordinal).ToList());

    [Fact]
    public void Not_wanting_pills_for_life_is_a_limit_not_a_route() =>
        Assert.Equal([Preference.TimeLimited], Read("wouldn't want to be on pills for life").Preferences);

    [Theory]
    [InlineData("the prednisolone helps while she takes it and stops when she stops")]
    [InlineData("she has not been vaccinated against any of those")]
    public void A_story_is_no_wish(string text) => Assert.Null(Read(text).Preferences);

    // --- who a fact is about ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("my dad has high blood pressure, but I don't")]
    [InlineData("my wife is diabetic but I'm the patient")]
    [InlineData("our daughter had a clot once, but she isn't the patient")]
    [InlineData("my uncle got a PE years back")]
    public void A_relative_set_apart_gives_neither_a_condition_nor_a_sex(string text)
    {
        var facts = Read(text);
        Assert.Null(facts.Comorbidities);
        Assert.Null(facts.Sex);
    }

    [Fact]
    public void The_speakers_own_facts_beside_a_relative_set_apart_are_kept()
    {
        var facts = Read("my son takes apixaban, I'm the patient, platelets 35");
        Assert.Equal(35, facts.PlateletCount);
        Assert.Null(facts.CurrentDrugs);
        Assert.Null(facts.Sex);
    }

    [Fact]
    public void A_relative_who_is_the_patient_still_gives_the_sex_and_the_condition()
    {
        var facts = Read("my grandad has kidney trouble and his count is 22");
        Assert.Equal(Sex.Male, facts.Sex);
        Assert.Equal([Comorbidity.KidneyDisease], facts.Comorbidities);
    }

    // --- comorbidities -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("nil pmhx")]
    [InlineData("no past medical history of note")]
    [InlineData("well otherwise")]
    [InlineData("nothing else of note")]
    public void Says_no_other_conditions_in_other_words(string text) => Assert.Equal([], Read(text).Comorbidities);

    [Theory]
    [InlineData("CKD4, plt 30", Comorbidity.KidneyDisease)]
    [InlineData("eGFR 38 last week", Comorbidity.KidneyDisease)]
    [InlineData("she has liver issues", Comorbidity.LiverDisease)]
    [InlineData("on bisoprolol for her heart", Comorbidity.HeartDisease)]
    public void Reads_a_condition_by_its_stage_its_lab_or_everyday_words(string text, Comorbidity expected) =>
        Assert.Contains(expected, Read(text).Comorbidities ?? []);

    [Fact]
    public void A_normal_egfr_is_no_kidney_disease() => Assert.Null(Read("eGFR 85, plt 40").Comorbidities);

    // --- hepatitis B ----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("surface antigen was reactive", HbvStatus.Chronic)]
    [InlineData("hep B chronic, on entecavir", HbvStatus.Chronic)]
    [InlineData("anti-core reactive, sAg negative", HbvStatus.Resolved)]
    [InlineData("old hep B infection", HbvStatus.Resolved)]
    [InlineData("hepatitis B screen came back clear", HbvStatus.Negative)]
    [InlineData("hep B immune from the vaccine", HbvStatus.Negative)]
    public void Reads_hepatitis_b_serology_in_lab_shorthand(string text, HbvStatus expected) => Assert.Equal(expected, Read(text).HbvStatus);

    // --- vaccinations -----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("he got all his jabs last spring", true)]
    [InlineData("received the pneumonia vaccine in March", true)]
    [InlineData("Hib given, MenB still outstanding", false)]
    [InlineData("never had a meningococcal jab", false)]
    [InlineData("declined the vaccinations", false)]
    [InlineData("boosters expired", false)]
    [InlineData("splenectomy 2015, vaccines overdue", false)]
    public void Reads_vaccines_named_one_by_one_or_as_a_set(string text, bool expected) => Assert.Equal(expected, Read(text).VaccinationsUpToDate);

    [Fact]
    public void Missed_doses_of_a_drug_are_no_vaccine_missed() =>
        Assert.Null(Read("on eltrombopag and the count falls whenever a dose gets missed").VaccinationsUpToDate);

    // --- childbearing potential and gestation -------------------------------------------------------------------

    [Theory]
    [InlineData("29F, has the copper coil", true)]
    [InlineData("not using any contraception", true)]
    [InlineData("not pregnant, uses condoms", true)]
    [InlineData("she has normal monthly cycles", true)]
    [InlineData("she went through the change years ago", false)]
    [InlineData("unable to have kids", false)]
    public void Reads_childbearing_potential_from_contraception_either_way(string text, bool expected) =>
        Assert.Equal(expected, Read(text).ChildbearingPotential);

    [Theory]
    [InlineData("GA 31 weeks, plt 60", 31)]
    [InlineData("gestational age 22 wks", 22)]
    [InlineData("34 weeks, not 24", 34)]
    public void Reads_the_gestation_by_its_label_or_set_right(string text, int expected) => Assert.Equal(expected, Read(text).GestationWeeks);

    // --- age, sex, blood thinners, splenectomy ------------------------------------------------------------------

    [Theory]
    [InlineData("my gran (84) bruises easily", 84)]
    [InlineData("patient: 61 yrs, plt 15", 61)]
    [InlineData("F 29yo, plt 33", 29)]
    public void Reads_an_age_in_brackets_after_a_label_or_run_on(string text, int expected) => Assert.Equal(expected, Read(text).AgeYears);

    [Theory]
    [InlineData("mum takes apixaban and bruises", Sex.Female)]
    [InlineData("dad got IVIG in the spring", Sex.Male)]
    public void A_parent_named_as_the_subject_gives_the_sex(string text, Sex expected) => Assert.Equal(expected, Read(text).Sex);

    [Theory]
    [InlineData("no thinners, plt 41")]
    [InlineData("he doesn't take anything regularly")]
    public void Says_no_blood_thinners_in_everyday_words(string text) => Assert.Equal([], Read(text).Antithrombotics);

    [Theory]
    [InlineData("she'd rather not have her spleen taken out")]
    [InlineData("he is against having the spleen removed")]
    public void A_wish_against_the_operation_is_no_splenectomy_done(string text) => Assert.NotEqual(true, Read(text).Splenectomy);
}
