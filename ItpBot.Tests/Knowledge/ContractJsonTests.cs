using System.Text.Json;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Knowledge;

public class ContractJsonTests
{
    [Fact]
    public void Profile_reads_the_contracts_camelCase_names_and_kebab_case_values()
    {
        const string json = """
            {"plateletCount": 12, "bleeding": "mucosal",
             "priorTreatments": [{"therapy": "eltrombopag", "outcome": "no-response"}],
             "comorbidities": ["liver-disease"], "preferences": ["avoid-injections"]}
            """;

        var profile = JsonSerializer.Deserialize<PatientProfile>(json, ContractJson.Options)!;

        Assert.Equal(12, profile.PlateletCount);
        Assert.Equal(Bleeding.Mucosal, profile.Bleeding);
        Assert.Equal(new PriorTreatment("eltrombopag", TreatmentOutcome.NoResponse), profile.PriorTreatments![0]);
        Assert.Equal([Comorbidity.LiverDisease], profile.Comorbidities);
        Assert.Equal([Preference.AvoidInjections], profile.Preferences);
    }

    [Fact]
    public void A_prior_treatment_whose_outcome_was_not_given_reads_and_writes_as_unknown()
    {
        var profile = JsonSerializer.Deserialize<PatientProfile>(
            """{"priorTreatments": [{"therapy": "eltrombopag", "outcome": "unknown"}]}""", ContractJson.Options)!;

        Assert.Equal(new PriorTreatment("eltrombopag", TreatmentOutcome.Unknown), profile.PriorTreatments![0]);
        Assert.Contains("\"outcome\":\"unknown\"", JsonSerializer.Serialize(profile, ContractJson.Options));
    }

    [Fact]
    public void Unknown_enum_value_is_rejected()
    {
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<PatientProfile>("""{"bleeding": "a-lot"}""", ContractJson.Options));
    }

    [Fact]
    public void Option_role_writes_kebab_case()
    {
        Assert.Equal("\"first-choice\"", JsonSerializer.Serialize(OptionRole.FirstChoice, ContractJson.Options));
    }
}
