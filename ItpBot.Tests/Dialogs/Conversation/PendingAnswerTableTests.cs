using ItpBot.Dialogs.Conversation;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// Each kind of answer at its own pending question, through the whole bot: an answer that is understood is stored
/// (read back as the summary line the user will confirm) and the intake moves on; one that is not gets the retry
/// prompt with its example, and the same question stays pending.
/// </summary>
public sealed class PendingAnswerTableTests(ITestOutputHelper output)
{
    // A 30-year-old woman whose plan can include eltrombopag: every question of the intake is asked.
    private static readonly CaseScript EveryQuestionAsked = CaseScript.With(
        (IntakeField.PriorTreatments, "prednisone worked then relapsed"),
        (IntakeField.Age, "30"),
        (IntakeField.Sex, "female"),
        (IntakeField.Weight, "65 kg"));

    public static TheoryData<IntakeField, string, string> Understood => new()
    {
        { IntakeField.PlateletCount, "12", "Platelet count: 12 × 10⁹/L" },
        { IntakeField.PlateletCount, "12k", "Platelet count: 12 × 10⁹/L" },
        { IntakeField.PlateletCount, "12,000", "Platelet count: 12 × 10⁹/L" },
        { IntakeField.PlateletCount, "12 x 10^9/L", "Platelet count: 12 × 10⁹/L" },
        { IntakeField.PlateletCount, "twelve thousand", "Platelet count: 12 × 10⁹/L" },
        { IntakeField.Bleeding, "none", "Bleeding now: none" },
        { IntakeField.Bleeding, "nothing, she's been fine in herself", "Bleeding now: none" },
        { IntakeField.Bleeding, "no, just a few bruises on her legs", "Bleeding now: skin" },
        { IntakeField.Bleeding, "petechiae", "Bleeding now: skin" },
        { IntakeField.Bleeding, "Skin only (petechiae, bruises)", "Bleeding now: skin" },
        { IntakeField.Bleeding, "nosebleeds", "Bleeding now: mucosal" },
        { IntakeField.Bleeding, "Mucosal (nose, gums, menstrual)", "Bleeding now: mucosal" },
        { IntakeField.Bleeding, "Severe (needs transfusion)", "Bleeding now: severe" },
        { IntakeField.Bleeding, "Critical (intracranial)", "Bleeding now: critical" },
        { IntakeField.TimeSinceDiagnosis, "2 years ago", "Since diagnosis: 24 months" },
        { IntakeField.TimeSinceDiagnosis, "for 8 months", "Since diagnosis: 8 months" },
        { IntakeField.TimeSinceDiagnosis, "diagnosed March 2024", "Since diagnosis: 32 months" },
        { IntakeField.PriorTreatments, "None yet", "Prior treatments: none" },
        { IntakeField.PriorTreatments, "Nplate worked then relapsed", "Prior treatments: Romiplostim: relapsed" },
        { IntakeField.PriorTreatments, "Promacta did nothing", "Prior treatments: Eltrombopag: no response" },
        { IntakeField.PriorTreatments, "eltrombopg, still on it", "Prior treatments: Eltrombopag: ongoing" },
        { IntakeField.PriorTreatments, "MMF, couldn't tolerate it", "Prior treatments: Mycophenolate mofetil: intolerant" },
        { IntakeField.Splenectomy, "No", "Splenectomy: no" },
        { IntakeField.Splenectomy, "nope", "Splenectomy: no" },
        { IntakeField.Splenectomy, "yes", "Splenectomy: yes" },
        { IntakeField.Splenectomy, "he's still got his spleen", "Splenectomy: no" },
        { IntakeField.Splenectomy, "she has her spleen", "Splenectomy: no" },
        { IntakeField.Splenectomy, "yeah", "Splenectomy: yes" },
        // To a yes/no question about something the patient has or had, "none" means they have none of it: no.
        { IntakeField.Splenectomy, "none", "Splenectomy: no" },
        { IntakeField.Antithrombotics, "None", "Antithrombotics: none" },
        { IntakeField.Antithrombotics, "apixaban", "Antithrombotics: anticoagulant" },
        { IntakeField.Antithrombotics, "aspirin", "Antithrombotics: antiplatelet" },
        { IntakeField.Antithrombotics, "ibuprofen", "Antithrombotics: nsaid" },
        { IntakeField.Comorbidities, "None", "Comorbidities: none" },
        { IntakeField.Comorbidities, "hypertension and diabetes", "Comorbidities: hypertension, diabetes" },
        { IntakeField.Comorbidities, "previous DVT", "Comorbidities: thrombosis history" },
        // Well but for the ITP, in everyday words; a pressure told as having risen.
        { IntakeField.Comorbidities, "fit as a fiddle except for the platelets", "Comorbidities: none" },
        { IntakeField.Comorbidities, "nothing else besides the ITP", "Comorbidities: none" },
        { IntakeField.Comorbidities, "his BP has been creeping up lately", "Comorbidities: hypertension" },
        { IntakeField.Age, "52", "Age: 52" },
        { IntakeField.Age, "52 years", "Age: 52" },
        { IntakeField.Sex, "Female", "Sex: female" },
        { IntakeField.Sex, "F", "Sex: female" },
        { IntakeField.Sex, "male", "Sex: male" },
        { IntakeField.Weight, "70 kg", "Weight: 70 kg" },
        { IntakeField.Weight, "154 lb", "Weight: 69.9 kg" },
        { IntakeField.Weight, "72", "Weight: 72 kg" },
        { IntakeField.Pregnancy, "No", "Pregnant: no" },
        { IntakeField.Pregnancy, "not pregnant", "Pregnant: no" },
        { IntakeField.Pregnancy, "none", "Pregnant: no" },
        { IntakeField.Pregnancy, "yes, 28 weeks", "Pregnant: yes, 28 weeks" },
        { IntakeField.Ancestry, "Yes", "East Asian ancestry: yes" },
        { IntakeField.Ancestry, "no", "East Asian ancestry: no" },
        { IntakeField.Ancestry, "none", "East Asian ancestry: no" },
        { IntakeField.Preferences, "None", "Preferences: none" },
        { IntakeField.Preferences, "Oral only", "Preferences: oral" },
        { IntakeField.Preferences, "avoid surgery", "Preferences: avoid surgery" },
        { IntakeField.Unavailable, "All available", "Not available: none" },
        { IntakeField.Unavailable, "no access to romiplostim", "Not available: Romiplostim" },
        // Nothing out of reach, said as no obstacle of any kind, or settled after a "but".
        { IntakeField.Unavailable, "cost isn't a concern, no supply trouble either", "Not available: none" },
        { IntakeField.Unavailable, "price is no object for them", "Not available: none" },
        { IntakeField.Unavailable, "we don't stock the injections here but our tertiary centre can source anything", "Not available: none" },
        { IntakeField.Unavailable, "nothing is off formulary at our trust", "Not available: none" },
    };

