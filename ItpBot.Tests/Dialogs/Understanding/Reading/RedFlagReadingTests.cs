using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

public sealed class RedFlagReadingTests
{
    [Theory]
    [InlineData("sudden severe headache and she's been vomiting", "suspected-intracranial-bleeding")]
    [InlineData("plt 8, new confusion this morning", "suspected-intracranial-bleeding")]
    [InlineData("my dad's not making sense and his speech is slurred", "new-neurological-sign")]
    [InlineData("my son had a seizure", "new-neurological-sign")]
    [InlineData("she can't see out of her left eye", "ocular-bleeding")]
    [InlineData("back pain and legs feel numb since the lumbar puncture", "spinal-bleeding")]
    [InlineData("vomiting blood and feeling faint", "bleeding-with-haemodynamic-compromise")]
    [InlineData("lower GI bleed, hb dropping", "bleeding-with-haemodynamic-compromise")]
    [InlineData("bleed excluded on CT but now drowsy", "new-neurological-sign")]
    public void Signs_of_bleeding_at_a_critical_site_are_red_flags(string text, string rule)
    {
        var reading = TestReaders.Message.Read(text);

        Assert.Equal(MessageIntent.Emergency, reading.Intent);
        Assert.Contains(reading.RedFlags, f => f.Rule == rule);
    }

    [Theory]
    [InlineData("bleed excluded on CT")]
    [InlineData("no headache, vomiting or confusion")]
    [InlineData("what if she has a seizure?")]
    [InlineData("hx of ICH 2019, plt 40")]
    [InlineData("family history of brain haemorrhage")]
    [InlineData("mild bruising on her arms")]
    [InlineData("I'm confused about the dose of romiplostim")]
    [InlineData("52 year old with ITP, plt 30, petechiae")]
    [InlineData("not responding to steroids")]
    public void Denied_past_hypothetical_and_look_alike_findings_are_not(string text)
    {
        var reading = TestReaders.Message.Read(text);

        Assert.Empty(reading.RedFlags);
        Assert.NotEqual(MessageIntent.Emergency, reading.Intent);
    }

    [Fact]
    public void A_caregiver_is_recognised_from_their_relative()
    {
        var reading = TestReaders.Message.Read("my mum has ITP and she's suddenly confused");

        Assert.Equal(Speaker.Caregiver, reading.Speaker);
        Assert.Equal(Audience.Patient, reading.Audience);
        Assert.NotNull(reading.WorstRedFlag);
    }
}
