using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// A bare "no", a pause, then a value sets the last reading right; without a value it stays an everyday answer. Small
/// skin operations, plural extractions and a planned C/S are procedures.
/// </summary>
public sealed class NoThenAValueAndSmallProceduresTests
{
    private static TurnReading Read(string text) => TestReaders.Message.Read(text);

    [Theory]
    [InlineData("nope, she still has her spleen")]
    [InlineData("no - he isn't pregnant, that's his wife")]
    public void No_then_a_value_is_a_correction(string text) =>
        Assert.Equal(MessageIntent.Correction, Read(text).Intent);

    [Theory]
    [InlineData("no, nothing else")]
    [InlineData("no spleen problems")]
    public void No_without_a_pause_and_a_value_is_no_correction(string text) =>
        Assert.NotEqual(MessageIntent.Correction, Read(text).Intent);

    [Theory]
    [InlineData("getting a cyst excised on Friday", ProcedureKind.Minor)]
    [InlineData("two extractions booked", ProcedureKind.Dental)]
    [InlineData("booked C/S at 38 weeks", ProcedureKind.Delivery)]
    public void A_small_operation_extractions_or_a_planned_cs_are_procedures_to_come(string text, ProcedureKind procedure)
    {
        var facts = Read(text).Facts;

        Assert.Equal(procedure, facts.Procedure);
        Assert.True(facts.UpcomingProcedure);
    }

    [Fact]
    public void A_mole_removed_years_ago_is_no_procedure_to_come() =>
        Assert.Null(Read("had a lipoma removed years ago").Facts.Procedure);
}
