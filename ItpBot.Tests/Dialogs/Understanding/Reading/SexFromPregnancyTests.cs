using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// A pregnancy, a gestation or a childbearing status is only ever a woman's: it gives the patient's sex. A plan for a
/// baby does not (her partner may be the one typing about himself).
/// </summary>
public sealed class SexFromPregnancyTests
{
    [Theory]
    [InlineData("28/40 with a count of 45")]
    [InlineData("went through the menopause at 50")]
    [InlineData("pregnancy test this morning was negative")]
    public void A_pregnancy_or_childbearing_status_gives_a_woman(string text) =>
        Assert.Equal(Sex.Female, TestReaders.Message.Read(text).Facts.Sex);

    [Theory]
    [InlineData("we're hoping to start a family next spring")]
    [InlineData("plt 45, no bleeding")]
    public void A_plan_for_a_baby_or_no_pregnancy_word_gives_no_sex(string text) =>
        Assert.Null(TestReaders.Message.Read(text).Facts.Sex);
}
