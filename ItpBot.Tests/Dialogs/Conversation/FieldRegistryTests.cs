using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Understanding;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>The field registry describes every profile field once, and the v2 fields were added through it alone.</summary>
public sealed class FieldRegistryTests
{
    private static readonly FieldReaders Readers = new(new TherapyRecognizer(TestLexicon.Instance), TimeProvider.System);

    [Fact]
    public void Every_intake_field_has_exactly_one_entry_and_every_asked_one_has_its_question_and_assumption()
    {
        Assert.Equal(Enum.GetValues<IntakeField>().Order(), FieldRegistry.All.Select(f => f.Id).Order());
        foreach (var field in FieldRegistry.All.Where(f => f.IsAsked))
        {
            Assert.False(string.IsNullOrWhiteSpace(ConversationTexts.Default.Question(field.Id, Audience.Clinician)));
            Assert.False(string.IsNullOrWhiteSpace(ConversationTexts.Default.Assumption(field.Id, Audience.Patient)));
        }
    }

    [Fact]
    public void Every_contract_field_but_the_audience_belongs_to_one_entry()
    {
        var contractNames = typeof(ProfileFields).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Where(n => n != ProfileFields.Audience).ToList();
        Assert.All(contractNames, name => Assert.NotNull(FieldRegistry.ForContractName(name)));
        Assert.Equal(contractNames.Count, FieldRegistry.All.Sum(f => f.ContractNames.Count));
    }

    [Fact]
    public void Merge_keeps_each_fields_rule_and_drops_values_out_of_bounds()
    {
        var current = new PatientProfile { WeightKg = 70, Comorbidities = [Comorbidity.Diabetes], CurrentDrugs = ["apixaban"], Haemoglobin = 11 };
        var merged = FieldRegistry.Merge(current, new PatientProfile
        {
            WeightKg = 5000, Comorbidities = [Comorbidity.Hypertension], CurrentDrugs = ["omeprazole"], Haemoglobin = 80, HbvStatus = HbvStatus.Resolved,
        });

        Assert.Equal(70, merged.WeightKg);
        Assert.Equal([Comorbidity.Diabetes, Comorbidity.Hypertension], merged.Comorbidities);
        Assert.Equal(["apixaban", "omeprazole"], merged.CurrentDrugs);
        Assert.Equal(11, merged.Haemoglobin);
        Assert.Equal(HbvStatus.Resolved, merged.HbvStatus);
    }

    public static TheoryData<IntakeField, string, string> V2Answers => new()
    {
        { IntakeField.Haemoglobin, "8.2", "Haemoglobin: 8.2 g/dL" },
        { IntakeField.Haemoglobin, "95 g/L", "Haemoglobin: 9.5 g/dL" },
        { IntakeField.Haemoglobin, "about 10.5 g/dl", "Haemoglobin: 10.5 g/dL" },
        { IntakeField.Alt, "3x ULN", "ALT: 3 × upper limit of normal" },
        { IntakeField.Alt, "normal", "ALT: 1 × upper limit of normal" },
        { IntakeField.Alt, "twice the upper limit", "ALT: 2 × upper limit of normal" },
        { IntakeField.HbvStatus, "HBsAg negative, anti-HBc positive, resolved", "Hepatitis B: resolved" },
        { IntakeField.HbvStatus, "Negative", "Hepatitis B: negative" },
        { IntakeField.HbvStatus, "chronic carrier", "Hepatitis B: chronic" },
        { IntakeField.Procedure, "wisdom tooth extraction", "Procedure: dental" },
        { IntakeField.Procedure, "Epidural or spinal", "Procedure: neuraxial" },
        { IntakeField.Procedure, "hip replacement", "Procedure: major surgery" },
        { IntakeField.Procedure, "c-section", "Procedure: delivery" },
        { IntakeField.CurrentDrugs, "apixaban and omeprazole", "Current drugs: apixaban, omeprazole" },
        { IntakeField.CurrentDrugs, "she's on Eliquis, aspirin", "Current drugs: eliquis, aspirin" },
        { IntakeField.CurrentDrugs, "nothing like that", "Current drugs: none" },
        // Medicines named by what they treat, in reply to the medicines question: taken now, kept as such.
        { IntakeField.CurrentDrugs, "only her BP tablets", "Current drugs: medicine for hypertension" },
        { IntakeField.Vaccinations, "yes, all up to date", "Vaccinations up to date: yes" },
        { IntakeField.Vaccinations, "never had them", "Vaccinations up to date: no" },
        { IntakeField.PregnancyPlanned, "we're trying for a baby", "Pregnancy planned: yes" },
        { IntakeField.PregnancyPlanned, "no", "Pregnancy planned: no" },
        { IntakeField.ChildbearingPotential, "yes", "Could become pregnant: yes" },
    };

    [Theory]
    [MemberData(nameof(V2Answers))]
    public void A_v2_answer_is_read_by_its_entry_and_shown_by_its_label(IntakeField field, string answer, string line)
    {
        var profile = FieldRegistry.ReadAnswer(Readers, field, answer);

        Assert.NotNull(profile);
        var entry = FieldRegistry.Get(field);
        Assert.Equal(line, $"{entry.Label}: {entry.Show(profile, id => id)}");
    }

    [Theory]
    [InlineData(IntakeField.Haemoglobin, "what about her weight?")]
    [InlineData(IntakeField.CurrentDrugs, "what vaccines before splenectomy")]
    [InlineData(IntakeField.HbvStatus, "maybe")]
    [InlineData(IntakeField.Procedure, "soon")]
    public void A_v2_question_is_not_answered_by_unrelated_words(IntakeField field, string answer) =>
        Assert.Null(FieldRegistry.ReadAnswer(Readers, field, answer));

    public static TheoryData<string, string, string> V2InText => new()
    {
        { "58F, plt 22, Hb 8.1, ALT 4x ULN", ProfileFields.Haemoglobin, "8.1" },
        { "58F, plt 22, Hb 8.1, ALT 4x ULN", ProfileFields.AltTimesUpperLimit, "4" },
        { "34F plt 15, wants to get pregnant next year", ProfileFields.PregnancyPlanned, "True" },
        { "splenectomised 2015, vaccinations up to date", ProfileFields.VaccinationsUpToDate, "True" },
        { "hep B core antibody positive, HBsAg negative", ProfileFields.HbvStatus, "Resolved" },
        { "current meds: apixaban, metformin", ProfileFields.CurrentDrugs, "apixaban|metformin" },
    };

    [Theory]
    [MemberData(nameof(V2InText))]
    public void V2_facts_are_read_from_free_text_with_their_own_words(string text, string contractName, string expected)
    {
        var (facts, fields) = FieldRegistry.FindInText(Readers, text);

        Assert.Contains(FieldRegistry.ForContractName(contractName)!.Id, fields);
        var value = typeof(PatientProfile).GetProperties().Single(p => string.Equals(p.Name, contractName, StringComparison.OrdinalIgnoreCase)).GetValue(facts);
        Assert.Equal(expected, value is IEnumerable<string> list ? string.Join("|", list) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
