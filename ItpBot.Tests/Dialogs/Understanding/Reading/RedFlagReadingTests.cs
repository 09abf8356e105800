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
    [InlineData("GCS 9, plt 3", "new-neurological-sign")]
    [InlineData("epistaxis, HR 130, BP 85/50", "bleeding-with-haemodynamic-compromise")]
    [InlineData("PV bleed, Hb 6.5", "severe-bleeding")]
    [InlineData("needed 3 units today for ongoing bleeding", "severe-bleeding")]
    [InlineData("numb from the waist down", "spinal-bleeding")]
    [InlineData("her neck is swelling up and she can't breathe", "airway-bleeding")]
    [InlineData("calf is tight after a muscle bleed", "compartment-syndrome")]
    [InlineData("was sick and there was blood in it", "severe-bleeding")]
    // Classes added in stop 12 (in words of their own, not the held-out lines that showed them).
    [InlineData("systolic 82, pulse 128, count 30", "measured-shock")]
    [InlineData("plt 6 and his BP is 84/52", "measured-shock")]
    [InlineData("gums pouring blood and she is gasping for air", "airway-bleeding")]
    [InlineData("a blood blister under his tongue and now he can't swallow", "airway-bleeding")]
    [InlineData("thigh is rock hard and her foot is tingling after the fall", "compartment-syndrome")]
    [InlineData("arm really swollen since the cannula and his fingers are going white", "compartment-syndrome")]
    [InlineData("bleeding into the elbow and Hb fell to 7", "severe-bleeding")]
    [InlineData("weeing dark red blood with clots in it", "severe-bleeding")]
    [InlineData("headache and the light is hurting her eyes", "suspected-intracranial-bleeding")]
    [InlineData("worst headache, feels like my head is bursting", "suspected-intracranial-bleeding")]
    [InlineData("blurry vision since this morning, plt 9", "ocular-bleeding")]
    [InlineData("suddenly everything went blurry in one eye", "ocular-bleeding")]
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
    [InlineData("GCS 15, HR 72, BP 120/80")]
    [InlineData("Hb 9.8, no bleeding")]
    [InlineData("had 2 units of platelets before the op")]
    [InlineData("no, never had a fit")]
    [InlineData("I'm scared of having a brain bleed")]
    [InlineData("my sister had a haemorrhage after her delivery, I'm asking about me")]
    [InlineData("would coffee ground vomit be an emergency?")]
    [InlineData("is black poo dangerous?")]
    [InlineData("black stools on iron tablets")]
    [InlineData("a bit blurry when reading small print, count 85")]
    [InlineData("swollen ankle after a long flight, no pain")]
    [InlineData("BP 95/60 which is normal for me, plt 60")]
    [InlineData("sore throat, some blood when I spit, breathing fine")]
    public void Denied_past_hypothetical_and_look_alike_findings_are_not(string text)
    {
        var reading = TestReaders.Message.Read(text);

        Assert.Empty(reading.RedFlags);
        Assert.NotEqual(MessageIntent.Emergency, reading.Intent);
    }

    [Fact]
    public void A_relatives_present_sign_stays_an_emergency_even_when_the_speaker_is_the_patient()
    {
        Assert.NotEmpty(TestReaders.Message.Read("I'm the patient, but my husband has been vomiting blood").RedFlags);
    }

    [Fact]
    public void A_number_limit_that_is_not_a_number_is_named_at_start_up()
    {
        var files = new Dictionary<string, string>(ReadingLexicon.EmbeddedFiles())
        {
            ["signs-bad.yaml"] = "category: sign\nentries:\n  - meaning: bad-limit\n    phrases:\n      - \"gcs #<low\"\n",
        };

        var error = Assert.Throws<LexiconException>(() => ReadingLexicon.Load(files));

        Assert.Contains(error.Problems, p => p.Contains("'bad-limit'", StringComparison.Ordinal) && p.Contains("#<low", StringComparison.Ordinal));
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
