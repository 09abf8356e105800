using ItpBot.Dialogs.Understanding;
using ItpBot.Tests.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Issue 12, session 18: profile fields by class, in words of no corpus line. A gestation in obstetric shorthand, with
/// a person, set right, or beside a pregnancy word; a spleen said to be in, gone, or an operation talked of and not
/// done; childbearing potential in the notes' words.
/// </summary>
public sealed class ProfileFieldClassesSession18Tests
{
    private readonly PregnancyRecognizer pregnancy = new();
    private readonly SplenectomyRecognizer splenectomy = new();

    [Theory]
    [InlineData("we're at 31+1 now", 31)]
    [InlineData("GA 17+2, plt 70", 17)]
    [InlineData("G2P1 at 25+6 weeks", 25)]
    [InlineData("primigravida, 34 weeks, count 90", 34)]
    [InlineData("his partner is 19 weeks", 19)]
    [InlineData("she's just hit 14 weeks", 14)]
    [InlineData("around 23 weeks now", 23)]
    [InlineData("correction: 27 weeks not 17", 27)]
    [InlineData("not 35 weeks, 25", 25)]
    [InlineData("she is 12 weeks into this pregnancy", 12)]
    [InlineData("37 weeks with her third", 37)]
    [InlineData("early second trimester, 15 weeks", 15)]
    public void A_gestation_in_shorthand_or_beside_a_person_or_a_pregnancy_word(string text, int weeks)
    {
        var found = pregnancy.FindInText(text);
        Assert.NotNull(found);
        Assert.True(found.Pregnant);
        Assert.Equal(weeks, found.GestationWeeks);
    }

    [Theory]
    [InlineData("on pred for 8 weeks, plt 30")]
    [InlineData("romiplostim 12 weeks, no response")]
    [InlineData("multiple courses of steroids over 10 weeks")]
    [InlineData("she's 6 weeks post splenectomy")]
    [InlineData("eltrombopag 50mg, 3+1 tablets")]
    public void Weeks_of_a_treatment_are_no_gestation(string text) =>
        Assert.Null(pregnancy.FindInText(text)?.GestationWeeks);

    [Theory]
    [InlineData("her spleen's never been taken out", false)]
    [InlineData("Spleen = intact", false)]
    [InlineData("spleen: still in", false)]
    [InlineData("the team discussed removing his spleen but it hasn't happened", false)]
    [InlineData("splenectomy: refused", false)]
    [InlineData("he has no spleen - it came out in 2009", true)]
    [InlineData("neither the IVIG nor the splenectomy helped his count", true)]
    public void The_spleen_in_everyday_words(string text, bool removed) =>
        Assert.Equal(removed, splenectomy.FindInText(text));

    [Theory]
    [InlineData("thinking towards splenectomy or rilzabrutinib")]
    [InlineData("splenectomy vs a TPO-RA, we haven't decided")]
    [InlineData("a leaflet for someone with no spleen")]
    public void An_operation_weighed_or_a_leaflet_says_nothing_of_the_spleen(string text) =>
        Assert.Null(splenectomy.FindInText(text));

    [Theory]
    [InlineData("woman of reproductive age, plt 60", true)]
    [InlineData("has potential to conceive", true)]
    [InlineData("on Rigevidon, count 80", true)]
    [InlineData("she is surgically sterile", false)]
    [InlineData("no periods since the hysterectomy", false)]
    [InlineData("her periods ceased in her forties", false)]
    public void Childbearing_potential_in_the_notes_words(string text, bool potential) =>
        Assert.Equal(potential, TestReaders.Message.Read(text).Facts.ChildbearingPotential);
}
