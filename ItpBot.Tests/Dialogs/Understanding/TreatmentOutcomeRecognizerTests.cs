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

    // Plain ways of saying the ITP returned once the treatment ended or wore off.
    [Theory]
    [InlineData("came back")]
    [InlineData("it came back")]
    [InlineData("It came back.")]
    [InlineData("the ITP came back")]
    [InlineData("the ITP has come back")]
    [InlineData("came back after stopping")]
    [InlineData("relapsed after stopping")]
    [InlineData("relapsed when we stopped it")]
    [InlineData("returned when we stopped")]
    [InlineData("it returned")]
    [InlineData("platelets dropped again after")]
    [InlineData("platelets dropped again after stopping")]
    [InlineData("counts fell after finishing the course")]
    [InlineData("worked but it came back")]
    [InlineData("good for a year, then came back")]
    [InlineData("low platelets came back within months")]
    public void Reads_came_back_and_its_plain_relatives_as_a_relapse(string text) =>
        Assert.Equal(TreatmentOutcome.Relapsed, recognizer.Recognize(text));

    // Dependence is the count falling every time the drug is stopped; a relapse after one course is not.
    [Theory]
    [InlineData("relapses whenever we stop it")]
    [InlineData("comes back every time we stop")]
    [InlineData("drops when stopping")]
    public void Reads_falling_every_time_it_is_stopped_as_dependence(string text) =>
        Assert.Equal(TreatmentOutcome.Dependent, recognizer.Recognize(text));

    [Theory]
    [InlineData("platelets came back up", TreatmentOutcome.Response)]
    [InlineData("counts came back to normal", TreatmentOutcome.Response)]
    [InlineData("came back down", TreatmentOutcome.Relapsed)]
    public void Came_back_up_is_a_recovery_not_a_relapse(string text, TreatmentOutcome expected) =>
        Assert.Equal(expected, recognizer.Recognize(text));

    // "came back" of something other than the ITP, or denied, says nothing about how a treatment went.
    [Theory]
    [InlineData("the nosebleeds came back")]
    [InlineData("bleeding has come back")]
    [InlineData("the gum bleeding came back yesterday")]
    [InlineData("bruises came back")]
    [InlineData("results came back")]
    [InlineData("blood tests came back negative")]
    [InlineData("she came back to clinic")]
    [InlineData("came back for review")]
    [InlineData("it never came back")]
    [InlineData("it hasn't come back")]
    public void Came_back_of_something_else_or_denied_is_no_outcome(string text) =>
        Assert.Null(recognizer.Recognize(text));

    [Theory]
    [InlineData("")]
    [InlineData("eltrombopag")]
    [InlineData("not sure")]
    [InlineData("12")]
    [InlineData("we gave it for 6 weeks")]
    public void Says_nothing_when_no_outcome_is_described(string text) =>
        Assert.Null(recognizer.Recognize(text));
}
