using ItpBot.Dialogs.Understanding;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class PlateletCountRecognizerTests
{
    private readonly PlateletCountRecognizer recognizer = new();

    [Theory]
    [InlineData("12", 12)]
    [InlineData("12k", 12)]
    [InlineData("12K", 12)]
    [InlineData("12,000", 12)]
    [InlineData("12000", 12)]
    [InlineData("12 x 10^9/L", 12)]
    [InlineData("12x10*9/l", 12)]
    [InlineData("12 × 10⁹/L", 12)]
    [InlineData("twelve thousand", 12)]
    [InlineData("plt 12", 12)]
    [InlineData("platelets 12k", 12)]
    [InlineData("150000", 150)]
    [InlineData("150,000/µL", 150)]
    [InlineData("45 x 10^3/uL", 45)]
    [InlineData("8.5", 8.5)]
    [InlineData("0", 0)]
    [InlineData("about 30", 30)]
    [InlineData("it's 7 today", 7)]
    public void Reads_a_count(string text, double expected) =>
        Assert.Equal(expected, recognizer.Recognize(text));

    [Theory]
    [InlineData("lots")]
    [InlineData("-5")]
    [InlineData("minus 5")]
    [InlineData("5,000,000")]
    [InlineData("")]
    [InlineData("not sure")]
    [InlineData("12 or 40")]
    [InlineData("52 years")]
    [InlineData("52 year old")]
    [InlineData("52 yo")]
    [InlineData("age 52")]
    [InlineData("70 kg")]
    [InlineData("weight: 70")]
    [InlineData("12 weeks")]
    public void Rejects_what_is_not_a_count(string text) =>
        Assert.Null(recognizer.Recognize(text));

    [Theory]
    [InlineData("52M, chronic ITP 3y, plt 12k, epistaxis", 12)]
    [InlineData("platelets are 25 today", 25)]
    [InlineData("count of 8 x 10^9/L after 75 mg eltrombopag", 8)]
    [InlineData("70 kg woman, 45 x 10^9/L", 45)]
    [InlineData("Hb 90 g/L, plt 12", 12)]
    public void Finds_a_named_count_in_a_message(string text, double expected) =>
        Assert.Equal(expected, recognizer.FindInText(text));

    [Theory]
    [InlineData("52 yo female on eltrombopag 75 mg")]
    [InlineData("12")]
    [InlineData("diagnosed 2 years ago")]
    [InlineData("full blood count 3 days ago")]
    [InlineData("Hb 90 g/L")]
    public void Leaves_other_numbers_alone_in_a_message(string text) =>
        Assert.Null(recognizer.FindInText(text));
}
