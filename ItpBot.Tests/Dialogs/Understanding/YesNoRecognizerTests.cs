using ItpBot.Dialogs.Understanding;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class YesNoRecognizerTests
{
    private readonly YesNoRecognizer recognizer = new();

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes.")]
    [InlineData("y")]
    [InlineData("Y")]
    [InlineData("yeah")]
    [InlineData("yep")]
    [InlineData("yup!")]
    [InlineData("sure")]
    [InlineData("correct")]
    [InlineData("affirmative")]
    [InlineData("yes she has")]
    [InlineData("yes, please")]
    [InlineData("of course")]
    [InlineData("she is")]
    [InlineData("yes, 28 weeks")]
    [InlineData("Yes - on warfarin")]
    public void Reads_yes(string text) => Assert.True(recognizer.Recognize(text));

    [Theory]
    [InlineData("no")]
    [InlineData("No!")]
    [InlineData("n")]
    [InlineData("nope")]
    [InlineData("nah")]
    [InlineData("not really")]
    [InlineData("none")]
    [InlineData("nil")]
    [InlineData("negative")]
    [InlineData("no, she hasn't")]
    [InlineData("no, he turned it down, no")] // the answer said again does not take it back
    [InlineData("no and no plans either")]
    [InlineData("no thanks")]
    [InlineData("she isn't")]
    [InlineData("I don't think so")]
    [InlineData("no, never had it")]
    public void Reads_no(string text) => Assert.False(recognizer.Recognize(text));

    [Theory]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("not sure")]
    [InlineData("yes and no")]
    [InlineData("12")]
    [InlineData("eltrombopag")]
    [InlineData("yesterday")]
    [InlineData("nothing to add but she has bruises")]
    [InlineData("no idea")]
    [InlineData("no problem")]
    [InlineData("yes but only briefly")]
    [InlineData("yes or no")]
    public void Reads_neither_from_anything_else(string text) => Assert.Null(recognizer.Recognize(text));
}
