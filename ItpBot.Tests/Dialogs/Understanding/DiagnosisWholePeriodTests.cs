using ItpBot.Dialogs.Understanding;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// A named year or month is counted from its end, in whole years or calendar months: the lower bound of when the
/// diagnosis could have been, so the phase of ITP (newly diagnosed, persistent, chronic) is never overstated.
/// </summary>
public sealed class DiagnosisWholePeriodTests
{
    // Clock: 2026-11-25.
    private readonly DiagnosisDurationRecognizer recognizer = new(FixedClock.Default);

    [Theory]
    [InlineData("her ITP was picked up in 2017 on a routine blood test", 108)]
    [InlineData("thrombocytopenia known since 2023, plt 40", 36)]
    [InlineData("she's had it since 2015", 132)]
    [InlineData("we've had this since 2024", 24)]
    [InlineData("dx back in 2012, plt 25", 168)]
    [InlineData("diagnosed with ITP in 2020, plt 33", 72)]
    [InlineData("ITP diagnosed last year", 12)]
    [InlineData("found to have ITP in September 2025", 14)]
    [InlineData("he was diagnosed in the autumn of 2024", 24)]
    public void A_named_year_month_or_season_counts_from_its_end(string text, double expected) =>
        Assert.Equal(expected, recognizer.FindInText(text));

    [Theory]
    [InlineData("had it for 6 years now", 72)]
    [InlineData("has had low platelets for the past 4 years", 48)]
    [InlineData("he's had ITP for going on 3 years", 36)]
    [InlineData("newly diagnosed last month, plt 12", 1)]
    public void A_duration_or_last_month_is_read(string text, double expected) =>
        Assert.Equal(expected, recognizer.FindInText(text));

    [Theory]
    [InlineData("diagnosed 2026")]
    [InlineData("ITP diagnosed this year, plt 20")]
    [InlineData("diagnosed since my 40th birthday")]
    public void The_current_year_or_a_birthday_gives_no_time(string text) =>
        Assert.Null(recognizer.FindInText(text));

    [Fact]
    public void A_bare_year_counts_whole_years_on_any_day_of_the_year()
    {
        var january = new DiagnosisDurationRecognizer(new FixedClock(new DateTimeOffset(2027, 1, 3, 9, 0, 0, TimeSpan.Zero)));
        Assert.Equal(24, january.RecognizeMonths("2025"));
        Assert.Null(january.RecognizeMonths("2027"));
    }
}
