using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class TreatmentOutcomeRecognizerTests
{
    private readonly TreatmentOutcomeRecognizer recognizer = new();

    [Theory]
    [InlineData("worked then relapsed", TreatmentOutcome.Relapsed)]
    [InlineData("responded but then relapsed", TreatmentOutcome.Relapsed)]
    [InlineData("stopped working", TreatmentOutcome.Relapsed)]
    [InlineData("worked briefly", TreatmentOutcome.Relapsed)]
    [InlineData("lost response after a year", TreatmentOutcome.Relapsed)]
    [InlineData("did nothing", TreatmentOutcome.NoResponse)]
    [InlineData("no response", TreatmentOutcome.NoResponse)]
    [InlineData("didn't work", TreatmentOutcome.NoResponse)]
    [InlineData("failed", TreatmentOutcome.NoResponse)]
    [InlineData("refractory to it", TreatmentOutcome.NoResponse)]
    [InlineData("couldn't tolerate it", TreatmentOutcome.Intolerant)]
    [InlineData("side effects too bad", TreatmentOutcome.Intolerant)]
    [InlineData("responded but the side effects were awful", TreatmentOutcome.Intolerant)]
    [InlineData("intolerant", TreatmentOutcome.Intolerant)]
    [InlineData("still on it", TreatmentOutcome.Ongoing)]
    [InlineData("just started, too early to tell", TreatmentOutcome.Ongoing)]
    [InlineData("responded", TreatmentOutcome.Response)]
    [InlineData("it worked well", TreatmentOutcome.Response)]
    [InlineData("good response, still on it", TreatmentOutcome.Response)]
    [InlineData("no side effects and it worked", TreatmentOutcome.Response)]
    [InlineData("needs it to keep counts up", TreatmentOutcome.Dependent)]
    [InlineData("steroid dependent", TreatmentOutcome.Dependent)]
    [InlineData("can't taper below 10 mg", TreatmentOutcome.Dependent)]
    [InlineData("drops whenever we taper", TreatmentOutcome.Dependent)]
    public void Reads_the_outcome(string text, TreatmentOutcome expected) =>
        Assert.Equal(expected, recognizer.Recognize(text));

    [Theory]
    [InlineData("")]
    [InlineData("eltrombopag")]
    [InlineData("not sure")]
    [InlineData("12")]
    [InlineData("we gave it for 6 weeks")]
    public void Says_nothing_when_no_outcome_is_described(string text) =>
        Assert.Null(recognizer.Recognize(text));
}
