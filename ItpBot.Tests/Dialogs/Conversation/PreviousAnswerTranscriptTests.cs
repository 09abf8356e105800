using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// CoreBot-style transcripts for corrections that name no field ("oops, I meant 18 months", "sorry, 47 not 74", "no
/// wait, it was 31", "make that romiplostim"): the reader cannot place them, the conversation can. The earlier answer
/// is set right and noted, the pending question is asked again, and the correction is never taken as the answer to
/// it. And the pregnancy question of a woman who may be pregnant asks about plans in the same breath.
/// </summary>
public sealed class PreviousAnswerTranscriptTests(ITestOutputHelper output)
{
    private static MessageTexts Messages => ConversationTexts.Default.Messages;

    private static Dictionary<IntakeField, string> Typical(IntakeField field, string answer) =>
        new(CaseScript.Typical) { [field] = answer };

    [Fact]
    public async Task Oops_i_meant_sets_the_last_answer_right_and_asks_the_pending_question_again()
    {
        await using var bot = new BotTestClient(output);
        await Typical(IntakeField.TimeSinceDiagnosis, "8 months").AnswerUntilAsync(bot, IntakeField.PriorTreatments);

        var replies = await bot.SendAsync("oops, I meant 18 months");

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(18, intake.Profile.MonthsSinceDiagnosis);
        Assert.Null(intake.Profile.PriorTreatments);
        Assert.StartsWith(Messages.Noted.Clinician, replies[0].Text);
        Asks(replies, IntakeField.PriorTreatments);
    }

    [Theory]
    [InlineData("sorry, 47 not 74")]
    [InlineData("not 74, 47")]
    [InlineData("my mistake, it should be 47")]
    public async Task A_swapped_number_sets_right_the_answer_that_held_it(string correction)
    {
        await using var bot = new BotTestClient(output);
        await Typical(IntakeField.Age, "74").AnswerUntilAsync(bot, IntakeField.Sex);

        var replies = await bot.SendAsync(correction);

        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal(47, profile.AgeYears);
        Assert.Equal(12, profile.PlateletCount);
        Assert.Null(profile.Sex);
        Asks(replies, IntakeField.Sex);
    }

    [Fact]
    public async Task The_no_of_no_wait_is_not_an_answer_to_the_question_now_asked()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("start");
        Asks(await bot.SendAsync("13"), IntakeField.Bleeding);

        var replies = await bot.SendAsync("no wait, it was 31");

        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal(31, profile.PlateletCount);
        Assert.Null(profile.Bleeding);
        Asks(replies, IntakeField.Bleeding);
    }

    [Fact]
    public async Task Make_that_another_drug_keeps_what_was_said_of_the_one_named_by_mistake()
    {
        await using var bot = new BotTestClient(output);
        // The treatments are followed by the history question (splenectomy, medicines now, comorbidities).
        await Typical(IntakeField.PriorTreatments, "eltrombopag, it did nothing").AnswerUntilAsync(bot, IntakeField.Splenectomy, group: true);

        var replies = await bot.SendAsync("sorry, make that romiplostim");

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal([new PriorTreatment(TherapyIds.Romiplostim, TreatmentOutcome.NoResponse)], intake.Profile.PriorTreatments);
        Assert.Null(intake.Profile.Splenectomy);
        AsksTogether(replies, Audience.Clinician, IntakeField.Splenectomy, IntakeField.Antithrombotics, IntakeField.Comorbidities, IntakeField.CurrentDrugs);
    }

    [Theory]
    [InlineData("sorry, gum bleeding", 12)]
    [InlineData("no", 12)]
    public async Task A_plain_answer_with_an_apology_is_still_the_answer(string answer, double count)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Bleeding);

        await bot.SendAsync(answer);

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.NotNull(intake.Profile.Bleeding);
        Assert.Equal(count, intake.Profile.PlateletCount);
    }

    [Theory]
    [InlineData("it's 18 months not 8", IntakeField.TimeSinceDiagnosis, "18 months")]
    [InlineData("sorry 9 not 90", IntakeField.PlateletCount, "9 × 10⁹/L")]
    [InlineData("70 kg, not 77", IntakeField.Weight, "70 kg")]
    [InlineData("12, not 100% sure", null, null)]
    [InlineData("sorry, what do you mean?", null, null)]
    [InlineData("I mean she has never had it out", null, null)]
    public async Task A_correction_is_placed_by_the_value_the_case_holds(string text, IntakeField? field, string? shown)
    {
        await using var bot = new BotTestClient(output);
        var corrections = bot.Services.GetRequiredService<PreviousAnswerCorrection>();
        var intake = new IntakeState
        {
            Profile = new() { PlateletCount = 90, MonthsSinceDiagnosis = 8, WeightKg = 77, AgeYears = 100 },
            LastAnswered = [IntakeField.Weight],
            LastAnswer = new() { WeightKg = 77 },
        };

        var corrected = corrections.Read(text, intake);

        Assert.Equal(field, corrected?.Field);
        if (corrected is not null)
        {
            Assert.Equal(shown, FieldRegistry.Get(corrected.Field).Show(corrected.Profile, id => id));
        }
    }

    [Theory]
    [InlineData("not pregnant, no plans yet", "no", "no")]
    [InlineData("she isn't pregnant and none planned", "no", "no")]
    [InlineData("no plans either, and not pregnant", "no", "no")]
    [InlineData("not pregnant, but planning a baby", "no", "yes")]
    public async Task In_the_pregnancy_group_a_part_that_only_denies_a_plan_answers_the_plan(string reply, string pregnant, string planned)
    {
        await using var bot = new BotTestClient(output);
        var interpreter = bot.Services.GetRequiredService<ConversationInterpreter>();

        var reading = interpreter.ReadGroupAnswer(reply, [IntakeField.Pregnancy, IntakeField.PregnancyPlanned]);

        Assert.Equal(pregnant, FieldRegistry.Get(IntakeField.Pregnancy).Show(reading.Facts, id => id));
        Assert.Equal(planned, FieldRegistry.Get(IntakeField.PregnancyPlanned).Show(reading.Facts, id => id));
    }

    [Fact]
    public async Task A_woman_who_may_be_pregnant_is_asked_about_plans_in_the_same_breath()
    {
        // The real advisor, which would not ask about plans on its own here: the second half costs no turn.
        await using var bot = new BotTestClient(output);
        await CaseScript.EveryQuestion.AnswerUntilAsync(bot, IntakeField.Pregnancy, group: true);

        await bot.SendAsync("not pregnant, and no plans for a baby");

        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal(false, profile.Pregnant);
        Assert.Equal(false, profile.PregnancyPlanned);
    }
}
