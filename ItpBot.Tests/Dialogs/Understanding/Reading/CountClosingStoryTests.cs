using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// A treatment's story that ends on a bare number ("...working well, 88.", "still 16", "60-ish") has told where the
/// count is now, though it never names the count; a person's age said the same way stays an age.
/// </summary>
public sealed class CountClosingStoryTests
{
    private static TurnReading Read(string text) => TestReaders.Message.Read(text);

    [Theory]
    [InlineData("romiplostim did nothing so we switched to avatrombopag in the spring, working well, 88.", 88)]
    [InlineData("fostamatinib 3 months, no real effect, still 16", 16)]
    [InlineData("eltrombopag since March, good response, 60-ish", 60)]
    public void A_bare_number_closing_a_treatment_story_is_the_count_now(string text, double count) =>
        Assert.Equal(count, Read(text).Facts.PlateletCount);

    [Fact]
    public void An_age_closing_a_treatment_story_is_no_count()
    {
        var reading = Read("rituximab in 2023 worked for a year, she's 45");
        Assert.Null(reading.Facts.PlateletCount);
        Assert.Equal(45, reading.Facts.AgeYears);
    }
}
