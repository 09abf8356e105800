using System.Text.RegularExpressions;
using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Engine.Prompts;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// Every text the intake can put to a caregiver (each question, group question, retry, assumption and button, the
/// "How did X go?" and "count or age?" prompts), for each sex the patient may have: none speaks to the caregiver as
/// if they were the patient ("your count", "are you pregnant", "my age"). "Do you know her result?" and "if you
/// notice bleeding" or "in your own words" speak to the caregiver about what they know, see or type, and are allowed.
/// </summary>
public sealed partial class CaregiverWordingTests
{
    private static ConversationTexts Texts => ConversationTexts.Default;

    public static TheoryData<string, Sex?> EveryQuestionAndSex()
    {
        var data = new TheoryData<string, Sex?>();
        var asked = FieldRegistry.All.Where(f => f.IsAsked).Select(f => f.Id.ToString())
            .Concat(FieldRegistry.Groups.Select(g => g.Id));
        foreach (var name in asked)
        {
            foreach (var sex in new Sex?[] { Sex.Female, Sex.Male, null })
            {
                data.Add(name, sex);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryQuestionAndSex))]
    public void A_caregiver_is_never_addressed_as_the_patient_in_a_question_its_retry_its_buttons_or_its_assumption(string question, Sex? sex)
    {
        var to = new Addressee(Audience.Patient, AboutSomeoneElse: true, sex);
        var asked = Enum.TryParse<IntakeField>(question, out var field) ? [field] : FieldRegistry.Groups.Single(g => g.Id == question).Fields;
        var prompt = Texts.PromptFor(asked, to, IntakeDialog.MaxAttempts);

        AddressesTheCaregiver(prompt, $"{question} ({sex})");
        AddressesTheCaregiver(Texts.Assumption(asked, to), $"{question}, assumption ({sex})");
    }

    [Theory]
    [InlineData(Sex.Female)]
    [InlineData(Sex.Male)]
    [InlineData(null)]
    public void The_intakes_own_prompts_address_a_caregiver_too(Sex? sex)
    {
        var to = new Addressee(Audience.Patient, AboutSomeoneElse: true, sex);

        AddressesTheCaregiver(Texts.PromptForOpenTreatment("eltrombopag", [], to, IntakeDialog.MaxAttempts), "how did it go");
        AddressesTheCaregiver(Texts.PromptForOpenTreatment("TPO-RA", ["Eltrombopag", "Romiplostim"], to, IntakeDialog.MaxAttempts), "which of the class");
        AddressesTheCaregiver(Texts.PromptForCountOrAge(52, to, IntakeDialog.MaxAttempts), "count or age");
    }

    [Fact]
    public void The_check_catches_a_text_that_speaks_to_the_patient()
    {
        // The rule must be able to fail: the patient's own wording fails it.
        Assert.Matches(SpeaksToThePatient(), Texts.Question(IntakeField.Weight, Audience.Patient));
        Assert.Matches(SpeaksToThePatient(), Texts.Question(IntakeField.Pregnancy, Audience.Patient));
        Assert.Matches(SpeaksToThePatient(), Texts.Messages.CountChoice.Patient);
        Assert.DoesNotMatch(SpeaksToThePatient(), "Do you know her latest haemoglobin result?");
    }

    private static void AddressesTheCaregiver(PromptOptions prompt, string what)
    {
        AddressesTheCaregiver(prompt.Prompt!.Text, what);
        AddressesTheCaregiver(prompt.RetryPrompt!.Text, $"{what}, retry");
        foreach (var choice in prompt.Choices ?? [])
        {
            AddressesTheCaregiver(choice.Value, $"{what}, button");
        }
    }

    private static void AddressesTheCaregiver(string text, string what) =>
        Assert.False(SpeaksToThePatient().IsMatch(text), $"{what}: \"{text}\" speaks to the caregiver as the patient");

    // "your ...", "are you / do you have / could you ...", "you take / you weigh ...", "my ...", "I need / I couldn't ...".
    [GeneratedRegex(
        @"\b(?:your(?! own words)|yours|yourself|my|mine|myself)\b" +
        @"|\b(?:are|were|have|has|do|did|could|can|will|would) you\b(?! know\b)" +
        @"|\byou (?:are|were|have|had|take|took|weigh|get|got|need|could become|were diagnosed)\b" +
        @"|\bI (?:need it|couldn't cope|could not cope|take|had|have had)\b|\bI'm (?:still|taking|on|pregnant)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpeaksToThePatient();
}
