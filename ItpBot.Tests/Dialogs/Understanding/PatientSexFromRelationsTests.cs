using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// The patient's sex from who the patient is to the writer, only when the message says something about the patient,
/// and never from a relative who also has the disease.
/// </summary>
public sealed class PatientSexFromRelationsTests
{
    [Theory]
    [InlineData("mom's 66, plt 30", Sex.Female)]
    [InlineData("husband's 58 and bruising a lot", Sex.Male)]
    [InlineData("dad's weight is 70kg", Sex.Male)]
    [InlineData("wife's platelets are 25 now", Sex.Female)]
    public void A_relation_without_my_names_the_patient(string text, Sex expected) =>
        Assert.Equal(expected, TestReaders.Message.Read(text).Facts.Sex);

    [Theory]
    [InlineData("my father also has ITP")]
    [InlineData("my aunt had it too")]
    [InlineData("my daughter too")]
    [InlineData("I'm his daughter")]
    public void A_relation_alone_or_a_relative_who_also_has_it_gives_no_sex(string text) =>
        Assert.Null(TestReaders.Message.Read(text).Facts.Sex);

    [Fact]
    public void A_relatives_clot_is_not_the_patients_history() =>
        Assert.Null(TestReaders.Message.Read("granddad had a DVT once, not me").Facts.Comorbidities);
}
