using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class CorrectionReaderTests
{
    private readonly CorrectionReader reader = new(new CaseSummaryReader(new TherapyRecognizer(TestLexicon.Instance), FixedClock.Default));

    public static TheoryData<string, string, object> Corrections => new()
    {
        { "platelets are actually 25", ProfileFields.PlateletCount, 25.0 },
        { "sorry, plt 40 not 4", ProfileFields.PlateletCount, 40.0 },
        { "weight is 80 kg", ProfileFields.WeightKg, 80.0 },
        { "she's not pregnant", ProfileFields.Pregnant, false },
        { "actually no bleeding", ProfileFields.Bleeding, Bleeding.None },
        { "actually she has had a splenectomy", ProfileFields.Splenectomy, true },
        { "correction: age is 61", ProfileFields.AgeYears, 61 },
    };

    [Theory]
    [MemberData(nameof(Corrections))]
    public void Reads_a_correction_by_name(string text, string field, object value)
    {
        var correction = Assert.Single(reader.Read(text), c => c.Field == field);
        Assert.Equal(value, correction.Value);
        Assert.False(correction.Remove);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("eltrombopag")]
    [InlineData("epistaxis")]
    [InlineData("")]
    public void Takes_a_plain_answer_for_no_correction(string text) => Assert.Empty(reader.Read(text));

    [Fact]
    public void Stopping_a_drug_removes_its_class()
    {
        var profile = new PatientProfile { Antithrombotics = [Antithrombotic.Anticoagulant, Antithrombotic.Antiplatelet] };
        var correction = Assert.Single(reader.Read("she stopped warfarin"));

        Assert.True(correction.Remove);
        Assert.Equal([Antithrombotic.Antiplatelet], correction.ApplyTo(profile).Antithrombotics);
    }

    [Fact]
    public void Applies_a_scalar_by_replacing_it()
    {
        var profile = new PatientProfile { PlateletCount = 12, AgeYears = 52 };
        var corrected = reader.Read("platelets are actually 25").Aggregate(profile, (p, c) => c.ApplyTo(p));
        Assert.Equal(new PatientProfile { PlateletCount = 25, AgeYears = 52 }, corrected);
    }

    [Fact]
    public void Not_pregnant_clears_the_gestation()
    {
        var profile = new PatientProfile { Pregnant = true, GestationWeeks = 20 };
        var corrected = reader.Read("she's not pregnant").Aggregate(profile, (p, c) => c.ApplyTo(p));
        Assert.False(corrected.Pregnant);
        Assert.Null(corrected.GestationWeeks);
    }
}
