using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Pregnancy, plans, preferences, access, procedures, the spleen and vaccines in everyday and shorthand words, and the
/// context scopes that decide whether a finding is now, planned, denied or only a possibility.
/// </summary>
public sealed class PlansAndContextTests
{
    private static PatientProfile Read(string text) => TestReaders.Message.Read(text).Facts;

    [Theory]
    [InlineData("she's 26 weeks gone", 26)]
    [InlineData("I am around 11 wks", 11)]
    [InlineData("currently pregnent, 24 weeks", 24)]
    [InlineData("pregnant - 35+2", 35)]
    [InlineData("expecting twins, 19 weeks along", 19)]
    public void Gestation_in_everyday_words_is_a_pregnancy_with_its_weeks(string text, int weeks)
    {
        var facts = Read(text);

        Assert.True(facts.Pregnant);
        Assert.Equal(weeks, facts.GestationWeeks);
    }

    [Theory]
    [InlineData("she's 3 weeks into eltrombopag")]
    [InlineData("he's 12 weeks post splenectomy")]
    [InlineData("romiplostim for 8 weeks, plt 60")]
    public void Weeks_of_a_treatment_or_since_an_operation_are_no_pregnancy(string text) =>
        Assert.Null(Read(text).Pregnant);

    [Theory]
    [InlineData("urine pregnancy test negative this morning")]
    [InlineData("bhcg -ve")]
    public void A_negative_pregnancy_test_is_not_pregnant(string text) =>
        Assert.False(Read(text).Pregnant);

    [Theory]
    [InlineData("we've completed our family", false)]
    [InlineData("done having babies now", false)]
    [InlineData("no plans to have any more children", false)]
    [InlineData("they'd like a third baby in a year or so", true)]
    [InlineData("wanting another pregnancy soon", true)]
    public void A_plan_or_its_end_fills_pregnancy_planned_not_pregnant(string text, bool planned)
    {
        var facts = Read(text);

        Assert.Equal(planned, facts.PregnancyPlanned);
        Assert.Null(facts.Pregnant);
    }

    [Fact]
    public void A_plan_covers_only_its_own_clause()
    {
        var facts = Read("hoping to start a family, hep B screen negative, all her jabs done");

        Assert.True(facts.PregnancyPlanned);
        Assert.Equal(HbvStatus.Negative, facts.HbvStatus);
        Assert.True(facts.VaccinationsUpToDate);
    }

    [Theory]
    [InlineData("contraception? no, went through the menopause at 51", false)]
    [InlineData("she might still get pregnant", true)]
    [InlineData("contraceptive implant in place", true)]
    [InlineData("she can't fall pregnant", false)]
    public void Childbearing_potential_in_plain_words(string text, bool potential) =>
        Assert.Equal(potential, Read(text).ChildbearingPotential);

    [Theory]
    [InlineData("he'd rather steer clear of jabs", Preference.AvoidInjections)]
    [InlineData("she won't entertain an operation", Preference.AvoidSurgery)]
    [InlineData("splenectomy refused", Preference.AvoidSurgery)]
    [InlineData("would like to come off all medication if at all possible", Preference.DrugFree)]
    [InlineData("rather not stay on meds indefinitely", Preference.TimeLimited)]
    public void Preferences_in_new_words(string text, Preference preference)
    {
        var facts = Read(text);

        Assert.Contains(preference, facts.Preferences ?? []);
        Assert.Null(facts.UpcomingProcedure);
    }

    [Fact]
    public void Off_treatment_as_a_state_is_no_preference() =>
        Assert.Null(Read("in remission and off treatment since 2022").Preferences);

    [Theory]
    [InlineData("the insurers have refused to pay for romiplostim", "romiplostim")]
    [InlineData("eltrombopag is not on the local formulary", "eltrombopag")]
    [InlineData("no clinical trial recruiting locally", "clinical-trial")]
    public void Access_in_plain_words(string text, string therapy) =>
        Assert.Contains(therapy, Read(text).Unavailable ?? []);

    [Theory]
    [InlineData("she is to be induced on Monday", ProcedureKind.Delivery)]
    [InlineData("vascular surgeons plan to clip the aneurysm in two weeks", ProcedureKind.Neurosurgery)]
    [InlineData("booked for a hip replacement in May", ProcedureKind.MajorSurgery)]
    public void A_procedure_to_come(string text, ProcedureKind kind)
    {
        var facts = Read(text);

        Assert.True(facts.UpcomingProcedure);
        Assert.Equal(kind, facts.Procedure);
    }

    [Theory]
    [InlineData("they are considering a cholecystectomy")]
    [InlineData("may need a knee replacement eventually")]
    [InlineData("underwent a hip replacement in 2021")]
    public void A_possible_or_past_procedure_is_not_one_to_come(string text)
    {
        var facts = Read(text);

        Assert.NotEqual(true, facts.UpcomingProcedure);
        Assert.Null(facts.Procedure);
    }

    [Theory]
    [InlineData("no surgical procedures planned")]
    [InlineData("not having any operations")]
    public void Nothing_to_come_is_no_upcoming_procedure(string text) =>
        Assert.False(Read(text).UpcomingProcedure);

    [Theory]
    [InlineData("spleen's still there", false)]
    [InlineData("splenectomy booked for the 3rd", false)]
    [InlineData("post splen 2011", true)]
    [InlineData("splenctomy 2015", true)]
    [InlineData("hasn't had a spleen op", false)]
    public void The_spleen_in_everyday_words(string text, bool splenectomy) =>
        Assert.Equal(splenectomy, Read(text).Splenectomy);

    [Theory]
    [InlineData("never had the post-splenectomy jabs")]
    [InlineData("she's thinking about a splenectomy maybe next year")]
    public void Vaccines_or_a_possible_operation_say_nothing_of_the_spleen(string text) =>
        Assert.Null(Read(text).Splenectomy);

    [Theory]
    [InlineData("vaccination status - complete", true)]
    [InlineData("immunisation status overdue", false)]
    public void Vaccination_status_written_as_a_label(string text, bool upToDate) =>
        Assert.Equal(upToDate, Read(text).VaccinationsUpToDate);
}
