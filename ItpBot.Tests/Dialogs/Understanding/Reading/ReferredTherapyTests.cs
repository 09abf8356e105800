using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// A statement beside a question that points back at the one drug the question names ("on it", "had it", "it's
/// keeping me at 90", "started 3 weeks ago") tells how that drug went; the question alone still states nothing.
/// </summary>
public sealed class ReferredTherapyTests
{
    private static TurnReading Read(string text) => TestReaders.Message.Read(text);

    [Theory]
    [InlineData("can he fly long haul on avatrombopag? he's been on it a year and it's kept him over 100", "avatrombopag", TreatmentOutcome.Response)]
    [InlineData("is it worth retrying danazol? she took it in 2022 and it failed", "danazol", TreatmentOutcome.NoResponse)]
    [InlineData("Could fostamatinib explain the diarrhoea? Started 10 days ago.", "fostamatinib", TreatmentOutcome.Ongoing)]
    public void A_statement_pointing_at_the_questions_drug_tells_how_it_went(string text, string therapy, TreatmentOutcome outcome)
    {
        var reading = Read(text);

        Assert.Equal(MessageIntent.Question, reading.Intent);
        var treatment = Assert.Single(reading.Facts.PriorTreatments ?? []);
        Assert.Equal(therapy, treatment.Therapy);
        Assert.Equal(outcome, treatment.Outcome);
    }

    [Theory]
    // The question alone names what it asks about.
    [InlineData("should she start romiplostim? it's been a hard year")]
    // Two drugs in the question: "it" could be either.
    [InlineData("romiplostim or eltrombopag next? she tried it once and it failed")]
    // The statement names its own drug.
    [InlineData("is avatrombopag an option? she had rituximab and it failed")]
    public void Nothing_is_taken_for_the_questions_drug_unless_a_statement_points_at_it_alone(string text)
    {
        var reading = Read(text);

        Assert.DoesNotContain(reading.Facts.PriorTreatments ?? [], t => t.Therapy is "romiplostim" or "eltrombopag" or "avatrombopag");
    }
}
