using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Understanding;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// Questions address their reader: a clinician in the clinical third person, a patient as "you", and a caregiver
/// about the patient in the third person, with the pronoun of the sex when it is known.
/// </summary>
public sealed class AddressingTests(ITestOutputHelper output)
{
    private static ConversationTexts Texts => ConversationTexts.Default;

    [Theory]
    [InlineData(IntakeField.Weight, Sex.Female, "How much does she weigh?")]
    [InlineData(IntakeField.Weight, Sex.Male, "How much does he weigh?")]
    [InlineData(IntakeField.Splenectomy, Sex.Female, "Has her spleen been removed?")]
    [InlineData(IntakeField.Age, null, "How old is the patient?")]
    public void A_caregiver_is_asked_about_the_patient_by_pronoun(IntakeField field, Sex? sex, string question) =>
        Assert.Equal(question, Texts.Question(field, new Addressee(Audience.Patient, AboutSomeoneElse: true, sex)));

    [Fact]
    public void Is_he_taking_any_blood_thinners() =>
        Assert.StartsWith("Is he taking any blood thinners", Texts.Question(IntakeField.Antithrombotics, new Addressee(Audience.Patient, true, Sex.Male)));

    public static TheoryData<IntakeField> AskedFields => new(FieldRegistry.All.Where(f => f.IsAsked).Select(f => f.Id));

    [Theory]
    [MemberData(nameof(AskedFields))]
    public void Every_question_has_its_caregiver_wording_that_names_the_patient_not_the_writer(IntakeField field)
    {
        var her = Texts.Question(field, new Addressee(Audience.Patient, true, Sex.Female));
        var him = Texts.Question(field, new Addressee(Audience.Patient, true, Sex.Male));

        Assert.NotEqual(her, him);
        Assert.DoesNotContain("your", her, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("{", her, StringComparison.Ordinal);
        Assert.Equal(Texts.Question(field, Audience.Patient), Texts.Question(field, new Addressee(Audience.Patient, false, Sex.Female)));
        Assert.Equal(Texts.Question(field, Audience.Clinician), Texts.Question(field, new Addressee(Audience.Clinician, true, Sex.Female)));
    }

    [Fact]
    public async Task A_caregivers_case_is_asked_in_the_third_person_and_the_pronoun_follows_the_sex()
    {
        await using var bot = new BotTestClient(output);

        var replies = await bot.SendAsync("my dad has ITP, his count is 9, some bruises, diagnosed 5 years ago");
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.True(intake.AboutSomeoneElse);
        Assert.Equal(Texts.Question(intake.PendingFields(), new Addressee(Audience.Patient, true, intake.Profile.Sex)), replies[^1].Text);

        // Answered as the son would, the sex among the answers: every question names his father, as "he" once it is known.
        for (var turn = 0; intake.Pending is { } pending && pending != IntakeField.Weight; turn++)
        {
            Assert.True(turn < 15, "weight never asked");
            replies = await bot.SendAsync(CaseScript.Typical[pending]);
            intake = (await bot.ReadStateAsync()).Intake!;
            Assert.Equal(Texts.Question(intake.PendingFields(), new Addressee(Audience.Patient, true, intake.Profile.Sex)), replies[^1].Text);
        }

        Assert.Equal("How much does he weigh?", replies[^1].Text);
    }

    public static TheoryData<Sex?, TreatmentOutcome> EveryCaregiverOutcomeButton()
    {
        var data = new TheoryData<Sex?, TreatmentOutcome>();
        foreach (var sex in new Sex?[] { Sex.Female, Sex.Male, null })
        {
            foreach (var outcome in Enum.GetValues<TreatmentOutcome>())
            {
                data.Add(sex, outcome);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCaregiverOutcomeButton))]
    public void A_caregivers_outcome_button_speaks_of_the_patient_and_reads_as_its_own_outcome(Sex? sex, TreatmentOutcome outcome)
    {
        var answers = new PendingAnswerReader(new FieldReaders(new TherapyRecognizer(TestLexicon.Instance), TimeProvider.System));
        var button = Texts.OutcomeChoices(new Addressee(Audience.Patient, true, sex)).Single(c => c.Outcome == outcome).Text;

        Assert.DoesNotContain("my ", button, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(outcome, answers.ReadOpenTreatment(button, new OpenTreatment { Therapy = TherapyIds.Rituximab })?.Outcome);
    }

    [Fact]
    public async Task A_patient_is_asked_as_you()
    {
        await using var bot = new BotTestClient(output);

        var replies = await bot.SendAsync("I'm a patient, I have ITP and my count is 30");

        Assert.False((await bot.ReadStateAsync()).Intake!.AboutSomeoneElse);
        Assert.Contains("you", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
    }
}
