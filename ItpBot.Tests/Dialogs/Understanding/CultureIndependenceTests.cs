using System.Globalization;
using ItpBot.Dialogs.Understanding;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// The SDK sets the thread's culture from the activity's locale (Teams sends the user's, e.g. de-DE), but the bot
/// reads English with a decimal point: what a clinician types must mean the same whatever their locale.
/// </summary>
public sealed class CultureIndependenceTests
{
    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("en-GB")]
    public void Reads_decimal_numbers_the_same_in_every_locale(string locale)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(locale);
            Assert.Equal(70.5, new WeightRecognizer().FindInText("wt 70.5 kg"));
            Assert.Equal(70.5, new WeightRecognizer().Recognize("70.5"));
            Assert.Equal(52, new DemographicsRecognizer().FindInText("52 years old")?.AgeYears);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
