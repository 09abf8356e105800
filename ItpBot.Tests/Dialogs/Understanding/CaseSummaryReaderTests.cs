using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class CaseSummaryReaderTests
{
    private readonly CaseSummaryReader reader = new(new TherapyRecognizer(TestLexicon.Instance), FixedClock.Default);

    [Fact]
    public void Reads_the_example_summary_into_every_field_it_states()
    {
        var summary = reader.Read(
            "52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy");

        var expected = new PatientProfile
        {
            AgeYears = 52,
            Sex = Sex.Male,
            MonthsSinceDiagnosis = 36,
            PlateletCount = 12,
            Bleeding = Bleeding.Mucosal,
            Splenectomy = false,
        };
        Assert.Equal(expected, summary.Profile with { PriorTreatments = null });
        Assert.Equal(
            [new PriorTreatment(TherapyIds.Eltrombopag, TreatmentOutcome.NoResponse, "75 mg"), new PriorTreatment(TherapyIds.Rituximab, TreatmentOutcome.NoResponse)],
            summary.Profile.PriorTreatments);
        Assert.Equal(
            [ProfileFields.AgeYears, ProfileFields.Sex, ProfileFields.MonthsSinceDiagnosis, ProfileFields.PlateletCount,
             ProfileFields.Bleeding, ProfileFields.PriorTreatments, ProfileFields.Splenectomy],
            summary.Filled);
        Assert.True(summary.IsCaseSummary);
    }

    [Fact]
    public void Reads_a_pregnant_patient_on_anticoagulation()
    {
        var summary = reader.Read(
            "34 yo female, 28 weeks pregnant, platelets 25 x 10^9/L, petechiae, on enoxaparin for previous DVT, pred worked then relapsed");

        var p = summary.Profile;
        Assert.Equal(34, p.AgeYears);
        Assert.Equal(Sex.Female, p.Sex);
        Assert.True(p.Pregnant);
        Assert.Equal(28, p.GestationWeeks);
        Assert.Equal(25, p.PlateletCount);
        Assert.Equal(Bleeding.Skin, p.Bleeding);
        Assert.Equal([Antithrombotic.Anticoagulant], p.Antithrombotics);
        Assert.Equal([Comorbidity.ThrombosisHistory], p.Comorbidities);
        Assert.Equal([new PriorTreatment(TherapyIds.Prednisone, TreatmentOutcome.Relapsed)], p.PriorTreatments);
    }

    [Fact]
    public void Reads_preferences_access_and_ancestry()
    {
        var summary = reader.Read(
            "F 61, Chinese, 55 kg, diagnosed March 2024, plt 18, no bleeding, HTN and T2DM, prefers oral treatment, " +
            "avoid surgery, no access to romiplostim, dental extraction next week");

        var p = summary.Profile;
        Assert.Equal(61, p.AgeYears);
        Assert.Equal(Sex.Female, p.Sex);
        Assert.True(p.EastAsianAncestry);
        Assert.Equal(55, p.WeightKg);
        Assert.InRange(p.MonthsSinceDiagnosis!.Value, 31.5, 33.5);
        Assert.Equal(18, p.PlateletCount);
        Assert.Equal(Bleeding.None, p.Bleeding);
        Assert.Equal([Comorbidity.Hypertension, Comorbidity.Diabetes], p.Comorbidities);
        Assert.Equal([Preference.Oral, Preference.AvoidSurgery], p.Preferences);
        Assert.Equal([TherapyIds.Romiplostim], p.Unavailable);
        Assert.True(p.UpcomingProcedure);
        Assert.Null(p.PriorTreatments);
    }

    [Fact]
    public void Reads_a_splenectomised_patient_who_relapsed()
    {
        var summary = reader.Read("70 year old man, s/p splenectomy 2015 then relapsed, on apixaban for AF, count 9, melaena");

        var p = summary.Profile;
        Assert.Equal(70, p.AgeYears);
        Assert.Equal(Sex.Male, p.Sex);
        Assert.True(p.Splenectomy);
        Assert.Equal([new PriorTreatment(TherapyIds.Splenectomy, TreatmentOutcome.Relapsed)], p.PriorTreatments);
        Assert.Equal([Antithrombotic.Anticoagulant], p.Antithrombotics);
        Assert.Equal(9, p.PlateletCount);
        Assert.Equal(Bleeding.Severe, p.Bleeding);
    }

    [Fact]
    public void Reports_classes_and_therapies_it_could_not_settle()
    {
        var summary = reader.Read("45F, failed a TPO-RA, had IVIg, plt 30");

        Assert.Equal(["TPO-RA"], summary.AmbiguousClasses);
        Assert.Equal([TherapyIds.Ivig], summary.TherapiesWithoutOutcome);
        Assert.Null(summary.Profile.PriorTreatments);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("eltrombopag")]
    [InlineData("18 months")]
    [InlineData("70")]
    [InlineData("")]
    public void Reads_a_short_answer_as_no_summary(string text)
    {
        var summary = reader.Read(text);
        Assert.False(summary.IsCaseSummary);
        Assert.True(summary.Filled.Count <= 1, string.Join(", ", summary.Filled));
        Assert.Null(summary.Profile.PlateletCount);
        Assert.Null(summary.Profile.AgeYears);
    }
}
