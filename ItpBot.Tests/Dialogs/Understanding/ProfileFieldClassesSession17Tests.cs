using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Issue 12, session 17: profile fields by class, in words of no corpus line. A drug's harm is not a comorbidity (a
/// clot stays one); a wish against surgery says nothing of what is booked; a sampling reported or an operation called
/// off is no procedure to come; vaccines, antithrombotics, access, ancestry and age in everyday words.
/// </summary>
public sealed class ProfileFieldClassesSession17Tests
{
    private readonly ComorbidityRecognizer comorbidities = new();
    private readonly UpcomingProcedureRecognizer upcoming = new();
    private readonly PreferenceRecognizer preferences = new();
    private readonly AncestryRecognizer ancestry = new();
    private readonly DemographicsRecognizer demographics = new();
    private readonly AntithromboticRecognizer antithrombotics = new();

    [Theory]
    [InlineData("mycophenolate pushed her BP right up, so we stopped it")]
    [InlineData("azathioprine (hypertension) - stopped after 3 months")]
    [InlineData("the prednisolone brought on diabetes and they weaned it off")]
    [InlineData("he ended up with steroid-induced diabetes")]
    [InlineData("she came off the ciclosporin because of kidney problems")]
    public void A_harm_told_with_the_drug_is_no_comorbidity(string text) =>
        Assert.Empty(comorbidities.FindAll(text));

    [Theory]
    [InlineData("romiplostim gave her a DVT so it was stopped", Comorbidity.ThrombosisHistory)]
    [InlineData("the steroids made his diabetes worse so he stopped", Comorbidity.Diabetes)]
    [InlineData("type 2 diabetes on metformin, plt 40", Comorbidity.Diabetes)]
    public void A_clot_or_an_owned_condition_stays_a_comorbidity(string text, Comorbidity expected) =>
        Assert.Contains(expected, comorbidities.FindAll(text));

    [Theory]
    [InlineData("prefers tablets, no surgery")]
    [InlineData("would rather no operation if it can be helped")]
    public void A_wish_against_surgery_says_nothing_of_plans(string text) =>
        Assert.Null(upcoming.FindInText(text));

    [Theory]
    [InlineData("nothing booked at the moment")]
    [InlineData("nothing else planned")]
    public void Nothing_booked_is_no_procedure_to_come(string text) =>
        Assert.False(upcoming.FindInText(text));

    [Theory]
    [InlineData("capsules please", Preference.Oral)]
    [InlineData("oral route preferred - she works away a lot", Preference.Oral)]
    [InlineData("tablets would be simplest for him", Preference.Oral)]
    [InlineData("fortnightly injections aren't realistic with his shifts", Preference.AvoidInjections)]
    [InlineData("we couldn't manage weekly jabs", Preference.AvoidInjections)]
    [InlineData("she wants to keep her spleen", Preference.AvoidSurgery)]
    [InlineData("the surgeon suggested an operation but he said no", Preference.AvoidSurgery)]
    [InlineData("he'd sooner not be on any medication", Preference.DrugFree)]
    public void Preferences_in_everyday_words(string text, Preference expected) =>
        Assert.Contains(expected, preferences.FindAll(text));

    [Theory]
    [InlineData("her family came over from Vietnam in the 80s")]
    [InlineData("he grew up in Osaka")]
    public void A_country_or_city_of_origin_gives_the_ancestry(string text) =>
        Assert.True(ancestry.FindInText(text));

    [Theory]
    [InlineData("first diagnosed aged 25, she's 58 now", 58)]
    [InlineData("my daughter Amy is 29", 29)]
    [InlineData("Mr K Brown 63 has ITP", 63)]
    [InlineData("(he says 77) plt 20", 77)]
    public void The_age_now(string text, int expected) =>
        Assert.Equal(expected, demographics.FindInText(text)?.AgeYears);

    [Theory]
    [InlineData("on a blood thinner for her clot", Antithrombotic.Anticoagulant)]
    [InlineData("takes Brufen most days for his back", Antithrombotic.Nsaid)]
    [InlineData("still on Marevan", Antithrombotic.Anticoagulant)]
    public void Antithrombotics_in_everyday_words(string text, Antithrombotic expected) =>
        Assert.Contains(expected, antithrombotics.FindAll(text));
}
