using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// Who is typing, read from how a terse summary is written and from what the writer says of themselves later: a
/// patient on a phone gives their own age and sex in lower case ("34f") with no "I"; a clinician's code is in capitals
/// and comes with shorthand. Said mid-intake, "I am the patient" or "I'm the patient's nephew" changes the voice of
/// every question after it.
/// </summary>
public sealed class WhoIsTypingTranscriptTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("34f, count 26, some bruises, pred didnt last, no blood thinners")]
    [InlineData("61m. count 17. nosebleeds. revolade stopped working after a year")]
    public async Task A_terse_lower_case_summary_with_its_own_age_and_sex_is_the_patient_typing(string summary)
    {
        await using var bot = new BotTestClient(output);

        var replies = await bot.SendAsync(summary);

        var state = await bot.ReadStateAsync();
        Assert.Equal(Audience.Patient, state.Settings!.Audience);
        Assert.Equal(ConversationTexts.Default.Question(state.Intake!.PendingFields(), new Addressee(Audience.Patient)), replies[^1].Text);
    }

    [Theory]
    [InlineData("64M, plt 18, epistaxis, pred dependent, spleen in situ")]
    [InlineData("48m, plt 21, petechiae, ritux nr, no anticoag")]
    [InlineData("F 52, ITP dx 2019, plt 12, menorrhagia, pred relapsed")]
    public async Task A_clinical_note_keeps_the_clinician_voice_in_either_case(string summary)
    {
        await using var bot = new BotTestClient(output);

        var replies = await bot.SendAsync(summary);

        var state = await bot.ReadStateAsync();
        Assert.Equal(Audience.Clinician, state.Settings?.Audience ?? Audience.Clinician);
        Assert.Equal(ConversationTexts.Default.Question(state.Intake!.PendingFields(), new Addressee(Audience.Clinician)), replies[^1].Text);
    }

    [Theory]
    [InlineData("I am the patient, by the way", false)]
    [InlineData("im the patient myself", false)]
    [InlineData("I'm the patient's nephew", true)]
    [InlineData("writing this on her behalf", true)]
    [InlineData("as his carer I keep track of all this", true)]
    public async Task Who_is_typing_said_mid_intake_changes_the_voice_of_the_next_question(string said, bool caregiver)
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("57 year old, platelets 23, bruising, ITP 5 years, prednisolone relapsed");
        var before = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(Audience.Clinician, (await bot.ReadStateAsync()).Settings?.Audience ?? Audience.Clinician);

        var replies = await bot.SendAsync(said);

        var state = await bot.ReadStateAsync();
        Assert.Equal(Audience.Patient, state.Settings!.Audience);
        Assert.Equal(caregiver, state.Intake!.AboutSomeoneElse);
        var to = new Addressee(Audience.Patient, caregiver, state.Intake.Profile.Sex);
        Assert.Equal(ConversationTexts.Default.Question(state.Intake.PendingFields(), to), replies[^1].Text);
        Assert.Equal(before.Pending, state.Intake.Pending);
    }

    [Fact]
    public async Task A_caregivers_answer_that_names_her_again_notes_only_what_is_new()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("my aunt has had ITP for 6 years, platelets 31, a few bruises, prednisolone relapsed");
        Assert.Equal(Sex.Female, (await bot.ReadStateAsync()).Intake!.Profile.Sex);

        // Every question up to the weight is answered with a line that names her again.
        var lines = new Dictionary<IntakeField, string>
        {
            [IntakeField.Splenectomy] = "no, she still has her spleen",
            [IntakeField.Antithrombotics] = "she takes none of those",
            [IntakeField.Comorbidities] = "she has none of those",
            [IntakeField.Age] = "she turned 70 in May",
        };
        for (var turn = 0; turn < 10 && (await bot.ReadStateAsync()).Intake!.Pending is { } pending && pending != IntakeField.Weight; turn++)
        {
            Assert.True(lines.TryGetValue(pending, out var line), $"{pending} was asked");
            await bot.SendAsync(line!);
        }

        var replies = await bot.SendAsync("she is slight, about 52 kg");

        Assert.Equal(52, (await bot.ReadStateAsync()).Intake!.Profile.WeightKg);
        Assert.DoesNotContain(replies, r => r.Text?.Contains("Sex: female", StringComparison.Ordinal) == true);
    }
}

