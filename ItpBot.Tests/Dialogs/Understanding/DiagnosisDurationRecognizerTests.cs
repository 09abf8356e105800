using ItpBot.Dialogs.Understanding;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class DiagnosisDurationRecognizerTests
{
    // Clock: 2026-11-25.
    private readonly DiagnosisDurationRecognizer recognizer = new(FixedClock.Default);

    [Theory]
    [InlineData("for 8 months", 8, 8)]
    [InlineData("3y", 36, 36)]
    [InlineData("18 months", 18, 18)]
    [InlineData("8 mo", 8, 8)]
    [InlineData("3 yrs", 36, 36)]
    [InlineData("2 years ago", 23.5, 24.5)]
    [InlineData("6 weeks ago", 1.3, 1.5)]
    [InlineData("diagnosed March 2024", 31.5, 33.5)]
    [InlineData("since 2021", 60, 60)] // a bare year counts whole years (the lower bound), see DiagnosisWholePeriodTests
    [InlineData("last year", 12, 12)]
    [InlineData("2019", 84, 84)]
    [InlineData("diagnosed in 2019", 84, 84)]
    [InlineData("about two years", 24, 24)]
    [InlineData("10 days", 0.2, 0.5)]
    public void Reads_months_since_diagnosis(string text, double atLeast, double atMost)
    {
        var months = recognizer.RecognizeMonths(text);
        Assert.NotNull(months);
        Assert.InRange(months.Value, atLeast, atMost);
    }

    [Theory]
    [InlineData("next year")]
    [InlineData("in 3 months")]
    [InlineData("March 2027")]
    [InlineData("2031")]
    [InlineData("banana")]
    [InlineData("18")]
    [InlineData("")]
    [InlineData("52 minutes")]
    public void Rejects_future_dates_and_nonsense(string text) =>
        Assert.Null(recognizer.RecognizeMonths(text));

    [Theory]
    [InlineData("52M, chronic ITP 3y, plt 12k", 36)]
    [InlineData("woman, diagnosed 18 months ago, plt 30", 18)]
    public void Finds_the_diagnosis_in_a_message(string text, double expected)
    {
        var months = recognizer.FindInText(text);
        Assert.NotNull(months);
        Assert.Equal(expected, months.Value, 0.6);
    }

    // The date model reads only the clauses that speak of the diagnosis (it is the costliest recogniser): a date that
    // runs on past a comma, or a diagnosis clause far into a long message, must still be read.
    [Theory]
    [InlineData("diagnosed in March, 2021", 66, 70)]
    [InlineData("ITP dx March, 2021, plt 20", 66, 70)]
    [InlineData("52F, plt 12k, failed rituximab 6 months ago, romiplostim 3 months ago, ITP for 2 years", 24, 24)]
    [InlineData("52F. Diagnosed 18 months ago. Plt 30", 18, 18)]
    [InlineData("romiplostim started 3 months ago, ITP since 2019", 84, 84)]
    [InlineData("epistaxis; itp 8 mths; wt 70 kg", 8, 8)]
    public void Finds_the_diagnosis_in_any_clause_of_a_long_message(string text, double atLeast, double atMost)
    {
        var months = recognizer.FindInText(text);
        Assert.NotNull(months);
        Assert.InRange(months.Value, atLeast - 0.6, atMost + 0.6);
    }

    // Plain durations are read without the date model (it is slow); they must mean what the model makes of them.
    [Theory]
    [InlineData("3y")]
    [InlineData("3 years")]
    [InlineData("3 yrs")]
    [InlineData("1.5 years")]
    [InlineData("2 years ago")]
    [InlineData("18 months")]
    [InlineData("18 months ago")]
    [InlineData("8 mo")]
    [InlineData("for 8 months")]
    [InlineData("6 weeks")]
    [InlineData("6 weeks ago")]
    [InlineData("10 days")]
    [InlineData("chronic itp 3y")]
    [InlineData("diagnosed 18 months ago")]
    [InlineData("itp for 2 years")]
    [InlineData("dx 8 mths")]
    public void Reads_plain_durations_as_the_date_model_does(string text)
    {
        var prepared = DiagnosisDurationRecognizer.Prepare(text);
        var plain = DiagnosisDurationRecognizer.PlainDuration(prepared);
        var model = recognizer.ModelMonths(prepared);

        Assert.NotNull(plain);
        Assert.NotNull(model);
        Assert.Equal(model.Value, plain.Value, 0.15);
    }

    [Theory]
    [InlineData("since 2021")]
    [InlineData("diagnosed march 2024")]
    [InlineData("last year")]
    [InlineData("about two years")]
    [InlineData("3m")]
    [InlineData("romiplostim 3 months")]
    [InlineData("in 3 months")]
    public void Leaves_everything_else_to_the_date_model(string text) =>
        Assert.Null(DiagnosisDurationRecognizer.PlainDuration(DiagnosisDurationRecognizer.Prepare(text)));

    [Theory]
    [InlineData("52M, pred for 6 weeks")]
    [InlineData("romiplostim started 3 months ago")]
    public void Ignores_durations_that_are_not_about_the_diagnosis(string text) =>
        Assert.Null(recognizer.FindInText(text));

    [Fact]
    public void Counts_from_the_clock_it_is_given()
    {
        var later = new DiagnosisDurationRecognizer(new FixedClock(new DateTimeOffset(2027, 11, 25, 12, 0, 0, TimeSpan.Zero)));
        Assert.InRange(later.RecognizeMonths("diagnosed March 2024")!.Value, 43.5, 45.5);
    }
}
