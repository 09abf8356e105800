using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// The patient's sex from a third-person pronoun about the patient, from any speaker, as a haematologist reads it;
/// never from a pronoun about a relative or a colleague.
/// </summary>
public sealed class PatientSexFromPronounsTests
{
    [Theory]
    [InlineData("romiplostim never got him above 30", Sex.Male)]
    [InlineData("she relapsed after the dexamethasone pulses", Sex.Female)]
    [InlineData("platelets 14 this morning, he is 59", Sex.Male)]
    [InlineData("her weight is about 60 kg", Sex.Female)]
    [InlineData("the lady in bed 6, plt 11", Sex.Female)]
    [InlineData("no significant past history but she smokes, plt 40", Sex.Female)]
    public void A_pronoun_about_the_patient_gives_the_sex(string text, Sex expected) =>
        Assert.Equal(expected, TestReaders.Message.Read(text).Facts.Sex);

    [Theory]
    [InlineData("the consultant said she would start romiplostim, plt 25")]
    [InlineData("his father had a splenectomy in the seventies")]
    [InlineData("platelets 30, the nurse says she could not get blood from the left arm")]
    [InlineData("plt 25, he is 40 and she is 38")]
    [InlineData("her GP started prednisolone, plt 12")]
    public void A_pronoun_about_someone_else_or_mixed_gives_no_sex(string text) =>
        Assert.Null(TestReaders.Message.Read(text).Facts.Sex);

    [Fact]
    public void A_clause_about_the_family_leaves_the_next_clause_to_the_patient() =>
        Assert.Equal(Sex.Male, TestReaders.Message.Read("bleeding disorders run in the family but he has never bled badly, plt 35").Facts.Sex);

    [Fact]
    public void A_pronoun_alone_without_anything_said_of_the_patient_gives_nothing() =>
        Assert.Null(TestReaders.Message.Read("hello, can he see you").Facts.Sex);
}
