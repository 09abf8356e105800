using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// In a treatment's story the count is often never named: "Now 14.", "22 today", "keeps me around 70". What a treatment
/// moves is the count, so a bare number said as the latest is read as it; without a treatment told, or beside a named
/// count, it is not.
/// </summary>
public sealed class PlateletCountInTreatmentStoryTests
{
    private readonly PlateletCountRecognizer recognizer = new();

    [Theory]
    [InlineData("Romiplostim did well for two years then tailed off on the top dose. Now 17.", 17)]
    [InlineData("eltrombopag restarted a fortnight ago, 31 today", 31)]
    [InlineData("we had a good run with danazol but she has now relapsed to 9", 9)]
    [InlineData("rituximab last spring, worked for a while, but now 26 again", 26)]
    public void A_bare_latest_number_in_a_treatment_story_is_the_count(string text, double expected) =>
        Assert.Equal(expected, recognizer.FindInText(MessageText.Of(text), treatmentStory: true));

    [Theory]
    [InlineData("Romiplostim did well for two years then tailed off on the top dose. Now 17.")]
    [InlineData("eltrombopag restarted a fortnight ago, 31 today")]
    public void Without_a_treatment_told_a_bare_number_is_not_a_count(string text) =>
        Assert.Null(recognizer.FindInText(MessageText.Of(text), treatmentStory: false));

    [Theory]
    // A named count wins over a bare number said as the latest: "now 61" here is an age.
    [InlineData("Splenectomy decades ago, it held until this year. Now 61, count 19 again.", 19)]
    // A number of something else is never the count.
    [InlineData("on avatrombopag, now 20 mg daily, plt 44", 44)]
    public void A_named_count_or_another_unit_wins(string text, double expected) =>
        Assert.Equal(expected, recognizer.FindInText(MessageText.Of(text), treatmentStory: true));

    [Theory]
    // A person or a drug said to hold the count at a level: the level is the count ("kept me around", "sits at").
    [InlineData("avatrombopag has kept her around 85 since the spring", 85)]
    [InlineData("despite steroids, IVIG and rituximab she still sits at 16", 16)]
    [InlineData("the pred has held him at 45 but he can't come off it", 45)]
    [InlineData("mycophenolate gave a partial response still holding at 38", 38)]
    // A return to a level is the count now, not a story's peak.
    [InlineData("stopped the romiplostim in spring and the count went back down to 21", 21)]
    public void A_level_held_or_returned_to_is_the_count(string text, double expected) =>
        Assert.Equal(expected, recognizer.FindInText(text));
}
