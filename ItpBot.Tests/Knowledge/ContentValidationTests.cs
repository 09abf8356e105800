using ItpBot.Knowledge;
using ItpBot.Knowledge.Loading;

namespace ItpBot.Tests.Knowledge;

/// <summary>Each kind of bad content stops loading with a message naming the file, the entry and the field.</summary>
public class ContentValidationTests
{
    private static KnowledgeContentException LoadAltered(string file, string find, string replace)
    {
        var files = KnowledgeBase.EmbeddedSources().ToDictionary();
        Assert.Contains(find, files[file]);
        files[file] = files[file].Replace(find, replace, StringComparison.Ordinal);
        return Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(files));
    }

    private static void AssertNames(KnowledgeContentException e, string file, string entry, string field)
    {
        Assert.Contains(e.Problems, p => p.File == file && p.Entry == entry && p.Field.Contains(field, StringComparison.Ordinal));
        Assert.Contains(file, e.Message);
        Assert.Contains(entry, e.Message);
        Assert.Contains(field, e.Message);
    }

    [Fact]
    public void Unaltered_embedded_content_loads()
    {
        var kb = KnowledgeBase.Load(KnowledgeBase.EmbeddedSources());
        Assert.Equal(KnowledgeBase.LoadEmbedded().ContentVersion, kb.ContentVersion);
    }

    [Fact]
    public void Unknown_field_fails_the_schema_check()
    {
        var e = LoadAltered("therapies.yaml", "    drugClass: Thrombopoietin receptor agonist (TPO-RA), peptibody\n",
            "    drugClass: Thrombopoietin receptor agonist (TPO-RA), peptibody\n    dose: 1\n");
        var problem = Assert.Single(e.Problems);
        Assert.Equal("therapies.yaml", problem.File);
        Assert.Equal("dose", problem.Field);
        Assert.StartsWith("line ", problem.Entry);
    }

    [Fact]
    public void Wrong_type_fails_the_schema_check()
    {
        var e = LoadAltered("references.yaml", "    year: 2019\n", "    year: nineteen\n");
        Assert.Equal("references.yaml", Assert.Single(e.Problems).File);
    }

    [Fact]
    public void Citation_of_an_unknown_reference_is_named()
    {
        var e = LoadAltered("therapies.yaml", "citations: [seed-article, seed-ref-4, arnold-2010]",
            "citations: [seed-article, seed-ref-4, arnold-2011]");
        AssertNames(e, "therapies.yaml", "immunosuppressant-combination", "citations");
        Assert.Contains("arnold-2011", e.Message);
    }

    [Fact]
    public void A_pregnancy_plan_reason_must_be_a_cited_reasoning_text()
    {
        var unknown = LoadAltered("therapies.yaml", "planned: pregnancy.rituximab-interval", "planned: pregnancy.rituximab-wait");
        AssertNames(unknown, "therapies.yaml", "rituximab", "pregnancy.planned");

        // A reasoning text without a citation cannot be the reason a question is asked.
        var uncited = LoadAltered("therapies.yaml", "planned: pregnancy.rituximab-interval", "planned: pregnancy.instruments");
        AssertNames(uncited, "therapies.yaml", "rituximab", "pregnancy.planned");
    }

    [Fact]
    public void Therapy_id_outside_the_contract_is_named()
    {
        var e = LoadAltered("therapies.yaml", "  - id: dapsone\n", "  - id: dapsonum\n");
        AssertNames(e, "therapies.yaml", "dapsonum", "id");
        // And the contract id left without content is named too.
        AssertNames(e, "therapies.yaml", "dapsone", "id");
    }

    [Fact]
    public void Duplicate_reference_id_is_named()
    {
        var e = LoadAltered("references.yaml", "  - id: seed-ref-7\n", "  - id: seed-ref-6\n");
        AssertNames(e, "references.yaml", "seed-ref-6", "id");
        Assert.Contains("duplicate", e.Message);
    }

    [Fact]
    public void Weight_based_dose_out_of_range_is_named()
    {
        var e = LoadAltered("therapies.yaml", "weightBased: { perKgLow: 1, maxPerKg: 10,", "weightBased: { perKgLow: 1000, maxPerKg: 10,");
        AssertNames(e, "therapies.yaml", "romiplostim", "dosing[0].weightBased.perKgLow");
    }

    [Fact]
    public void Rule_threshold_out_of_range_is_named()
    {
        var e = LoadAltered("rules.yaml", "  - id: treat-count-below\n    value: 30\n", "  - id: treat-count-below\n    value: 30000\n");
        AssertNames(e, "rules.yaml", "treat-count-below", "value");
    }

    [Fact]
    public void Reference_year_out_of_range_is_named()
    {
        var e = LoadAltered("references.yaml", "    year: 2004\n", "    year: 1004\n");
        AssertNames(e, "references.yaml", "kojouri-2004", "year");
    }

    [Fact]
    public void Missing_required_field_is_named()
    {
        var e = LoadAltered("therapies.yaml", "    name: Danazol\n", "");
        AssertNames(e, "therapies.yaml", "danazol", "name");
    }

    [Fact]
    public void Unknown_enum_value_is_named()
    {
        var e = LoadAltered("therapies.yaml", "      status: contraindicated\n      text: Contraindicated in pregnancy; virilises",
            "      status: forbidden\n      text: Contraindicated in pregnancy; virilises");
        AssertNames(e, "therapies.yaml", "danazol", "pregnancy.status");
    }

    [Fact]
    public void Missing_alert_text_for_a_contract_code_is_named()
    {
        var e = LoadAltered("rules.yaml", "  - code: accessory-spleen\n", "  - code: accessory-spleens\n");
        AssertNames(e, "rules.yaml", "accessory-spleens", "code");
        AssertNames(e, "rules.yaml", "accessory-spleen", "alerts");
    }

    [Fact]
    public void Plan_naming_an_unknown_regimen_is_named()
    {
        var e = LoadAltered("plans.yaml", "      - therapy: ivig\n        tier: primary\n        combined: true\n        regimen: emergency\n",
            "      - therapy: ivig\n        tier: primary\n        combined: true\n        regimen: urgent\n");
        AssertNames(e, "plans.yaml", "emergency", "regimen");
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var files = KnowledgeBase.EmbeddedSources().ToDictionary();
        files.Remove("pitfalls.yaml");
        var e = Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(files));
        Assert.Contains(e.Problems, p => p.File == "pitfalls.yaml");
    }

    [Fact]
    public void Template_placeholder_without_a_value_is_named()
    {
        var e = LoadAltered("therapies.yaml", "template: \"For {weight} kg: {low} g (1 g/kg), repeat once if needed.\"",
            "template: \"For {weight} kg: {low}–{high} g (1 g/kg), repeat once if needed.\"");
        AssertNames(e, "therapies.yaml", "ivig", "template");
    }

    [Fact]
    public void Missing_rule_text_the_reasoning_needs_is_named()
    {
        var e = LoadAltered("rules.yaml", "  - rule: tpo-ra-failure\n    key: switch\n", "  - rule: tpo-ra-failure\n    key: swap\n");
        AssertNames(e, "rules.yaml", "tpo-ra-failure/switch", "ruleTexts");
    }

    [Fact]
    public void Missing_rule_parameter_is_named()
    {
        var e = LoadAltered("rules.yaml", "  - id: splenectomy-defer-months\n", "  - id: splenectomy-wait-months\n");
        AssertNames(e, "rules.yaml", "splenectomy-wait-months", "id");
        AssertNames(e, "rules.yaml", "splenectomy-defer-months", "parameters");
    }

    [Fact]
    public void Response_rate_without_its_population_is_named()
    {
        var e = LoadAltered("therapies.yaml", "        population: 19 adults with chronic refractory ITP (Arnold 2010)\n", "");
        AssertNames(e, "therapies.yaml", "immunosuppressant-combination", "responseRates[0].population");
    }

    [Fact]
    public void A_step_that_relies_on_a_therapy_needs_an_alternative_and_a_known_therapy()
    {
        var files = KnowledgeBase.EmbeddedSources().ToDictionary();
        var withoutAlternative = new System.Text.RegularExpressions.Regex(@"(\n    uses: ivig\n)    instead: [^\n]*\n");
        Assert.Matches(withoutAlternative, files["reasoning.yaml"]);
        files["reasoning.yaml"] = withoutAlternative.Replace(files["reasoning.yaml"], "$1", 1);
        AssertNames(Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(files)), "reasoning.yaml", "procedure.raise", "text");

        var unknown = LoadAltered("reasoning.yaml", "    citations: [ash-2011, promacta-label]\n    uses: ivig\n",
            "    citations: [ash-2011, promacta-label]\n    uses: gamma-globulin\n");
        AssertNames(unknown, "reasoning.yaml", "procedure.raise", "therapy");

        var uncited = LoadAltered("reasoning.yaml", "before the procedure.\", citations: [ash-2011, promacta-label] }",
            "before the procedure.\" }");
        AssertNames(uncited, "reasoning.yaml", "procedure.raise", "text.instead");
    }
}
