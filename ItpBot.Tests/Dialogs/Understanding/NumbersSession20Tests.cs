using ItpBot.Dialogs.Understanding;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Session 20 (numbers): an age written "NN yo" or "NN-y-o" without a sex beside it, and a relative's age in brackets
/// or after a comma ("(my grandad, 84)", "my mother-in-law, 79").
/// </summary>
public sealed class NumbersSession20Tests
{
    private readonly DemographicsRecognizer demographics = new();

    [Theory]
    [InlineData("ward referral - 67 yo, plt 22, gum bleeding", 67)]
    [InlineData("a 45-y-o on dialysis with a count of 30", 45)]
    [InlineData("my mother-in-law, 79, has had ITP for years", 79)]
    [InlineData("it's for my father in law, 81, his count is 14", 81)]
    [InlineData("(our gran, 91) bruises easily", 91)]
    public void Ages_with_no_sex_word_beside_them(string text, int expected) =>
        Assert.Equal(expected, demographics.FindInText(text)?.AgeYears);

    [Theory]
    [InlineData("plt 45, pred 10 yo-yo dosing")]
    [InlineData("my grandad (plt 9) is poorly")]
    public void A_number_that_is_no_age(string text) =>
        Assert.Null(demographics.FindInText(text)?.AgeYears);
}
