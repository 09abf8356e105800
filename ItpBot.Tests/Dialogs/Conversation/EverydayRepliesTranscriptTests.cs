using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// CoreBot-style transcripts for the everyday replies that cost whole intakes a turn or a loop: the case shown back
/// confirmed by naming the patient ("that's my dad, go on"); a list question answered by denying its items ("no
/// apixaban, no clopidogrel"), which is none of them, not a fact to note and ask again; a yes/no question answered
/// with the reason first and the answer last ("Welsh, so no").
/// </summary>
public sealed class EverydayRepliesTranscriptTests(ITestOutputHelper output)
{
    private static MessageTexts Messages => ConversationTexts.Default.Messages;

    // A 30-year-old woman whose plan can include eltrombopag, so the ancestry question is reached.
    private static readonly CaseScript EltrombopagInPlay = CaseScript.With(
        (IntakeField.PriorTreatments, "prednisone worked then relapsed"),
        (IntakeField.Age, "30"),
        (IntakeField.Sex, "female"),
        (IntakeField.Weight, "65 kg"));

    [Theory]
    [InlineData("that's him, carry on")]
    [InlineData("that's him exactly")]
    [InlineData("you've got her right")]
    [InlineData("go on")]
    public async Task The_case_shown_back_is_confirmed_by_naming_the_patient_and_the_plan_follows(string reply)
    {
        await using var bot = new BotTestClient(output);
        ShowsCaseSummary(await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync("start")));

        var replies = await bot.SendAsync(reply);

        ShowsAssessment(replies);
        Assert.True((await bot.ReadStateAsync()).Intake!.Confirmed);
    }

    [Theory]
    [InlineData(IntakeField.Antithrombotics, "no apixaban, no clopidogrel")]
    [InlineData(IntakeField.Antithrombotics, "no rivaroxaban or ibuprofen")]
    [InlineData(IntakeField.Comorbidities, "no diabetes or high blood pressure")]
    public async Task A_list_question_answered_by_denying_its_items_is_none_of_them_and_the_intake_moves_on(IntakeField field, string reply)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, field);

        var replies = await bot.SendAsync(reply);

        Assert.DoesNotContain(replies, r => r.Text.StartsWith(Messages.NotCurrent.Clinician, StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Text == Retry(field));
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.NotEqual(field, intake.Pending);
        Assert.Equal("none", FieldRegistry.Get(field).Show(intake.Profile, id => id));
    }

    [Fact]
    public async Task One_drug_denied_and_another_taken_is_the_one_taken()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Antithrombotics);

        await bot.SendAsync("no warfarin any more, just clopidogrel");

        Assert.Equal([Antithrombotic.Antiplatelet], (await bot.ReadStateAsync()).Intake!.Profile.Antithrombotics!);
    }

    [Theory]
    [InlineData("Welsh, so no", false)]
    [InlineData("Polish - no", false)]
    [InlineData("her grandparents came from Busan, so yes", true)]
    public async Task A_yes_or_no_given_last_after_its_reason_answers_the_question(string reply, bool eastAsian)
    {
        await using var bot = new BotTestClient(output);
        await EltrombopagInPlay.AnswerUntilSummaryAsync(bot, await bot.SendAsync("start"), stopAt: IntakeField.Ancestry);

        var replies = await bot.SendAsync(reply);

        Assert.DoesNotContain(replies, r => r.Text == Retry(IntakeField.Ancestry));
        Assert.Equal(eastAsian, (await bot.ReadStateAsync()).Intake!.Profile.EastAsianAncestry);
    }

    [Fact]
    public async Task A_reason_that_answers_for_itself_is_not_overruled_by_a_closing_word()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.Splenectomy);

        // "yes" leads, so the closing "no" is not a second, contrary answer to take.
        await bot.SendAsync("yes, in 2015, no complications");

        Assert.NotEqual(false, (await bot.ReadStateAsync()).Intake!.Profile.Splenectomy);
    }

    [Theory]
    [InlineData("oral only please; cost isn't a problem", "Preferences=oral; Unavailable=none")]
    [InlineData("avoid needles if we can; the pharmacy gets everything in", "Preferences=avoid injections; Unavailable=none")]
    [InlineData("no operation; our trust can supply any medicine", "Preferences=avoid surgery; Unavailable=none")]
    [InlineData("tablets, and funding has never been refused", "Preferences=oral; Unavailable=none")]
    public async Task A_preference_with_access_said_in_everyday_words_answers_both(string reply, string expected)
    {
        await using var bot = new BotTestClient(output);
        var asked = FieldRegistry.GroupOf(IntakeField.Preferences)!.Fields;

        var reading = bot.Services.GetRequiredService<ConversationInterpreter>().ReadGroupAnswer(reply, asked);

        Assert.Equal(expected, string.Join("; ", asked.Where(reading.FactFields.Contains).Select(f => $"{f}={FieldRegistry.Get(f).Show(reading.Facts, id => id)}")));
    }

    [Theory]
    [InlineData("every one of them can be sourced locally")]
    [InlineData("we're a small unit but the pharmacy gets everything in")]
    [InlineData("nothing has been turned down so far")]
    [InlineData("access isn't an issue")]
    public async Task Everything_within_reach_said_in_everyday_words_is_nothing_unavailable(string reply)
    {
        await using var bot = new BotTestClient(output);

        var reading = bot.Services.GetRequiredService<ConversationInterpreter>().ReadAnswer(reply, IntakeField.Unavailable);

        Assert.Contains(IntakeField.Unavailable, reading.FactFields);
        Assert.Equal([], reading.Facts.Unavailable!);
    }
}
