using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>Summaries written the many ways clinicians and patients write them: each checks the fields it states.</summary>
public sealed class MoreCaseSummaryTests
{
    private readonly CaseSummaryReader reader = new(new TherapyRecognizer(TestLexicon.Instance), FixedClock.Default);

    [Fact]
    public void Reads_a_year_of_diagnosis()
    {
        var p = reader.Read("F 45, dx 2019, plt 22, bruising").Profile;
        Assert.InRange(p.MonthsSinceDiagnosis!.Value, 80, 90);
        Assert.Equal(22, p.PlateletCount);
        Assert.Equal(Bleeding.Skin, p.Bleeding);
    }

    [Fact]
    public void Reads_since_a_year()
    {
        var p = reader.Read("ITP since 2021, platelets 40").Profile;
        Assert.Equal(60, p.MonthsSinceDiagnosis); // a bare year counts whole years, the lower bound
        Assert.Equal(40, p.PlateletCount);
    }

    [Fact]
    public void Reads_a_newly_diagnosed_patient()
    {
        var p = reader.Read("29 yo woman, diagnosed 6 weeks ago, plt 8 x 10^9/L, wet purpura, dex did nothing").Profile;
        Assert.Equal(29, p.AgeYears);
        Assert.InRange(p.MonthsSinceDiagnosis!.Value, 1.3, 1.5);
        Assert.Equal(8, p.PlateletCount);
        Assert.Equal(Bleeding.Mucosal, p.Bleeding);
        Assert.Equal([new PriorTreatment(TherapyIds.Dexamethasone, TreatmentOutcome.NoResponse)], p.PriorTreatments);
    }

    [Fact]
    public void Reads_a_patients_own_words()
    {
        var summary = reader.Read(
            "I'm a 34 year old woman, diagnosed last year. My platelets are 15 and I get nosebleeds. Steroids worked then relapsed.");
        var p = summary.Profile;
        Assert.Equal(34, p.AgeYears);
        Assert.Equal(Sex.Female, p.Sex);
        Assert.Equal(12, p.MonthsSinceDiagnosis); // "last year": whole years
        Assert.Equal(15, p.PlateletCount);
        Assert.Equal(Bleeding.Mucosal, p.Bleeding);
        // "Steroids" is prednisone's name in the content: in an ITP history it means prednis(ol)one.
        Assert.Equal([new PriorTreatment(TherapyIds.Prednisone, TreatmentOutcome.Relapsed)], p.PriorTreatments);
        Assert.Empty(summary.AmbiguousClasses);
    }

    [Fact]
    public void Reads_a_list_of_failed_lines()
    {
        var p = reader.Read("68M, chronic ITP 10 years, failed pred, IVIG, romiplostim and fostamatinib, MMF ongoing, CKD, aspirin for IHD, plt 6").Profile;
        Assert.Equal(
            [TherapyIds.Prednisone, TherapyIds.Ivig, TherapyIds.Romiplostim, TherapyIds.Fostamatinib, TherapyIds.Mycophenolate],
            p.PriorTreatments!.Select(t => t.Therapy));
        Assert.All(p.PriorTreatments!.Take(4), t => Assert.Equal(TreatmentOutcome.NoResponse, t.Outcome));
        Assert.Equal(TreatmentOutcome.Ongoing, p.PriorTreatments![4].Outcome);
        Assert.Equal(120, p.MonthsSinceDiagnosis);
        Assert.Equal([Comorbidity.KidneyDisease, Comorbidity.HeartDisease], p.Comorbidities);
        Assert.Equal([Antithrombotic.Antiplatelet], p.Antithrombotics);
        Assert.Equal(6, p.PlateletCount);
    }

    [Fact]
    public void Reads_an_emergency_presentation()
    {
        var p = reader.Read("75F on warfarin, plt 3, intracranial haemorrhage on CT").Profile;
        Assert.Equal(Bleeding.Critical, p.Bleeding);
        Assert.Equal([Antithrombotic.Anticoagulant], p.Antithrombotics);
        Assert.Equal(3, p.PlateletCount);
    }

    [Fact]
    public void Past_bleeding_is_not_current_bleeding()
    {
        var p = reader.Read("55M, plt 30, GI bleed in 2019, no bleeding now").Profile;
        Assert.Equal(Bleeding.None, p.Bleeding);
    }

    [Fact]
    public void A_case_summary_reads_the_same_from_many_threads()
    {
        const string text = "52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy";
        var expected = reader.Read(text);
        var results = new CaseSummary[64];
        Parallel.For(0, results.Length, i => results[i] = reader.Read(text));

        Assert.All(results, r =>
        {
            Assert.Equal(expected.Filled, r.Filled);
            Assert.Equal(expected.Profile.PriorTreatments, r.Profile.PriorTreatments);
            Assert.Equal(expected.Profile with { PriorTreatments = null }, r.Profile with { PriorTreatments = null });
        });
    }
}
