using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>Wrong turns found by driving realistic conversations: each one replayed through the whole bot.</summary>
public sealed class ConversationPolishTests(ITestOutputHelper output)
{
    private const string FreeTextCase = "52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy";

    [Theory]
    [InlineData("none")]
    [InlineData("nothing")]
    [InlineData("None.")]
    public async Task None_at_the_case_confirmation_is_not_a_no_the_confirmation_is_asked_again(string answer)
    {
        await using var bot = new BotTestClient(output);
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase));

        var replies = await bot.SendAsync(answer);

        Assert.DoesNotContain(replies, r => r.Text == ConversationTexts.Default.Messages.AskCorrection.Clinician);
        Assert.Contains(replies, r => r.Text == ConversationTexts.Default.Messages.Confirm.Clinician);
        Assert.False((await bot.ReadStateAsync()).Intake!.Confirmed);
        ShowsAssessment(await bot.SendAsync("yes"));
    }

    [Fact]
    public async Task A_therapy_named_without_an_outcome_gets_a_targeted_question_and_the_outcome_is_linked_to_it()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments);

        var ask = Assert.Single(await bot.SendAsync("eltrombopag"));
        Assert.StartsWith("How did Eltrombopag go?", ask.Text);
        Assert.NotEqual(Retry(IntakeField.PriorTreatments), ask.Text);
        Assert.Equal(
            ["Responded", "Relapsed", "No response", "Dependent", "Couldn't tolerate", "Still on it", "Not known"],
            ask.SuggestedActions.Actions.Select(a => a.Title));
        var open = Assert.Single((await bot.ReadStateAsync()).Intake!.OpenTreatments);
        Assert.Equal(TherapyIds.Eltrombopag, open.Therapy);

        var next = await bot.SendAsync("it did nothing");

        Asks(next, IntakeField.Splenectomy);
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Empty(intake.OpenTreatments);
        Assert.Equal([new PriorTreatment(TherapyIds.Eltrombopag, TreatmentOutcome.NoResponse)], intake.Profile.PriorTreatments);
    }

    [Fact]
    public async Task Therapies_with_an_outcome_are_kept_while_the_one_without_is_asked_about()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments);

        var ask = Assert.Single(await bot.SendAsync("prednisone worked then relapsed, rituximab"));
        Assert.StartsWith("How did Rituximab go?", ask.Text);

        Asks(await bot.SendAsync("Couldn't tolerate"), IntakeField.Splenectomy);
        Assert.Equal(
            [new PriorTreatment(TherapyIds.Prednisone, TreatmentOutcome.Relapsed), new PriorTreatment(TherapyIds.Rituximab, TreatmentOutcome.Intolerant)],
            (await bot.ReadStateAsync()).Intake!.Profile.PriorTreatments);
    }

    [Fact]
    public async Task A_class_with_an_outcome_asks_which_therapy_and_records_it_with_that_outcome()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments);

        var ask = Assert.Single(await bot.SendAsync("failed a TPO-RA"));
        Assert.Equal("Which TPO-RA was it?", ask.Text);
        Assert.Contains(ask.SuggestedActions.Actions, a => a.Title == "Romiplostim");
        Assert.Contains(ask.SuggestedActions.Actions, a => a.Title == "Eltrombopag");

        Asks(await bot.SendAsync("romiplostim"), IntakeField.Splenectomy);
        Assert.Equal(
            [new PriorTreatment(TherapyIds.Romiplostim, TreatmentOutcome.NoResponse)],
            (await bot.ReadStateAsync()).Intake!.Profile.PriorTreatments);
    }

    [Fact]
    public async Task A_class_without_an_outcome_asks_which_then_how_it_went_in_the_patient_voice()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments, Audience.Patient, firstMessage: "I'm a patient");

        Assert.StartsWith("Which TPO-RA", Assert.Single(await bot.SendAsync("a TPO-RA")).Text);
        Assert.StartsWith("How did Eltrombopag go for you?", Assert.Single(await bot.SendAsync("Eltrombopag")).Text);
        Asks(await bot.SendAsync("still on it"), IntakeField.Splenectomy, Audience.Patient);
        Assert.Equal(
            [new PriorTreatment(TherapyIds.Eltrombopag, TreatmentOutcome.Ongoing)],
            (await bot.ReadStateAsync()).Intake!.Profile.PriorTreatments);
    }

    [Fact]
    public async Task An_unclear_outcome_is_asked_again_in_the_same_words_about_the_same_therapy()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments);
        await bot.SendAsync("eltrombopag");

        var retry = Assert.Single(await bot.SendAsync("hmm"));

        Assert.Contains("Eltrombopag", retry.Text);
        Assert.Single((await bot.ReadStateAsync()).Intake!.OpenTreatments);
        Asks(await bot.SendAsync("relapsed"), IntakeField.Splenectomy);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("12k")]
    [InlineData("plt 12")]
    public async Task A_count_sent_as_the_very_first_message_is_the_platelet_count_and_is_not_asked_for(string first)
    {
        await using var bot = new BotTestClient(output);

        var replies = await bot.SendAsync(first);

        Assert.Equal(12, (await bot.ReadStateAsync()).Intake!.Profile.PlateletCount);
        Assert.DoesNotContain(replies, r => r.Text == Question(IntakeField.PlateletCount));
        Asks(replies, IntakeField.Bleeding);
    }

    [Fact]
    public async Task A_first_message_that_answers_nothing_still_starts_with_the_first_question()
    {
        await using var bot = new BotTestClient(output);

        Asks(await bot.SendAsync("hello"), IntakeField.PlateletCount);
        Assert.Null((await bot.ReadStateAsync()).Intake!.Profile.PlateletCount);
    }

    [Theory]
    [InlineData(IntakeField.PlateletCount)]
    [InlineData(IntakeField.Ancestry)]
    public async Task A_dose_question_naming_a_fact_is_answered_as_a_question_not_taken_as_the_fact(IntakeField pending)
    {
        await using var bot = new BotTestClient(output);
        var script = CaseScript.With((IntakeField.PriorTreatments, "prednisone worked then relapsed"));
        await script.AnswerUntilSummaryAsync(bot, await bot.SendAsync("start"), stopAt: pending);

        var replies = await bot.SendAsync("eltrombopag dose for East Asian patient");

        Assert.Contains("**Eltrombopag", replies[0].Text);
        Asks(replies, pending);
        Assert.Equal(pending, (await bot.ReadStateAsync()).Intake!.Pending);
    }

    [Fact]
    public async Task A_plain_answer_to_the_ancestry_question_is_still_an_answer()
    {
        await using var bot = new BotTestClient(output);
        var script = CaseScript.With((IntakeField.PriorTreatments, "prednisone worked then relapsed"));
        await script.AnswerUntilSummaryAsync(bot, await bot.SendAsync("start"), stopAt: IntakeField.Ancestry);

        await bot.SendAsync("East Asian");

        Assert.True((await bot.ReadStateAsync()).Intake!.Profile.EastAsianAncestry);
    }

    [Fact]
    public async Task A_case_summary_naming_therapies_without_outcomes_asks_how_each_went()
    {
        await using var bot = new BotTestClient(output);

        var replies = await bot.SendAsync("45F, ITP 2 years, plt 18, gum bleeding, had eltrombopag and glucocorticoids");

        Assert.StartsWith("How did Eltrombopag go?", replies[^1].Text);
        Assert.Equal("Which corticosteroid was it?", Assert.Single(await bot.SendAsync("it did nothing")).Text);
        Assert.StartsWith("How did Prednisone go?", Assert.Single(await bot.SendAsync("prednisone")).Text);
        Asks(await bot.SendAsync("relapsed"), IntakeField.Splenectomy);
        Assert.Equal(
            [new PriorTreatment(TherapyIds.Eltrombopag, TreatmentOutcome.NoResponse), new PriorTreatment(TherapyIds.Prednisone, TreatmentOutcome.Relapsed)],
            (await bot.ReadStateAsync()).Intake!.Profile.PriorTreatments);
    }
}

internal static class CaseScriptExtensions
{
    /// <summary>A new case answered up to (not including) <paramref name="field"/>, which is then pending.</summary>
    public static async Task AnswerUntilAsync(
        this IReadOnlyDictionary<IntakeField, string> answers, BotTestClient bot, IntakeField field,
        Audience audience = Audience.Clinician, string firstMessage = "start", bool group = false)
    {
        var script = new CaseScript(answers) { Audience = audience };
        await script.AnswerUntilSummaryAsync(bot, await bot.SendAsync(firstMessage), stopAt: field, stopAtGroup: group);
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.True(intake.Asks(field), $"{field} is not pending");
        Assert.Equal(group, intake.AskedWith.Count > 0);
    }
}
