using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class TherapyRecognizerTests
{
    private readonly TherapyRecognizer recognizer = new(TestLexicon.Instance);

    [Theory]
    [InlineData("Nplate", TherapyIds.Romiplostim)]
    [InlineData("Promacta", TherapyIds.Eltrombopag)]
    [InlineData("Revolade", TherapyIds.Eltrombopag)]
    [InlineData("Doptelet", TherapyIds.Avatrombopag)]
    [InlineData("Tavalisse", TherapyIds.Fostamatinib)]
    [InlineData("Wayrilz", TherapyIds.Rilzabrutinib)]
    [InlineData("Rituxan", TherapyIds.Rituximab)]
    [InlineData("MabThera", TherapyIds.Rituximab)]
    [InlineData("MMF", TherapyIds.Mycophenolate)]
    [InlineData("CellCept", TherapyIds.Mycophenolate)]
    [InlineData("CsA", TherapyIds.Cyclosporine)]
    [InlineData("AZA", TherapyIds.Azathioprine)]
    [InlineData("IVIg", TherapyIds.Ivig)]
    [InlineData("TXA", TherapyIds.TranexamicAcid)]
    [InlineData("dex", TherapyIds.Dexamethasone)]
    [InlineData("pred", TherapyIds.Prednisone)]
    [InlineData("anti-D", TherapyIds.AntiD)]
    [InlineData("tranexamic acid", TherapyIds.TranexamicAcid)]
    [InlineData("eltrombopg", TherapyIds.Eltrombopag)]
    [InlineData("romiplastim", TherapyIds.Romiplostim)]
    [InlineData("rituximub", TherapyIds.Rituximab)]
    [InlineData("predisone", TherapyIds.Prednisone)]
    [InlineData("steroids", TherapyIds.Prednisone)]
    [InlineData("steroid", TherapyIds.Prednisone)]
    [InlineData("mycophenolate mofetil", TherapyIds.Mycophenolate)]
    [InlineData("I think eltrombopag", TherapyIds.Eltrombopag)]
    [InlineData("Eltrombopag.", TherapyIds.Eltrombopag)]
    public void Names_one_therapy(string text, string expected)
    {
        var mention = recognizer.RecognizeOne(text);
        Assert.NotNull(mention);
        Assert.Equal(expected, mention.TherapyId);
    }

    [Theory]
    [InlineData("TPO-RA", "TPO-RA")]
    [InlineData("a TPO RA", "TPO-RA")]
    [InlineData("TPO-RAs", "TPO-RA")]
    [InlineData("glucocorticoids", "corticosteroids")]
    public void Reports_a_class_without_guessing(string text, string className)
    {
        var mention = recognizer.RecognizeOne(text);
        Assert.NotNull(mention);
        Assert.True(mention.IsClass);
        Assert.Null(mention.TherapyId);
        Assert.Equal(className, mention.ClassName);
        Assert.True(mention.TherapyIds.Count > 1);
    }

    [Theory]
    [InlineData("and")]
    [InlineData("failed")]
    [InlineData("dose")]
    [InlineData("the")]
    [InlineData("yes")]
    [InlineData("12")]
    [InlineData("platelets")]
    [InlineData("relapsed")]
    [InlineData("response")]
    [InlineData("danger")]
    [InlineData("romance")]
    [InlineData("eltrombopag and rituximab")]
    public void Names_no_single_therapy(string text) =>
        Assert.Null(recognizer.RecognizeOne(text));

    [Fact]
    public void Finds_every_therapy_in_a_sentence_and_no_ordinary_words()
    {
        var mentions = recognizer.FindAll(
            "failed the eltrombopag dose and rituximab, then pred worked; the danger is that the platelets dropped");

        Assert.Equal([TherapyIds.Eltrombopag, TherapyIds.Rituximab, TherapyIds.Prednisone],
            mentions.Select(m => m.TherapyId));
    }

    [Fact]
    public void Reports_where_each_mention_is()
    {
        var mention = Assert.Single(recognizer.FindAll("Failed Nplate."));
        Assert.Equal("nplate", mention.Text);
        Assert.Equal(7, mention.Start);
        Assert.Equal(6, mention.Length);
    }
}