    public static TheoryData<IntakeField, string> Rejected => new()
    {
        { IntakeField.PlateletCount, "banana" },
        { IntakeField.PlateletCount, "lots" },
        // A number that says it is something else is not the count, even to the count question.
        { IntakeField.PlateletCount, "52 years" },
        { IntakeField.PlateletCount, "12 weeks" },
        { IntakeField.Bleeding, "maybe" },
        { IntakeField.TimeSinceDiagnosis, "a while" },
        // A therapy or class named without an outcome gets a targeted question instead (ConversationPolishTests).
        { IntakeField.PriorTreatments, "some tablets" },
        { IntakeField.Splenectomy, "perhaps" },
        { IntakeField.Antithrombotics, "blue" },
        { IntakeField.Comorbidities, "blue" },
        { IntakeField.Age, "old" },
        { IntakeField.Sex, "yes" },
        { IntakeField.Weight, "heavy" },
        { IntakeField.Weight, "yes, 28 weeks" },
        { IntakeField.Weight, "75 mg" },
        { IntakeField.Pregnancy, "perhaps" },
        { IntakeField.Ancestry, "blue" },
        { IntakeField.Preferences, "purple" },
        { IntakeField.Unavailable, "hmm" },
    };

    [Theory]
    [MemberData(nameof(Understood))]
    public async Task An_understood_answer_is_stored_and_the_intake_moves_on(IntakeField field, string answer, string summaryLine)
    {
        await using var bot = new BotTestClient(output);
        await EveryQuestionAsked.AnswerUntilSummaryAsync(bot, await bot.SendAsync("start"), stopAt: field);

        var replies = await bot.SendAsync(answer);

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.NotEqual(field, intake.Pending);
        Assert.DoesNotContain(replies, r => r.Text == Retry(field));
        var lines = bot.Services.GetRequiredService<CaseSummaryText>().Lines(intake.Profile, [field]);
        Assert.Equal(summaryLine, Unescaped(Assert.Single(lines)));
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task An_answer_that_is_not_understood_is_re_prompted_with_an_example(IntakeField field, string answer)
    {
        await using var bot = new BotTestClient(output);
        await EveryQuestionAsked.AnswerUntilSummaryAsync(bot, await bot.SendAsync("start"), stopAt: field);

        var replies = await bot.SendAsync(answer);

        Retries(replies, field);

        // The example is in the words, or (yes/no, female/male) the answers are the buttons.
        var buttons = replies[0].SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [];
        Assert.True(
            Retry(field).Contains("for example", StringComparison.OrdinalIgnoreCase) || buttons.Count >= 2,
            $"no example in \"{Retry(field)}\" and no answer buttons");
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(field, intake.Pending);
        Assert.Empty(bot.Services.GetRequiredService<CaseSummaryText>().Lines(intake.Profile, [field]));
    }

    // The summary escapes Markdown ("69\.9"); the user reads "69.9".
    private static string Unescaped(string markdown) => System.Text.RegularExpressions.Regex.Replace(markdown, @"\\(.)", "$1");
}