/// <summary>
/// A carer's answer names the patient again ("she", "her"): what the case already holds, said again, is not a new fact
/// that takes the answer away from the question asked, so every way the question's own reader knows still works.
/// </summary>
public sealed class RestatedFactsTranscriptTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("she would prefer something by mouth; no idea what the hospital stocks")]
    [InlineData("tablets for her please, and we're not sure what's on offer")]
    public async Task A_carers_group_answer_unsure_of_access_passes_that_half_without_asking_again(string answer)
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("my sister is 58, platelets 27, bruises, ITP 3 years, prednisolone relapsed, spleen still in, no blood thinners, no other illnesses, 66 kg");
        var intake = (await bot.ReadStateAsync()).Intake!;
        for (var turn = 0; turn < 4 && intake.PendingFields() is var asked && !asked.Contains(IntakeField.Preferences); turn++)
        {
            Assert.True(asked is [IntakeField.Ancestry], $"{string.Join(", ", asked)} was asked");
            await bot.SendAsync("no, she isn't East Asian");
            intake = (await bot.ReadStateAsync()).Intake!;
        }

        Assert.Equal([IntakeField.Preferences, IntakeField.Unavailable], intake.PendingFields());

        var replies = await bot.SendAsync(answer);

        intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal([Preference.Oral], intake.Profile.Preferences!);
        Assert.Contains(IntakeField.Unavailable, intake.Skipped);
        Assert.DoesNotContain(IntakeField.Unavailable, intake.PendingFields());
        // Next is the case, or the medicines (the summary told the blood thinners alone, so the others are asked last).
        Assert.True(IsCaseSummary(replies[^1]) || intake.PendingFields() is [IntakeField.CurrentDrugs], replies[^1].Text);
    }

    [Theory]
    [InlineData("full formulary here")]
    [InlineData("no funding restrictions")]
    [InlineData("unrestricted access to all of them")]
    public async Task Access_said_as_a_full_formulary_answers_what_is_unavailable(string answer)
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("71M, plt 33, bruising, ITP 4y, pred relapsed, no splenectomy, no anticoagulants, no comorbidities, 84 kg, not East Asian");
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal([IntakeField.Preferences, IntakeField.Unavailable], intake.PendingFields());
        await bot.SendAsync("oral please");
        Assert.Equal([IntakeField.Unavailable], (await bot.ReadStateAsync()).Intake!.PendingFields());

        var replies = await bot.SendAsync(answer);

        intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal([], intake.Profile.Unavailable!);
        // Next is the case, or the medicines (the summary told the anticoagulants alone, so the others are asked last).
        Assert.True(IsCaseSummary(replies[^1]) || intake.PendingFields() is [IntakeField.CurrentDrugs], replies[^1].Text);
    }
}

/// <summary>A wish about one drug, to the preferences question: none of the preferences the ranking weighs, understood.</summary>
public sealed class OneDrugWishTranscriptTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("would like to steer clear of steroids from now on; every drug is on our formulary")]
    [InlineData("he'd sooner not go back on prednisolone, and all of them are available")]
    public async Task A_wish_about_one_drug_answers_the_preferences_half_of_the_question(string answer)
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("66M, plt 24, bruising, ITP 6y, pred relapsed, no splenectomy, no anticoagulants, no comorbidities, 77 kg, not East Asian");
        Assert.Equal([IntakeField.Preferences, IntakeField.Unavailable], (await bot.ReadStateAsync()).Intake!.PendingFields());

        var replies = await bot.SendAsync(answer);

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal([], intake.Profile.Preferences!);
        Assert.DoesNotContain(IntakeField.Preferences, intake.PendingFields());
        Assert.DoesNotContain(replies, r => r.Text == ConversationTexts.Default.Retry([IntakeField.Preferences, IntakeField.Unavailable], new Addressee(Audience.Clinician)));
    }
}

/// <summary>
/// Whether she could become pregnant is asked on its own only when the pregnancy question went unanswered; then a way
/// out of it is taken the first time, as for any question.
/// </summary>
public sealed class InvitedFieldWayOutTranscriptTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("no idea")]
    [InlineData("skip")]
    public async Task Could_she_become_pregnant_after_an_unanswered_pregnancy_question_takes_a_way_out(string wayOut)
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await CaseScript.EveryQuestion.AnswerUntilAsync(bot, IntakeField.Pregnancy, group: true);
        await bot.SendAsync("not sure");
        var intake = (await bot.ReadStateAsync()).Intake!;
        for (var turn = 0; turn < 8 && intake.Pending is { } pending && pending != IntakeField.ChildbearingPotential; turn++)
        {
            await bot.SendAsync(CaseScript.EveryQuestion[pending]);
            intake = (await bot.ReadStateAsync()).Intake!;
        }

        Assert.Equal(IntakeField.ChildbearingPotential, intake.Pending);
        var replies = await bot.SendAsync(wayOut);

        Assert.Equal(ConversationTexts.Default.Assumption(IntakeField.ChildbearingPotential, Audience.Clinician), replies[0].Text);
        Assert.Contains(IntakeField.ChildbearingPotential, (await bot.ReadStateAsync()).Intake!.Skipped);
    }
}
