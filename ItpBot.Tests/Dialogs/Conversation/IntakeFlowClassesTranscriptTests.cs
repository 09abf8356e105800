using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Understanding;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// The intake's own classes of miss, as transcripts in the test output: several therapies without outcomes asked
/// about in one question; a terse note with nobody named as its subject opening in the patient's words; a reply that
/// only repeats what the case holds never bringing the same question back for ever; a planned pregnancy taken as
/// none under way; everyday words for "nothing restricted" and "nothing to add" at the access, preference and
/// comorbidity questions.
/// </summary>
public sealed class IntakeFlowClassesTranscriptTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Three_therapies_named_without_outcomes_are_asked_about_in_one_question()
    {
        await using var bot = new BotTestClient(output);
        var replies = await bot.SendAsync("49M, ITP for 5 years, plt 16, gum oozing, has had IVIG, danazol and avatrombopag, spleen in situ, no anticoagulants");

        var asked = replies[^1].Text!;
        Assert.Contains("Intravenous immunoglobulin", asked, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Danazol", asked, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Avatrombopag", asked, StringComparison.OrdinalIgnoreCase);

        await bot.SendAsync("IVIG a transient bump, danazol nothing, avatrombopag stopped working after a year");

        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Contains(new PriorTreatment(TherapyIds.Ivig, TreatmentOutcome.Relapsed), profile.PriorTreatments!);
        Assert.Contains(new PriorTreatment(TherapyIds.Danazol, TreatmentOutcome.NoResponse), profile.PriorTreatments!);
        Assert.Contains(new PriorTreatment(TherapyIds.Avatrombopag, TreatmentOutcome.Relapsed), profile.PriorTreatments!);
        Assert.Empty((await bot.ReadStateAsync()).Intake!.OpenTreatments);
    }

    [Fact]
    public async Task One_outcome_for_all_of_several_therapies_is_taken_for_each()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("71F, chronic ITP, plt 22, no bleeding, tried dexamethasone and fostamatinib, never splenectomised, on no antithrombotics");

        await bot.SendAsync("neither made any difference");

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Empty(intake.OpenTreatments);
        Assert.All(intake.Profile.PriorTreatments!, t => Assert.Equal(TreatmentOutcome.NoResponse, t.Outcome));
        Assert.Equal(2, intake.Profile.PriorTreatments!.Count);
    }

    [Fact]
    public async Task A_reply_naming_only_some_of_the_therapies_leaves_the_rest_to_ask()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("38F, ITP 2 years, plt 19, bruising, had rituximab and romiplostim, spleen intact, no anticoagulants");

        var replies = await bot.SendAsync("the rituximab did nothing");

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Contains(new PriorTreatment(TherapyIds.Rituximab, TreatmentOutcome.NoResponse), intake.Profile.PriorTreatments!);
        Assert.Equal(TherapyIds.Romiplostim, Assert.Single(intake.OpenTreatments).Therapy);
        Assert.Contains("Romiplostim", replies[^1].Text!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("count 23, itp about 4 yrs, loads of bruises, steroids only helped short term, no spleen op, no blood thinners")]
    [InlineData("Woman 63. Platelets 31. Nosebleeds now and then. ITP since 2019. Tried rituximab, did nothing. Not on blood thinners.")]
    [InlineData("plt 27 last week, itp 6 yrs, gums bleed when brushing, revolade worked ok then dropped, no thinners")]
    public async Task A_terse_note_naming_nobody_as_the_patient_opens_in_the_patients_words(string summary)
    {
        await using var bot = new BotTestClient(output);
        var replies = await bot.SendAsync(summary);

        Assert.Equal(Audience.Patient, (await bot.ReadStateAsync()).Settings!.Audience);
        var intake = (await bot.ReadStateAsync()).Intake!;
        if (intake.Pending is { } pending)
        {
            Assert.Equal(ConversationTexts.Default.Question(intake.PendingFields(), Audience.Patient), replies[^1].Text);
        }
    }

    [Theory]
    [InlineData("52F, ITP 3 years, plt 18, bruising, pred relapsed, no splenectomy, no anticoagulants")]
    [InlineData("Plt 24, cITP 6/12, epistaxis, Hb 11.2, Tx: IVIG -> transient resp, dex -> nil, spleen in situ, AC/AP nil")]
    [InlineData("Mr Obi 70 yo, count 12, petechiae, eltrombopag no response, on apixaban")]
    public async Task A_clinical_note_or_one_naming_the_patient_stays_in_the_clinicians_words(string summary)
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync(summary);

        Assert.Equal(Audience.Clinician, (await bot.ReadStateAsync()).Settings?.Audience ?? Audience.Clinician);
    }

    [Fact]
    public async Task An_audience_chosen_in_words_is_not_overturned_by_how_a_summary_reads()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("I'm a haematologist");

        await bot.SendAsync("count 23, itp about 4 yrs, loads of bruises, steroids only helped short term, no spleen op, no blood thinners");

        Assert.Equal(Audience.Clinician, (await bot.ReadStateAsync()).Settings!.Audience);
    }

    [Fact]
    public async Task The_operation_given_as_the_only_treatment_so_far_answers_the_question_once()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("I'm 58, ITP for 9 years, my count is 33 with a few bruises, my spleen was taken out in 2017, no blood thinners");
        Assert.Equal(IntakeField.PriorTreatments, (await bot.ReadStateAsync()).Intake!.Pending);

        var replies = await bot.SendAsync("just the spleen removal, it held for about six years");

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.NotEqual(IntakeField.PriorTreatments, intake.Pending);
        // The operation, with how it went, or no drug at all: either way the history is taken, and taken once.
        Assert.All(intake.Profile.PriorTreatments!, t => Assert.Equal(TherapyIds.Splenectomy, t.Therapy));
        Assert.True(intake.Profile.Splenectomy);
        Assert.DoesNotContain(replies, r => r.Text == ConversationTexts.Default.Question(IntakeField.PriorTreatments, Audience.Patient));
    }

    [Fact]
    public async Task A_reply_that_only_repeats_the_case_is_retried_then_passed_never_asked_for_ever()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("55M, plt 28, no bleeding, ITP 3 years, pred relapsed, no splenectomy, no anticoagulants");
        var asked = (await bot.ReadStateAsync()).Intake!.Pending;
        Assert.NotNull(asked);

        for (var i = 0; i < IntakeDialog.MaxAttempts; i++)
        {
            await bot.SendAsync("plt 28 as I said");
        }

        Assert.NotEqual(asked, (await bot.ReadStateAsync()).Intake!.Pending);
    }

    [Theory]
    [InlineData("we'd like to try for a baby next spring")]
    [InlineData("she hopes to have children soon")]
    public async Task A_pregnancy_still_planned_is_shown_as_none_under_way_and_not_asked(string plan)
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await bot.SendAsync($"33F, ITP 2 years, plt 21, bruising, pred relapsed, no splenectomy, no anticoagulants, no comorbidities, 60 kg; {plan}");

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(true, intake.Profile.PregnancyPlanned);
        Assert.Equal(false, intake.Profile.Pregnant);
        Assert.DoesNotContain(IntakeField.Pregnancy, intake.PendingFields());
    }

    [Theory]
    [InlineData("she doesn't want another operation, ever")]
    [InlineData("doesn't want injections")]
    public void Not_wanting_a_treatment_is_no_word_on_pregnancy_plans(string preference)
    {
        Assert.Null(FieldReaders.PregnancyPlannedInText(preference));
    }

    [Theory]
    [InlineData("nothing is restricted here")]
    [InlineData("her health plan pays for all of them")]
    [InlineData("anything on our formulary, and that's all of them")]
    [InlineData("I don't believe any drug is off limits")]
    public void Everyday_words_for_every_drug_within_reach_answer_the_access_question(string answer)
    {
        var read = FieldRegistry.ReadAnswer(Readers, IntakeField.Unavailable, answer);

        Assert.NotNull(read);
        Assert.Empty(read!.Unavailable!);
    }

    [Theory]
    [InlineData("not sure what is restricted")]
    [InlineData("romiplostim is restricted here")]
    public void Doubt_or_a_drug_named_is_not_read_as_everything_available(string answer)
    {
        var read = FieldRegistry.ReadAnswer(Readers, IntakeField.Unavailable, answer);

        Assert.True(read?.Unavailable is null or { Count: > 0 }, answer);
    }

    [Theory]
    [InlineData(IntakeField.Preferences, "none expressed")]
    [InlineData(IntakeField.Preferences, "no preference mentioned")]
    [InlineData(IntakeField.Comorbidities, "eczema, none of the ones listed")]
    [InlineData(IntakeField.Comorbidities, "nothing documented")]
    public void A_none_as_a_note_would_put_it_answers_the_list_question(IntakeField field, string answer)
    {
        var read = FieldRegistry.ReadAnswer(Readers, field, answer);

        Assert.NotNull(read);
        Assert.True(FieldRegistry.Get(field).IsKnown(read!));
    }

    [Theory]
    [InlineData("i suppose so", true)]
    [InlineData("I reckon yes", true)]
    [InlineData("i guess not", false)]
    public void A_loosely_held_yes_or_no_answers_a_yes_no_question(string answer, bool expected)
    {
        Assert.Equal(expected, Readers.YesOrNo(answer));
    }

    private static readonly FieldReaders Readers = new(new TherapyRecognizer(TestLexicon.Instance), TimeProvider.System);
}
