using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>Comorbidities of relatives, denied ones, and their everyday names (shipped lexicon).</summary>
public sealed class HistoryFieldsTests
{
    private readonly ComorbidityRecognizer comorbidities = new();

    [Theory]
    [InlineData("her grandad died of a heart attack")]
    [InlineData("his sister died from a pulmonary embolism")]
    [InlineData("family history of diabetes")]
    [InlineData("her dad has kidney failure")]
    public void A_relatives_condition_is_not_the_patients(string text) =>
        Assert.Empty(comorbidities.FindAll(text));

    [Theory]
    [InlineData("she takes ramipril for her blood pressure", Comorbidity.Hypertension)]
    [InlineData("on bp tablets", Comorbidity.Hypertension)]
    [InlineData("has a metal valve", Comorbidity.HeartDisease)]
    [InlineData("warfarin for his heart valve", Comorbidity.HeartDisease)]
    public void Reads_everyday_names(string text, Comorbidity expected) =>
        Assert.Contains(expected, comorbidities.FindAll(text));

    [Theory]
    [InlineData("passing clots in her wee")]
    [InlineData("she's been vomiting clots")]
    public void Clots_that_are_bleeding_are_no_thrombosis_history(string text) =>
        Assert.DoesNotContain(Comorbidity.ThrombosisHistory, comorbidities.FindAll(text));

    [Theory]
    [InlineData("history of clots in her legs")]
    [InlineData("had a blood clot on the lung in 2019")]
    public void A_past_clot_is_still_thrombosis_history(string text) =>
        Assert.Contains(Comorbidity.ThrombosisHistory, comorbidities.FindAll(text));

    [Fact]
    public void A_relatives_condition_is_not_denied_either() =>
        Assert.Empty(comorbidities.FindDenied("his father died of a stroke"));
}
