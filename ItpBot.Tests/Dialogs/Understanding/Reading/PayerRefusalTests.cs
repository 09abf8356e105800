using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>A payer that denied a drug, or a drug off the formulary, makes it unavailable; a refusal to do something else does not.</summary>
public sealed class PayerRefusalTests
{
    private static TurnReading Read(string text) => TestReaders.Message.Read(text);

    [Theory]
    [InlineData("her health plan rejected Doptelet", "avatrombopag")]
    [InlineData("Nplate is non-formulary in this hospital", "romiplostim")]
    public void A_payer_refusal_or_off_formulary_drug_is_unavailable(string text, string therapy) =>
        Assert.Contains(therapy, Read(text).Facts.Unavailable ?? []);

    [Fact]
    public void A_payer_refusing_to_do_something_else_makes_nothing_unavailable() =>
        Assert.Null(Read("the trust refused to stop rituximab early").Facts.Unavailable);
}
