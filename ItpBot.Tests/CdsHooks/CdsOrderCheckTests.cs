using System.Text.Json;
using Resource = Hl7.Fhir.Model.Resource;
using ItpBot.CdsHooks;

namespace ItpBot.Tests.CdsHooks;

/// <summary>The order checks fire on the cases, through both order hooks, over real HTTP.</summary>
public sealed class CdsOrderCheckTests(CdsHost cds) : IClassFixture<CdsHost>
{
    private const string Draft = "draft-1";

    private static FhirCase Woman() =>
        new FhirCase(gender: "female", birthDate: "1992-03-03").Itp(onset: "2024-02-01").Platelets(25).Haemoglobin(12).Alt(20, 40)
            .HbsAg(false).AntiHbc(false).AllVaccines().Pregnant(false);

    private async Task<List<JsonElement>> CardsAsync(string hook, FhirCase patient, params Resource[] drafts) =>
        (await cds.CardsAsync(CdsServiceCatalog.OrderCheckId, CdsRequests.Order(hook, patient.PrefetchJson(), drafts))).EnumerateArray().ToList();

    public static TheoryData<string> Hooks => new() { CdsServiceCatalog.OrderSelect, CdsServiceCatalog.OrderSign };

    [Theory]
    [MemberData(nameof(Hooks))]
    public async Task A_pregnant_patient_and_fostamatinib_is_critical_with_a_replacement_suggestion(string hook)
    {
        var patient = new FhirCase(gender: "female", birthDate: "1992-03-03").Itp(onset: "2024-02-01").Platelets(25).Pregnant();
        var cards = await CardsAsync(hook, patient, FhirCase.DraftMedication(Draft, "Tavalisse 100 MG Oral Tablet"));

        var card = cards.First(c => c.GetProperty("summary").GetString()!.Contains("pregnant"));
        Assert.Equal("critical", card.GetProperty("indicator").GetString());
        Assert.Contains("Fostamatinib", card.GetProperty("summary").GetString());
        var actions = card.GetProperty("suggestions").EnumerateArray().SelectMany(s => s.GetProperty("actions").EnumerateArray()).ToList();
        Assert.Contains(actions, a => a.GetProperty("type").GetString() == "delete" && a.GetProperty("resourceId").GetString() == $"MedicationRequest/{Draft}");
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public async Task Resolved_hepatitis_b_and_rituximab_warns_of_reactivation(string hook)
    {
        var patient = new FhirCase().Itp().Platelets(25).HbsAg(false).AntiHbc(true);
        var cards = await CardsAsync(hook, patient, FhirCase.DraftMedication(Draft, "rituximab", ClinicalCodes.Atc, "L01FA01"));
        var card = Assert.Single(cards, c => c.GetProperty("summary").GetString()!.Contains("hepatitis B"));
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.Contains("resolved", card.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Rituximab_with_hepatitis_b_unknown_asks_for_screening_and_chronic_is_critical()
    {
        var unknown = await CardsAsync(CdsServiceCatalog.OrderSign, new FhirCase().Itp().Platelets(25), FhirCase.DraftMedication(Draft, "Rituxan"));
        Assert.Contains(unknown, c => c.GetProperty("summary").GetString()!.Contains("not on record") && c.GetProperty("indicator").GetString() == "warning");

        var chronic = await CardsAsync(CdsServiceCatalog.OrderSign, new FhirCase().Itp().Platelets(25).HbsAg(true), FhirCase.DraftMedication(Draft, "Rituxan"));
        Assert.Contains(chronic, c => c.GetProperty("summary").GetString()!.Contains("HBsAg positive") && c.GetProperty("indicator").GetString() == "critical");
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public async Task Alt_over_the_stop_rule_and_eltrombopag_is_critical(string hook)
    {
        var patient = new FhirCase().Itp().Platelets(25).Alt(130, 40);
        var cards = await CardsAsync(hook, patient, FhirCase.DraftMedication(Draft, "Promacta 50 MG Oral Tablet"));
        var card = Assert.Single(cards, c => c.GetProperty("summary").GetString()!.Contains("ALT"));
        Assert.Equal("critical", card.GetProperty("indicator").GetString());
        Assert.Contains("3.25 × the upper limit", card.GetProperty("detail").GetString());

        var normal = await CardsAsync(hook, new FhirCase().Itp().Platelets(25).Alt(50, 40), FhirCase.DraftMedication(Draft, "eltrombopag"));
        Assert.DoesNotContain(normal, c => c.GetProperty("summary").GetString()!.Contains("ALT"));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public async Task Rilzabrutinib_with_apixaban_warns_naming_apixaban(string hook)
    {
        var patient = new FhirCase().Itp().Platelets(20).Medication("Eliquis 5 MG Oral Tablet", ClinicalCodes.RxNorm, "1364430");
        var cards = await CardsAsync(hook, patient, FhirCase.DraftMedication(Draft, "Wayrilz 400 MG Oral Tablet"));
        // Two concerns name it: the interaction (rilzabrutinib inhibits P-gp and CYP3A) and anticoagulation at this count.
        var named = cards.Where(c => c.GetProperty("summary").GetString()!.Contains("apixaban")).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, card => Assert.Contains(card.GetProperty("indicator").GetString(), new[] { "warning", "critical" }));
        Assert.Contains(named, c => c.GetProperty("detail").GetString()!.Contains("P-gp", StringComparison.Ordinal)
            || c.GetProperty("detail").GetString()!.Contains("CYP3A", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_drug_the_content_names_in_the_ordered_drugs_label_is_an_interaction()
    {
        var patient = new FhirCase().Itp().Platelets(25).Medication("omeprazole 20 MG", ClinicalCodes.Atc, "A02BC01");
        var cards = await CardsAsync(CdsServiceCatalog.OrderSign, patient, FhirCase.DraftMedication(Draft, "rilzabrutinib"));
        var card = Assert.Single(cards, c => c.GetProperty("summary").GetString()!.Contains("omeprazole"));
        Assert.Contains("proton pump inhibitors", card.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Splenectomy_without_vaccinations_on_record_warns()
    {
        var unvaccinated = await CardsAsync(CdsServiceCatalog.OrderSign, new FhirCase().Itp(onset: "2022-01-01").Platelets(25), FhirCase.DraftSplenectomy("sr-1"));
        Assert.Contains(unvaccinated, c => c.GetProperty("summary").GetString()!.Contains("vaccination"));

        var vaccinated = await CardsAsync(CdsServiceCatalog.OrderSign, new FhirCase().Itp(onset: "2022-01-01").Platelets(25).AllVaccines(), FhirCase.DraftSplenectomy("sr-1"));
        Assert.DoesNotContain(vaccinated, c => c.GetProperty("summary").GetString()!.Contains("vaccination"));
    }

    [Fact]
    public async Task A_tpo_ra_ordered_while_another_is_active_warns()
    {
        var patient = new FhirCase().Itp().Platelets(25).Medication("Nplate 250 MCG injection", statement: true);
        var cards = await CardsAsync(CdsServiceCatalog.OrderSelect, patient, FhirCase.DraftMedication(Draft, "Doptelet 20 MG"));
        var card = Assert.Single(cards, c => c.GetProperty("summary").GetString()!.Contains("TPO-RA"));
        Assert.Contains("romiplostim", card.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_fitting_order_raises_no_card_and_order_select_reads_only_the_selected_order()
    {
        var clean = await CardsAsync(CdsServiceCatalog.OrderSign, Woman(), FhirCase.DraftMedication(Draft, "romiplostim", ClinicalCodes.Atc, "B02BX04"));
        Assert.Empty(clean);

        var pregnant = new FhirCase(gender: "female", birthDate: "1992-03-03").Itp().Platelets(25).Pregnant();
        var json = CdsRequests.Order(CdsServiceCatalog.OrderSelect, pregnant.PrefetchJson(),
            [FhirCase.DraftMedication("a", "fostamatinib"), FhirCase.DraftMedication("b", "prednisone")], selections: ["MedicationRequest/b"]);
        var cards = (await cds.CardsAsync(CdsServiceCatalog.OrderCheckId, json)).EnumerateArray().ToList();
        Assert.DoesNotContain(cards, c => c.GetProperty("summary").GetString()!.Contains("Fostamatinib"));
    }
}
