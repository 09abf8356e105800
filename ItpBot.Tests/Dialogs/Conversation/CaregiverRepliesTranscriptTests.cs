using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// A caregiver reads the plan, the answers and the follow-up pointers as someone writing about the patient: never
/// "your haematologist" or "your options" meaning the patient's. A husband writing about his wife, from the first line
/// to the plan and the questions after it, read as a transcript in the test output.
/// </summary>
public sealed class CaregiverRepliesTranscriptTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Answers = new()
    {
        [nameof(IntakeField.PlateletCount)] = "17",
        [nameof(IntakeField.Bleeding)] = "a few bruises",
        [nameof(IntakeField.TimeSinceDiagnosis)] = "6 years",
        [nameof(IntakeField.PriorTreatments)] = "prednisolone worked then wore off",
        [nameof(IntakeField.Splenectomy)] = "no",
        [nameof(IntakeField.Antithrombotics)] = "none",
        [nameof(IntakeField.Comorbidities)] = "nothing else",
        [nameof(IntakeField.Age)] = "41",
        [nameof(IntakeField.Sex)] = "female",
        [nameof(IntakeField.Weight)] = "about 70 kg",
        [nameof(IntakeField.Pregnancy)] = "not pregnant, no plans for a baby",
        [nameof(IntakeField.PregnancyPlanned)] = "no plans for a baby",
        [nameof(IntakeField.ChildbearingPotential)] = "yes",
        [nameof(IntakeField.Ancestry)] = "no",
        [nameof(IntakeField.Preferences)] = "tablets please, and everything is available",
        [nameof(IntakeField.Unavailable)] = "everything is available",
        [nameof(IntakeField.Vaccinations)] = "yes",
        [nameof(IntakeField.CurrentDrugs)] = "none",
        [nameof(IntakeField.HbvStatus)] = "negative",
        [nameof(IntakeField.Haemoglobin)] = "don't know",
        [nameof(IntakeField.Alt)] = "don't know",
        [nameof(IntakeField.Procedure)] = "none",
    };

    [Fact]
    public async Task A_husband_reads_of_his_wifes_haematologist_in_the_plan_the_answers_and_the_pointers()
    {
        await using var bot = new BotTestClient(output);
        var seen = new List<IMessageActivity>();
        var replies = await bot.SendAsync("I'm writing for my wife, she is 41 and has had ITP for 6 years. Her platelets were 17 yesterday and she has a few bruises. Romiplostim did nothing for her. She still has her spleen and takes no blood thinners.");
        seen.AddRange(replies);
        for (var turn = 0; turn < 20 && !IsAssessment(replies); turn++)
        {
            var intake = (await bot.ReadStateAsync()).Intake!;
            var line = IsCaseSummary(replies[^1]) ? "yes, that's right"
                : intake.OpenTreatments.Count > 0 ? "it did nothing"
                : Answers[intake.Pending!.Value.ToString()];
            replies = await bot.SendAsync(line);
            seen.AddRange(replies);
        }

        Assert.True(IsAssessment(replies), "no plan");
        Assert.Contains(replies, r => r.Text?.Contains("her haematologist", StringComparison.Ordinal) == true);

        seen.AddRange(await bot.SendAsync("what is eltrombopag?"));
        seen.AddRange(await bot.SendAsync("hmm"));

        var texts = seen.Select(r => r.Text ?? string.Empty)
            .Concat(seen.SelectMany(r => r.Attachments ?? []).Select(a => a.Content?.ToString() ?? string.Empty))
            .ToList();
        Assert.DoesNotContain(texts, t => t.Contains("your haematologist", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(texts, t => t.Contains("your options", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(texts, t => t.Contains("my platelets", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(Sex.Male, "his haematologist")]
    [InlineData(Sex.Female, "her haematologist")]
    [InlineData(null, "the patient's haematologist")]
    public void The_pointer_names_the_patients_haematologist_for_a_caregiver_and_yours_for_a_patient(Sex? sex, string expected)
    {
        var texts = ReplyTexts.Default;

        Assert.Contains(expected, texts.HaematologistPointerFor(new Addressee(Audience.Patient, AboutSomeoneElse: true, sex)), StringComparison.Ordinal);
        Assert.DoesNotContain("{", texts.HaematologistPointerFor(new Addressee(Audience.Patient, AboutSomeoneElse: true, sex)), StringComparison.Ordinal);
        Assert.Contains("your haematologist", texts.HaematologistPointerFor(new Addressee(Audience.Patient, AboutSomeoneElse: false, sex)), StringComparison.Ordinal);
    }
}
