using ItpBot.Dialogs.Understanding;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// A drug out of reach told as a denial of an access word, in any of its forms ("can't be sourced", "isnt licenced",
/// "funding got knocked back"), and owned by the drug it speaks of, not every drug in the sentence.
/// </summary>
public sealed class DrugAccessFrameTests
{
    private readonly UnavailableTherapyRecognizer recognizer = new(new TherapyRecognizer(TestLexicon.Instance));

    [Theory]
    [InlineData("the hospital cannot source avatrombopag at the moment", new[] { "avatrombopag" })]
    [InlineData("fostamatinib isnt licenced in our country", new[] { "fostamatinib" })]
    [InlineData("romiplostim funding got knocked back", new[] { "romiplostim" })]
    [InlineData("rituximab worked before but the insurer won't reimburse it now", new[] { "rituximab" })]
    [InlineData("tried danazol which failed, and eltrombopag is still not approved here", new[] { "eltrombopag" })]
    [InlineData("avatrombopag: no supply locally", new[] { "avatrombopag" })]
    [InlineData("Nplate or Promacta, neither is stocked by our pharmacy", new[] { "romiplostim", "eltrombopag" })]
    public void A_denied_access_word_makes_its_drug_unavailable(string text, string[] expected) =>
        Assert.Equal(expected.Order(), recognizer.FindAll(text).Order());

    [Theory]
    // A doubt, or something else that is not to hand, says nothing about the drug.
    [InlineData("not sure whether fostamatinib is funded for us")]
    [InlineData("eltrombopag, outcome unknown - the records aren't available")]
    [InlineData("romiplostim is available and funded")]
    public void A_doubt_or_another_subject_makes_no_drug_unavailable(string text) =>
        Assert.Empty(recognizer.FindAll(text));
}
