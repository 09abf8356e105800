using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// Classes the third held-out set showed missing, in other words: commands with a pronoun object, who is typing with
/// a grade before "here" or a workplace after the role, plain words asked for, answers that hedge, vaccines overdue or
/// up to date in shorthand, "preg" with its weeks, periods and sexual activity as childbearing potential, and wishes
/// to keep off a treatment.
/// </summary>
public sealed class WhoTypesAndWhatIsDueTests
{
    private static TurnReading Read(string text) => TestReaders.Message.Read(text);

    [Theory]
    [InlineData("abort this")]
    [InlineData("drop it please")]
    [InlineData("ignore everything we've said so far")]
    [InlineData("disregard everything I've typed")]
    public void A_command_with_a_pronoun_or_what_was_said_is_a_command(string text) =>
        Assert.Equal(MessageIntent.Command, Read(text).Intent);

    [Theory]
    [InlineData("obs reg here")]
    [InlineData("ward pharmacist here")]
    [InlineData("I'm a nurse in the haematology clinic")]
    [InlineData("I'm a concerned dad")]
    [InlineData("I'm his son, not medically trained")]
    [InlineData("make things simple for me please")]
    [InlineData("in layman's terms please")]
    [InlineData("here as the family member")]
    [InlineData("I care for him")]
    public void Who_is_typing_in_everyday_words_is_an_audience_statement(string text) =>
        Assert.Equal(MessageIntent.Audience, Read(text).Intent);

    [Theory]
    [InlineData("not as far as we know")]
    [InlineData("nothing of this kind")]
    public void A_hedged_none_is_an_everyday_answer(string text) =>
        Assert.Equal(MessageIntent.Answer, Read(text).Intent);

    [Theory]
    [InlineData("overdue for his MenB")]
    [InlineData("skipped her pneumococcal booster")]
    [InlineData("boosters still outstanding")]
    [InlineData("jabs not updated since the op")]
    [InlineData("hasn't had any of the jabs")]
    public void A_vaccine_missed_or_overdue_is_not_up_to_date(string text) =>
        Assert.False(Read(text).Facts.VaccinationsUpToDate);

    [Theory]
    [InlineData("immunisations utd")]
    [InlineData("Hib and MenB utd")]
    public void Vaccines_utd_are_up_to_date(string text) =>
        Assert.True(Read(text).Facts.VaccinationsUpToDate);

    [Theory]
    [InlineData("preg, approx 22 wks", 22)]
    [InlineData("pregnant - around 30 weeks", 30)]
    public void Preg_or_pregnant_then_about_the_weeks_is_a_gestation(string text, int weeks)
    {
        var facts = Read(text).Facts;

        Assert.True(facts.Pregnant);
        Assert.Equal(weeks, facts.GestationWeeks);
    }

    [Theory]
    [InlineData("42, has monthly periods")]
    [InlineData("sexually active with her partner")]
    public void Periods_or_sexual_activity_are_childbearing_potential(string text) =>
        Assert.True(Read(text).Facts.ChildbearingPotential);

    [Theory]
    [InlineData("would prefer to keep off injections", Preference.AvoidInjections)]
    [InlineData("no operation for her", Preference.AvoidSurgery)]
    [InlineData("wants to get off it all", Preference.DrugFree)]
    public void A_wish_to_keep_off_a_treatment_is_a_preference(string text, Preference preference) =>
        Assert.Contains(preference, Read(text).Facts.Preferences ?? []);
}
