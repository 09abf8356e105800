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

    private static string CountOrAge(int number, Audience audience = Audience.Clinician) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ConversationTexts.Default.Messages.CountOrAge.For(audience), number);

    [Theory]
    [InlineData("52")]
    [InlineData("52.")]
    [InlineData("it's 52")]
    public async Task A_lone_number_an_adult_could_be_as_the_first_message_asks_count_or_age_instead_of_taking_it_as_the_count(string first)
    {
        await using var bot = new BotTestClient(output);

        var replies = await bot.SendAsync(first);

        var ask = replies[^1];
        Assert.Equal(CountOrAge(52), ask.Text);
        Assert.Equal(["Platelet count", "Age"], ask.SuggestedActions.Actions.Select(a => a.Title));
        Assert.DoesNotContain(replies, r => r.Text == Question(IntakeField.PlateletCount) || r.Text == Question(IntakeField.Bleeding));
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Null(intake.Profile.PlateletCount);
        Assert.Null(intake.Profile.AgeYears);
        Assert.Equal(52, intake.CountOrAge);
    }

    [Theory]
    [InlineData("Platelet count", IntakeField.Bleeding)]
    [InlineData("platelets", IntakeField.Bleeding)]
    [InlineData("it's the count", IntakeField.Bleeding)]
    [InlineData("Age", IntakeField.PlateletCount)]
    [InlineData("that's his age", IntakeField.PlateletCount)]
    [InlineData("years", IntakeField.PlateletCount)]
    public async Task The_answer_to_count_or_age_files_the_number_there_and_the_intake_goes_on(string answer, IntakeField next)
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("52");

        Asks(await bot.SendAsync(answer), next);

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Null(intake.CountOrAge);
        Assert.Equal(next == IntakeField.Bleeding ? 52 : null, intake.Profile.PlateletCount);
        Assert.Equal(next == IntakeField.PlateletCount ? 52 : null, intake.Profile.AgeYears);
    }

    [Fact]
    public async Task Count_or_age_is_asked_again_in_the_patient_voice_after_a_switch_and_the_plain_button_is_understood()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("52");

        var replies = await bot.SendAsync("I'm a patient");

        Assert.Equal(CountOrAge(52, Audience.Patient), replies[^1].Text);
        Assert.Equal(["My platelet count", "My age"], replies[^1].SuggestedActions.Actions.Select(a => a.Title));
        Asks(await bot.SendAsync("My age"), IntakeField.PlateletCount, Audience.Patient);
        Assert.Equal(52, (await bot.ReadStateAsync()).Intake!.Profile.AgeYears);
    }

    [Fact]
    public async Task An_unclear_answer_to_count_or_age_is_asked_again_and_skipping_drops_the_number()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("52");

        var retry = Assert.Single(await bot.SendAsync("hmm"));
        Assert.Equal(ConversationTexts.Default.Messages.CountOrAgeRetry.Clinician, retry.Text);
        await bot.SendAsync("hmm");

        Asks(await bot.SendAsync("Skip"), IntakeField.PlateletCount);
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Null(intake.CountOrAge);
        Assert.Null(intake.Profile.PlateletCount);
        Assert.Null(intake.Profile.AgeYears);
    }

    [Fact]
    public async Task A_case_summary_instead_of_count_or_age_is_taken_and_the_lone_number_forgotten()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("52");

        await bot.SendAsync("45F, ITP 2 years, plt 18, gum bleeding, prednisone worked then relapsed");

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Null(intake.CountOrAge);
        Assert.Equal(18, intake.Profile.PlateletCount);
        Assert.Equal(45, intake.Profile.AgeYears);
    }

    [Fact]
    public async Task When_the_pending_question_is_the_platelet_count_a_lone_52_is_the_count()
    {
        await using var bot = new BotTestClient(output);
        Asks(await bot.SendAsync("hello"), IntakeField.PlateletCount);

        Asks(await bot.SendAsync("52"), IntakeField.Bleeding);

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(52, intake.Profile.PlateletCount);
        Assert.Null(intake.CountOrAge);
    }

    [Theory]
    [InlineData("plt 52", 52)]
    [InlineData("52k", 52)]
    [InlineData("52 x10^9/L", 52)]
    [InlineData("52,000", 52)]
    [InlineData("12", 12)]
    [InlineData("8.5", 8.5)]
    [InlineData("150", 150)]
    public async Task A_first_number_with_a_count_unit_or_cue_or_that_no_adult_age_can_be_is_the_count_without_asking(string first, double count)
    {
        await using var bot = new BotTestClient(output);

        Asks(await bot.SendAsync(first), IntakeField.Bleeding);

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(count, intake.Profile.PlateletCount);
        Assert.Null(intake.CountOrAge);
    }

    [Theory]
    [InlineData("52 years")]
    [InlineData("52 year old")]
    [InlineData("52M")]
    public async Task A_first_number_said_in_years_or_with_the_sex_is_the_age_never_the_count(string first)
    {
        await using var bot = new BotTestClient(output);

        Asks(await bot.SendAsync(first), IntakeField.PlateletCount);

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(52, intake.Profile.AgeYears);
        Assert.Null(intake.Profile.PlateletCount);
    }

    [Fact]
    public async Task At_the_count_question_52_year_old_is_the_age_and_the_count_is_asked_again()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("hello");

        Asks(await bot.SendAsync("52 year old"), IntakeField.PlateletCount);

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(52, intake.Profile.AgeYears);
        Assert.Null(intake.Profile.PlateletCount);
    }
}
