using ItpBot.Dialogs.Understanding;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// A count told as part of a treatment story ("rose to 140", "from 95 to 20") is not the count now: the peak of a
/// lost response read as current would make a patient at 20 look safe.
/// </summary>
public sealed class PlateletStoryValueTests
{
    private readonly PlateletCountRecognizer recognizer = new();

    [Theory]
    [InlineData("dex pushed her platelets up to 140, then the count was back to 18 by the next clinic", 18)]
    [InlineData("count dropped from 95 to 20 after we stopped the romiplostim", 20)]
    [InlineData("plts peaked at about 70 on avatrombopag but her count sits at 25", 25)]
    [InlineData("platelets used to be 250 before all this, platelets today 9", 9)]
    // A latest word after the value makes it the count now.
    [InlineData("platelets went up to 160 now on eltrombopag", 160)]
    public void The_count_now_is_read_past_a_story_value(string text, double expected) =>
        Assert.Equal(expected, recognizer.FindInText(text));

    // With no count named after it, the count now is not known: the bot asks rather than take the peak.
    [Theory]
    [InlineData("IVIG got her platelets up to 300 for a fortnight")]
    [InlineData("romiplostim took the count as high as 400, so the dose was cut")]
    [InlineData("pred got plts to a max of 120, then back to 18")]
    public void A_peak_alone_is_not_the_count_now(string text) =>
        Assert.Null(recognizer.FindInText(text));
}
