using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Operations named by organ or joint or by their ward abbreviation are procedures to come; a condition that shares a
/// word with an operation ("cataract", "bone marrow fibrosis") is not.
/// </summary>
public sealed class ProcedureNamesTests
{
    [Theory]
    [InlineData("shoulder op on Thursday, plt 70", ProcedureKind.MajorSurgery)]
    [InlineData("waiting for a mastectomy next month", ProcedureKind.MajorSurgery)]
    [InlineData("port insertion tomorrow", ProcedureKind.Minor)]
    [InlineData("cataract extraction planned for March", ProcedureKind.Minor)]
    [InlineData("booked for IOL on Sunday", ProcedureKind.Delivery)]
    public void A_named_operation_to_come_is_read(string text, ProcedureKind expected)
    {
        var facts = TestReaders.Message.Read(text).Facts;

        Assert.Equal(expected, facts.Procedure);
        Assert.True(facts.UpcomingProcedure);
    }

    [Theory]
    [InlineData("romiplostim stopped after marrow fibrosis was found on the bone marrow")]
    [InlineData("eltrombopag was stopped when he developed a cataract")]
    public void A_condition_sharing_a_word_with_an_operation_is_no_procedure(string text)
    {
        var facts = TestReaders.Message.Read(text).Facts;

        Assert.Null(facts.Procedure);
        Assert.Null(facts.UpcomingProcedure);
    }
}
