using ItpBot.Dialogs.Understanding;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Haemoglobin is today's value: the level a fall reached is today's, while the size of a fall or a value told in
/// brackets as a drug's harm (anti-D, dapsone haemolysis) is that drug's story, not today's value.
/// </summary>
public sealed class HaemoglobinStoryTests
{
    [Theory]
    [InlineData("Hb went from 13.2 to 10.4 after the nosebleeds", 10.4)]
    [InlineData("her Hb dropped from 120 to 95 g/L", 9.5)]
    [InlineData("haemoglobin's normal, 13.9", 13.9)]
    public void The_level_now_is_read(string text, double expected) =>
        Assert.Equal(expected, LabResultRecognizer.Haemoglobin(UnderstandingText.Normalize(text)));

    [Theory]
    [InlineData("anti-D: Hb fell 2.5 g, never again")]
    [InlineData("dapsone stopped when she haemolysed (Hb 7.6), not repeated")]
    [InlineData("anti-D (no response, and Hb fell to 8.2)")]
    public void A_fall_or_a_harm_in_brackets_is_not_today_s_value(string text) =>
        Assert.Null(LabResultRecognizer.Haemoglobin(UnderstandingText.Normalize(text)));
}
