using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// A patient who writes in shorthand but speaks of their own drugs, spleen or age is a patient (the patient's
/// wording follows), while "I'm" with a number that is no age says nothing of who is typing.
/// </summary>
public sealed class SpeakerFromOwnFactsTests
{
    [Theory]
    [InlineData("ITP since 2019, plt 30. I never take aspirin or ibuprofen.")]
    [InlineData("count 41, I had my spleen out in 2012")]
    [InlineData("I'm 58 now and the bruising is worse")]
    [InlineData("i am 39 years old, on eltrombopag")]
    [InlineData("41 m here, count 22, romiplostim weekly")]
    [InlineData("34F here - platelets 15 and gums bleeding when I brush")]
    public void Own_drugs_spleen_or_age_make_a_patient(string text) =>
        Assert.Equal(Speaker.Patient, TestReaders.Message.Read(text).Speaker);

    [Theory]
    [InlineData("I'm 20 minutes from the hospital, plt 30")]
    [InlineData("plt 30, hx of splenectomy, no anticoagulants")]
    [InlineData("41M, count 22, on romiplostim")]
    public void Other_numbers_or_shorthand_alone_say_nothing_of_a_patient(string text) =>
        Assert.NotEqual(Speaker.Patient, TestReaders.Message.Read(text).Speaker);
}
