using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class PriorTreatmentReaderTests
{
    private readonly PriorTreatmentReader reader = new(new TherapyRecognizer(TestLexicon.Instance), new TreatmentOutcomeRecognizer());

    public static TheoryData<string, PriorTreatment[]> Sentences => new()
    {
        {
            "failed eltrombopag 75 mg and rituximab",
            [new(TherapyIds.Eltrombopag, TreatmentOutcome.NoResponse, "75 mg"), new(TherapyIds.Rituximab, TreatmentOutcome.NoResponse)]
        },
        {
            "pred worked then relapsed, romiplostim did nothing",
            [new(TherapyIds.Prednisone, TreatmentOutcome.Relapsed), new(TherapyIds.Romiplostim, TreatmentOutcome.NoResponse)]
        },
        {
            "failed pred and responded to Nplate",
            [new(TherapyIds.Prednisone, TreatmentOutcome.NoResponse), new(TherapyIds.Romiplostim, TreatmentOutcome.Response)]
        },
        {
            "pred worked but romiplostim failed",
            [new(TherapyIds.Prednisone, TreatmentOutcome.Response), new(TherapyIds.Romiplostim, TreatmentOutcome.NoResponse)]
        },
        {
            "MMF, couldn't tolerate it",
            [new(TherapyIds.Mycophenolate, TreatmentOutcome.Intolerant)]
        },
        {
            "eltrombopg, still on it",
            [new(TherapyIds.Eltrombopag, TreatmentOutcome.Ongoing)]
        },
        {
            "pred, IVIG, romiplostim, all failed",
            [new(TherapyIds.Prednisone, TreatmentOutcome.NoResponse), new(TherapyIds.Ivig, TreatmentOutcome.NoResponse),
             new(TherapyIds.Romiplostim, TreatmentOutcome.NoResponse)]
        },
        {
            "failed pred, IVIG, romiplostim",
            [new(TherapyIds.Prednisone, TreatmentOutcome.NoResponse), new(TherapyIds.Ivig, TreatmentOutcome.NoResponse),
             new(TherapyIds.Romiplostim, TreatmentOutcome.NoResponse)]
        },
        {
            "dex, IVIg, rituximab all failed",
            [new(TherapyIds.Dexamethasone, TreatmentOutcome.NoResponse), new(TherapyIds.Ivig, TreatmentOutcome.NoResponse),
             new(TherapyIds.Rituximab, TreatmentOutcome.NoResponse)]
        },
        {
            "couldn't tolerate Promacta; steroid dependent on prednisolone 10 mg daily",
            [new(TherapyIds.Eltrombopag, TreatmentOutcome.Intolerant), new(TherapyIds.Prednisone, TreatmentOutcome.Dependent, "10 mg daily")]
        },
        {
            "currently on romiplostim 3 mcg/kg weekly",
            [new(TherapyIds.Romiplostim, TreatmentOutcome.Ongoing, "3 mcg/kg weekly")]
        },
        {
            "no response to pred",
            [new(TherapyIds.Prednisone, TreatmentOutcome.NoResponse)]
        },
        {
            "eltrombopg stopped working",
            [new(TherapyIds.Eltrombopag, TreatmentOutcome.Relapsed)]
        },
        {
            "prednisone worked but it came back",
            [new(TherapyIds.Prednisone, TreatmentOutcome.Relapsed)]
        },
        {
            "pred, came back after stopping; romiplostim did nothing",
            [new(TherapyIds.Prednisone, TreatmentOutcome.Relapsed), new(TherapyIds.Romiplostim, TreatmentOutcome.NoResponse)]
        },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Reads_each_treatment_and_its_outcome(string text, PriorTreatment[] expected) =>
        Assert.Equal(expected, reader.Read(text).Treatments);

    [Theory]
    [InlineData("never had rituximab")]
    [InlineData("no splenectomy")]
    [InlineData("the dose failed and the patient relapsed")]
    [InlineData("12")]
    [InlineData("")]
    public void Reads_no_treatment_where_none_was_given(string text) =>
        Assert.True(reader.Read(text).IsEmpty);

    [Fact]
    public void Reports_a_class_instead_of_guessing_the_therapy()
    {
        var reading = reader.Read("a TPO-RA failed, pred worked");
        Assert.Equal([new PriorTreatment(TherapyIds.Prednisone, TreatmentOutcome.Response)], reading.Treatments);
        var mention = Assert.Single(reading.Classes);
        Assert.Equal("TPO-RA", mention.ClassName);
    }

    [Fact]
    public void Bleeding_that_came_back_gives_no_therapy_an_outcome()
    {
        var reading = reader.Read("had eltrombopag, the nosebleeds came back");
        Assert.Empty(reading.Treatments);
        Assert.Equal([TherapyIds.Eltrombopag], reading.WithoutOutcome);
    }

    [Fact]
    public void Lists_therapies_named_without_an_outcome()
    {
        var reading = reader.Read("had rituximab in 2020, danazol failed");
        Assert.Equal([new PriorTreatment(TherapyIds.Danazol, TreatmentOutcome.NoResponse)], reading.Treatments);
        Assert.Equal([TherapyIds.Rituximab], reading.WithoutOutcome);
    }

    // A combination named with its drugs in a bracketed list runs across the list's commas: reading it once threw.
    [Theory]
    [InlineData("triple therapy (aza, MMF, CsA) since 2021, stable")]
    [InlineData("had triple IS (aza, mmf, csa); no good")]
    public void A_combination_whose_name_spans_a_list_is_read(string text)
    {
        var reading = reader.Read(text);
        Assert.Contains(TherapyIds.ImmunosuppressantCombination, reading.Treatments.Select(t => t.Therapy).Concat(reading.WithoutOutcome));
    }

    [Theory]
    [InlineData("failed a TPO-RA", TreatmentOutcome.NoResponse)]
    [InlineData("a TPO-RA failed, pred worked", TreatmentOutcome.NoResponse)]
    [InlineData("glucocorticoids worked then relapsed", TreatmentOutcome.Relapsed)]
    public void Keeps_the_outcome_said_of_a_class(string text, TreatmentOutcome outcome) =>
        Assert.Equal([outcome], reader.Read(text).ClassOutcomes);

    [Fact]
    public void A_class_named_alone_has_no_outcome_yet() =>
        Assert.Equal([(TreatmentOutcome?)null], reader.Read("a TPO-RA").ClassOutcomes);
}
