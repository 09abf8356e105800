using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class ProfileMergeTests
{
    [Fact]
    public void New_values_win_and_missing_ones_are_kept()
    {
        var current = new PatientProfile { AgeYears = 52, PlateletCount = 12, Bleeding = Bleeding.Skin };
        var merged = current.Apply(new PatientProfile { PlateletCount = 25, Sex = Sex.Male });

        Assert.Equal(new PatientProfile { AgeYears = 52, PlateletCount = 25, Bleeding = Bleeding.Skin, Sex = Sex.Male }, merged with { });
        Assert.Equal(25, merged.PlateletCount);
        Assert.Equal(52, merged.AgeYears);
    }

    [Fact]
    public void Lists_merge_without_duplicates()
    {
        var current = new PatientProfile
        {
            Comorbidities = [Comorbidity.Hypertension],
            Unavailable = [TherapyIds.Romiplostim],
        };
        var merged = current.Apply(new PatientProfile
        {
            Comorbidities = [Comorbidity.Hypertension, Comorbidity.Diabetes],
            Unavailable = [TherapyIds.Fostamatinib],
        });

        Assert.Equal([Comorbidity.Hypertension, Comorbidity.Diabetes], merged.Comorbidities);
        Assert.Equal([TherapyIds.Romiplostim, TherapyIds.Fostamatinib], merged.Unavailable);
    }

    [Fact]
    public void A_treatment_named_again_takes_its_new_outcome()
    {
        var current = new PatientProfile
        {
            PriorTreatments = [new(TherapyIds.Prednisone, TreatmentOutcome.Response), new(TherapyIds.Ivig, TreatmentOutcome.Response)],
        };
        var merged = current.Apply(new PatientProfile
        {
            PriorTreatments = [new(TherapyIds.Prednisone, TreatmentOutcome.Relapsed)],
        });

        Assert.Equal(
            [new PriorTreatment(TherapyIds.Ivig, TreatmentOutcome.Response), new PriorTreatment(TherapyIds.Prednisone, TreatmentOutcome.Relapsed)],
            merged.PriorTreatments);
    }

    [Fact]
    public void No_longer_pregnant_drops_the_gestation()
    {
        var merged = new PatientProfile { Pregnant = true, GestationWeeks = 28 }.Apply(new PatientProfile { Pregnant = false });
        Assert.False(merged.Pregnant);
        Assert.Null(merged.GestationWeeks);
    }

    [Fact]
    public void An_empty_update_changes_nothing()
    {
        var current = new PatientProfile { AgeYears = 40, Comorbidities = [Comorbidity.Osteoporosis] };
        var merged = current.Apply(new PatientProfile());
        Assert.Equal(40, merged.AgeYears);
        Assert.Equal([Comorbidity.Osteoporosis], merged.Comorbidities);
    }
}
