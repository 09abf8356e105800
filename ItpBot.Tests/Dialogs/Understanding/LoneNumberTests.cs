using ItpBot.Dialogs.Understanding;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class LoneNumberTests
{
    [Theory]
    [InlineData("52", 52, false, true)]
    [InlineData(" 52. ", 52, false, true)]
    [InlineData("it's 52", 52, false, true)]
    [InlineData("16", 16, false, true)]
    [InlineData("120", 120, false, true)]
    [InlineData("12", 12, false, false)]
    [InlineData("15", 15, false, false)]
    [InlineData("121", 121, false, false)]
    [InlineData("8.5", 8.5, false, false)]
    [InlineData("52 years", 52, true, false)]
    [InlineData("52 yrs", 52, true, false)]
    [InlineData("52y", 52, true, false)]
    public void Reads_a_message_that_is_only_a_number(string text, double value, bool inYears, bool couldBeCountOrAge)
    {
        var lone = LoneNumber.Read(text);

        Assert.NotNull(lone);
        Assert.Equal(value, lone.Value);
        Assert.Equal(inYears, lone.InYears);
        Assert.Equal(couldBeCountOrAge, lone.CouldBeCountOrAge);
    }

    [Theory]
    [InlineData("plt 52")]
    [InlineData("52k")]
    [InlineData("52 x10^9/L")]
    [InlineData("52,000")]
    [InlineData("52M")]
    [InlineData("52 kg")]
    [InlineData("52 and 12")]
    [InlineData("hello")]
    [InlineData("")]
    public void Anything_more_than_a_number_is_not_a_lone_number(string text) =>
        Assert.Null(LoneNumber.Read(text));
}
