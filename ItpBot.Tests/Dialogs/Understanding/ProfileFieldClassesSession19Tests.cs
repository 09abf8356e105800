using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Session 19: the fields that did not move on unseen text, by class, in words of no corpus line. Vaccines in date,
/// every one asked for, only flu jabs, the spleen set missed; hepatitis B never had, all clear, carried, both markers
/// with one result, and a test not yet done (no infection); nothing that thins the blood; ages in words and beside a
/// ward place; the speaker who says they are a man or a woman; an implant or coil fitted, the change.
/// </summary>
public sealed class ProfileFieldClassesSession19Tests
{
    private readonly DemographicsRecognizer demographics = new();

    private static PatientProfile Read(string text) => TestReaders.Message.Read(text).Facts;

    [Theory]
    [InlineData("her jabs are all in date", true)]
    [InlineData("PCV13 and MenB both done last spring", true)]
    [InlineData("got every immunisation the consultant recommended", true)]
    [InlineData("the GP did all his boosters in June", true)]
    [InlineData("only ever had the flu shot", false)]
    [InlineData("had the covid booster but none of the spleen vaccines", false)]
    [InlineData("vaccs not yet done", false)]
    [InlineData("Hib booster now lapsed", false)]
    [InlineData("pre-splenectomy immunisations yet pending", false)]
    public void Vaccines_in_many_words(string text, bool expected) =>
        Assert.Equal(expected, Read(text).VaccinationsUpToDate);

    [Theory]
    [InlineData("he has never caught hepatitis B", HbvStatus.Negative)]
    [InlineData("hep B bloods last year, all clear", HbvStatus.Negative)]
    [InlineData("anti-HBc and HBsAg both non-reactive", HbvStatus.Negative)]
    [InlineData("sAg remains positive despite tenofovir", HbvStatus.Chronic)]
    [InlineData("she's a carrier of hep B", HbvStatus.Chronic)]
    [InlineData("core total antibody positive, sAg negative", HbvStatus.Resolved)]
    public void Hepatitis_b_status_in_lab_and_everyday_words(string text, HbvStatus expected)
    {
        var profile = Read(text);
        Assert.Equal(expected, profile.HbvStatus);
        Assert.DoesNotContain(Comorbidity.HepatitisB, profile.Comorbidities ?? []);
    }

    [Theory]
    [InlineData("hepatitis B screen requested")]
    [InlineData("HBV status not yet known")]
    public void A_hepatitis_b_test_not_yet_done_is_neither_a_status_nor_an_infection(string text)
    {
        var profile = Read(text);
        Assert.Null(profile.HbvStatus);
        Assert.DoesNotContain(Comorbidity.HepatitisB, profile.Comorbidities ?? []);
    }

    [Theory]
    [InlineData("isn't on anything which thins the blood")]
    [InlineData("came off all the blood thinners in May")]
    [InlineData("takes nothing regularly")]
    public void No_antithrombotic_in_words(string text) =>
        Assert.Equal([], Read(text).Antithrombotics);

    [Theory]
    [InlineData("she's sixty-three", 63)]
    [InlineData("aged ninety one, plt 20", 91)]
    [InlineData("man in cubicle 6, 59, plt 12", 59)]
    [InlineData("lady on ward 9: 77, count 30", 77)]
    [InlineData("pt: 48 yrs, F", 48)]
    [InlineData("71 F / plt 18 / bruising", 71)]
    [InlineData("Age (years): 52", 52)]
    public void Ages_from_short_phrases_and_words(string text, int expected) =>
        Assert.Equal(expected, demographics.FindInText(text)?.AgeYears);

    [Theory]
    [InlineData("gestational age 31 weeks")]
    [InlineData("gestational age 28+3")]
    public void A_gestational_age_is_no_age(string text) =>
        Assert.Null(demographics.FindInText(text)?.AgeYears);

    [Theory]
    [InlineData("I'm 52 and a man, platelets 30", Sex.Male)]
    [InlineData("i am a woman of 40", Sex.Female)]
    [InlineData("chap on ward 7: 81, count 14", Sex.Male)]
    public void The_sex_said_of_the_person(string text, Sex expected) =>
        Assert.Equal(expected, demographics.FindInText(text)?.Sex);

    [Theory]
    [InlineData("has an IUS fitted", true)]
    [InlineData("she could still have a baby", true)]
    [InlineData("bruising only, WOCBP", true)]
    [InlineData("having the change at the moment", false)]
    [InlineData("well past child bearing age", false)]
    public void Childbearing_potential_in_everyday_and_clinical_words(string text, bool expected) =>
        Assert.Equal(expected, Read(text).ChildbearingPotential);
}
