using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>Rough edges of the conversation, each replayed through the whole bot.</summary>
public sealed class ConversationEdgeTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("it came back")]
    [InlineData("came back after stopping")]
    [InlineData("relapsed after stopping")]
    [InlineData("returned when we stopped")]
    [InlineData("platelets dropped again after")]
    public async Task Came_back_in_plain_words_to_how_did_it_go_is_recorded_as_a_relapse(string answer)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments);
        Assert.StartsWith("How did Eltrombopag go?", Assert.Single(await bot.SendAsync("eltrombopag")).Text);

        Asks(await bot.SendAsync(answer), IntakeField.Splenectomy);

        Assert.Equal(
            [new PriorTreatment(TherapyIds.Eltrombopag, TreatmentOutcome.Relapsed)],
            (await bot.ReadStateAsync()).Intake!.Profile.PriorTreatments);
    }

    [Fact]
    public async Task Came_back_in_the_prior_treatments_answer_is_the_relapse_of_the_therapy_it_follows()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments);

        Asks(await bot.SendAsync("prednisone worked but it came back, romiplostim did nothing"), IntakeField.Splenectomy);

        Assert.Equal(
            [new PriorTreatment(TherapyIds.Prednisone, TreatmentOutcome.Relapsed), new PriorTreatment(TherapyIds.Romiplostim, TreatmentOutcome.NoResponse)],
            (await bot.ReadStateAsync()).Intake!.Profile.PriorTreatments);
    }

    [Fact]
    public async Task Bleeding_that_came_back_is_bleeding_not_an_outcome_so_the_therapy_is_still_asked_about()
    {
        await using var bot = new BotTestClient(output);

        var replies = await bot.SendAsync("45F, ITP 2 years, plt 18, had eltrombopag, the nosebleeds came back");

        Assert.StartsWith("How did Eltrombopag go?", replies[^1].Text);
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(Bleeding.Mucosal, intake.Profile.Bleeding);
        Assert.Null(intake.Profile.PriorTreatments);
        Assert.Equal(TherapyIds.Eltrombopag, Assert.Single(intake.OpenTreatments).Therapy);
    }

    [Fact]
    public async Task A_skipped_how_did_it_go_keeps_the_therapy_with_its_outcome_unknown_and_the_summary_shows_it()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments);
        await bot.SendAsync("eltrombopag");
        await bot.SendAsync("hmm");
        var lastAttempt = Assert.Single(await bot.SendAsync("hmm"));
        Assert.Contains(lastAttempt.SuggestedActions.Actions, a => a.Title == "Skip");

        var next = await bot.SendAsync("Skip");

        Asks(next, IntakeField.Splenectomy);
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Empty(intake.OpenTreatments);
        Assert.Equal([new PriorTreatment(TherapyIds.Eltrombopag, TreatmentOutcome.Unknown)], intake.Profile.PriorTreatments);
        Assert.DoesNotContain(IntakeField.PriorTreatments, intake.Skipped);

        var summary = ShowsCaseSummary(await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, next));
        Assert.Contains("Prior treatments: Eltrombopag: unknown", summary);
        ShowsAssessment(await bot.SendAsync("yes"));
    }

    [Fact]
    public async Task Running_out_of_attempts_at_how_did_it_go_keeps_the_therapy_beside_those_already_known()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments);
        Assert.StartsWith("How did Rituximab go?", Assert.Single(await bot.SendAsync("prednisone worked then relapsed, rituximab")).Text);

        await bot.SendAsync("hmm");
        await bot.SendAsync("hmm");
        Asks(await bot.SendAsync("hmm"), IntakeField.Splenectomy);

        Assert.Equal(
            [new PriorTreatment(TherapyIds.Prednisone, TreatmentOutcome.Relapsed), new PriorTreatment(TherapyIds.Rituximab, TreatmentOutcome.Unknown)],
            (await bot.ReadStateAsync()).Intake!.Profile.PriorTreatments);
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("I don't know")]
    [InlineData("can't remember")]
    public async Task Not_knowing_how_a_therapy_went_is_an_answer_the_therapy_is_kept_with_its_outcome_unknown(string answer)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments);
        await bot.SendAsync("romiplostim");

        Asks(await bot.SendAsync(answer), IntakeField.Splenectomy);

        Assert.Equal(
            [new PriorTreatment(TherapyIds.Romiplostim, TreatmentOutcome.Unknown)],
            (await bot.ReadStateAsync()).Intake!.Profile.PriorTreatments);
    }

    [Fact]
    public async Task A_patient_is_offered_plain_language_outcome_buttons_not_clinical_terms()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments, Audience.Patient, firstMessage: "I'm a patient");

        var ask = Assert.Single(await bot.SendAsync("eltrombopag"));

        Assert.StartsWith("How did Eltrombopag go for you?", ask.Text);
        var buttons = ask.SuggestedActions.Actions.Select(a => a.Title).ToList();
        Assert.Equal(ConversationTexts.Default.OutcomeChoices(Audience.Patient).Select(c => c.Text), buttons);
        var clinicianWords = ConversationTexts.Default.OutcomeChoices(Audience.Clinician).Select(c => c.Text).ToList();
        Assert.Empty(buttons.Intersect(clinicianWords, StringComparer.OrdinalIgnoreCase));
        foreach (var term in new[] { "relapsed", "dependent", "tolerate", "response" })
        {
            Assert.DoesNotContain(term, ask.Text, StringComparison.OrdinalIgnoreCase);
            Assert.All(buttons, b => Assert.DoesNotContain(term, b, StringComparison.OrdinalIgnoreCase));
        }
    }

    public static TheoryData<Audience, TreatmentOutcome> EveryOutcomeButton()
    {
        var data = new TheoryData<Audience, TreatmentOutcome>();
        foreach (var audience in new[] { Audience.Clinician, Audience.Patient })
        {
            foreach (var outcome in Enum.GetValues<TreatmentOutcome>())
            {
                data.Add(audience, outcome);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryOutcomeButton))]
    public async Task Each_outcome_button_when_clicked_records_its_own_outcome(Audience audience, TreatmentOutcome outcome)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments, audience, audience == Audience.Patient ? "I'm a patient" : "start");
        var ask = Assert.Single(await bot.SendAsync("rituximab"));
        var button = ConversationTexts.Default.OutcomeChoices(audience).Single(c => c.Outcome == outcome).Text;
        Assert.Contains(ask.SuggestedActions.Actions, a => a.Title == button && (string)a.Value == button);

        Asks(await bot.SendAsync(button), IntakeField.Splenectomy, audience);

        Assert.Equal([new PriorTreatment(TherapyIds.Rituximab, outcome)], (await bot.ReadStateAsync()).Intake!.Profile.PriorTreatments);
    }

    [Theory]
    [InlineData("it worked", TreatmentOutcome.Response)]
    [InlineData("it helped at first but then it stopped working", TreatmentOutcome.Relapsed)]
    [InlineData("it worked for a while then it came back", TreatmentOutcome.Relapsed)]
    [InlineData("it didn't help", TreatmentOutcome.NoResponse)]
    [InlineData("my platelets drop whenever I stop it", TreatmentOutcome.Dependent)]
    [InlineData("the side effects were too much", TreatmentOutcome.Intolerant)]
    [InlineData("i'm still taking it", TreatmentOutcome.Ongoing)]
    [InlineData("no idea", TreatmentOutcome.Unknown)]
    public async Task A_patient_typing_the_outcome_in_plain_words_is_understood(string answer, TreatmentOutcome outcome)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments, Audience.Patient, firstMessage: "I'm a patient");
        await bot.SendAsync("eltrombopag");

        Asks(await bot.SendAsync(answer), IntakeField.Splenectomy, Audience.Patient);

        Assert.Equal([new PriorTreatment(TherapyIds.Eltrombopag, outcome)], (await bot.ReadStateAsync()).Intake!.Profile.PriorTreatments);
    }
}
