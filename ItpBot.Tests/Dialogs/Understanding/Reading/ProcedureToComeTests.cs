using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// A procedure the patient faces is one to come, whether told or asked about ("can she have a dental extraction with a
/// count of 38?"); a procedure asked about in general, weighed as a treatment, or told as the time of a past treatment
/// ("had IVIG before my knee op in 2023", "IVIG before each dental procedure") is none.
/// </summary>
public sealed class ProcedureToComeTests
{
    private static TurnReading Read(string text) => TestReaders.Message.Read(text);

    [Theory]
    [InlineData("does he need platelets before his knee replacement? count 28", ProcedureKind.MajorSurgery)]
    [InlineData("my count is 51, is it safe for me to have a tooth pulled?", ProcedureKind.Dental)]
    [InlineData("will he need IVIG ahead of his colonoscopy? plt 36", ProcedureKind.Minor)]
    [InlineData("is an epidural ok for me with platelets at 70?", ProcedureKind.Neuraxial)]
    // Session 22 conventions: a procedure the patient faces, asked about, is one to come (with the pronoun's sex).
    [InlineData("is it safe for him to have a tooth out", ProcedureKind.Dental)]
    public void A_procedure_asked_about_for_the_patient_is_one_to_come(string text, ProcedureKind kind)
    {
        var reading = Read(text);
        Assert.Equal(MessageIntent.Question, reading.Intent);
        Assert.Equal(kind, reading.Facts.Procedure);
        Assert.True(reading.Facts.UpcomingProcedure);
    }

    [Theory]
    [InlineData("what's the usual target count before a hip replacement?")]
    [InlineData("should she consider a splenectomy at this point?")]
    [InlineData("is a splenectomy still sensible for him?")]
    [InlineData("what if he needs an operation one day?")]
    public void A_general_question_or_a_treatment_weighed_is_no_procedure(string text)
    {
        var reading = Read(text);
        Assert.Null(reading.Facts.Procedure);
        Assert.Null(reading.QuestionFacts.Procedure);
    }

    [Theory]
    [InlineData("she got IVIG before her gallbladder op in 2022 and the count came up")]
    [InlineData("he has IVIG before any dental work, nothing else")]
    [InlineData("hernia repair done last month, plt 90 now")]
    [InlineData("gallbladder removed yesterday, recovering fine")]
    [InlineData("IVIG was used before her hip replacement, good rise")]
    public void A_procedure_told_as_past_or_as_an_occasion_is_none(string text)
    {
        var reading = Read(text);
        Assert.Null(reading.Facts.Procedure);
        Assert.NotEqual(true, reading.Facts.UpcomingProcedure);
    }
}
