using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>The whole bot, turn by turn, as a clinician or a patient would use it. Failures print the transcript.</summary>
public sealed class ConversationTranscriptTests(ITestOutputHelper output)
{
    private const string FreeTextCase = "52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy";

    private static readonly IntakeField[] FilledByFreeText =
    [
        IntakeField.Age, IntakeField.Sex, IntakeField.TimeSinceDiagnosis, IntakeField.PlateletCount,
        IntakeField.Bleeding, IntakeField.PriorTreatments, IntakeField.Splenectomy,
    ];

    [Fact]
    public async Task A_full_intake_one_question_at_a_time_ends_in_an_assessment()
    {
        await using var bot = new BotTestClient(output);
        var welcome = Assert.Single(await bot.ConversationUpdateAsync());
        Assert.Contains("ItpBot", welcome.Text);

        var script = new CaseScript(CaseScript.Typical);
        var summary = ShowsCaseSummary(await script.AnswerUntilSummaryAsync(bot, await bot.SendAsync("start")));

        // Clinical order, each question once, and only the ones that matter for a 52-year-old man. The medicines now are
        // asked in the blood-thinner part of the history question, ahead of their own place in the registry.
        Assert.Equal(script.Asked.Distinct(), script.Asked);
        var inOwnPlace = script.Asked.Where(f => f != IntakeField.CurrentDrugs).ToList();
        Assert.Equal(inOwnPlace.Order(), inOwnPlace);
        Assert.Equal(script.Asked.IndexOf(IntakeField.Comorbidities) + 1, script.Asked.IndexOf(IntakeField.CurrentDrugs));
        Assert.DoesNotContain(IntakeField.Pregnancy, script.Asked);
        Assert.Contains("Platelet count: 12 × 10⁹/L", summary);
        Assert.Contains("Bleeding now: mucosal", summary);
        Assert.Contains("Since diagnosis: 36 months", summary);
        Assert.Contains("Prior treatments: Prednisone: relapsed; Eltrombopag: no response", summary);
        Assert.Contains("Weight: 80 kg", summary);

        var assessment = ShowsAssessment(await bot.SendAsync("yes"));
        Assert.Contains("**First choice:", assessment.Markdown);
        Assert.Contains("First choice", assessment.CardText);
        Assert.Contains(assessment.Actions, a => a.Title.StartsWith("Dosing of ", StringComparison.Ordinal));
        Assert.Contains(assessment.Actions, a => a.Title == "New patient");
        var state = await bot.ReadStateAsync();
        Assert.True(state.Intake!.Confirmed);
        Assert.Null(state.Intake.Pending);
    }

    [Fact]
    public async Task A_free_text_case_fills_what_it_says_and_only_the_rest_is_asked()
    {
        await using var bot = new BotTestClient(output);
        var replies = await bot.SendAsync(FreeTextCase);

        Assert.StartsWith("Noted:", replies[^2].Text);
        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal(52, profile.AgeYears);
        Assert.Equal(Sex.Male, profile.Sex);
        Assert.Equal(12, profile.PlateletCount);
        Assert.Equal(Bleeding.Mucosal, profile.Bleeding);
        Assert.Equal(36, profile.MonthsSinceDiagnosis);
        Assert.False(profile.Splenectomy);
        Assert.Equal(
            [TherapyIds.Eltrombopag, TherapyIds.Rituximab],
            profile.PriorTreatments!.Select(t => t.Therapy).Order());
        Assert.All(profile.PriorTreatments!, t => Assert.Equal(TreatmentOutcome.NoResponse, t.Outcome));

        var script = new CaseScript(CaseScript.Typical);
        await script.AnswerUntilSummaryAsync(bot, replies);

        Assert.Empty(script.Asked.Intersect(FilledByFreeText));
        Assert.Equal(IntakeField.Antithrombotics, script.Asked[0]);
        Assert.DoesNotContain(IntakeField.Pregnancy, script.Asked);
        ShowsAssessment(await bot.SendAsync("yes"));
    }

    [Fact]
    public async Task Questions_mid_intake_are_answered_then_the_same_question_is_asked_again()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("start");
        Asks(await bot.SendAsync("12"), IntakeField.Bleeding);

        foreach (var (question, heading) in new[]
        {
            ("dose of danazol?", "**Danazol"),
            ("romiplostim vs eltrombopag", "**Romiplostim vs Eltrombopag**"),
            ("what is refractory ITP?", "refractory"),
        })
        {
            var replies = await bot.SendAsync(question);
            Assert.Equal(2, replies.Count);
            Assert.Contains(heading, replies[0].Text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("**References:**", replies[0].Text);
            Asks(replies, IntakeField.Bleeding);
            Assert.Equal(IntakeField.Bleeding, (await bot.ReadStateAsync()).Intake!.Pending);
        }

        Asks(await bot.SendAsync("none"), IntakeField.TimeSinceDiagnosis);
        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal(12, profile.PlateletCount);
        Assert.Equal(Bleeding.None, profile.Bleeding);
    }

    [Fact]
    public async Task A_question_at_the_case_confirmation_is_answered_then_the_confirmation_is_asked_again()
    {
        await using var bot = new BotTestClient(output);
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase));

        var replies = await bot.SendAsync("dose of danazol?");

        Assert.Contains("**Danazol", replies[0].Text);
        ShowsCaseSummary(replies);
        ShowsAssessment(await bot.SendAsync("yes"));
    }

    [Fact]
    public async Task Invalid_answers_are_re_prompted_with_an_example_then_Skip_moves_on_for_good()
    {
        await using var bot = new BotTestClient(output);
        Asks(await bot.SendAsync("start"), IntakeField.PlateletCount);

        var first = await bot.SendAsync("banana");
        Retries(first, IntakeField.PlateletCount);
        Assert.Contains("for example", first[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(first[0].SuggestedActions);

        var last = await bot.SendAsync("still banana");
        Retries(last, IntakeField.PlateletCount);
        Assert.Equal(["Skip", "Cancel"], last[0].SuggestedActions.Actions.Select(a => a.Title));

        Asks(await bot.SendAsync("Skip"), IntakeField.Bleeding);
        var state = await bot.ReadStateAsync();
        Assert.Equal([IntakeField.PlateletCount], state.Intake!.Skipped);
        Assert.Null(state.Intake.Profile.PlateletCount);

        var script = new CaseScript(CaseScript.Typical);
        var summary = ShowsCaseSummary(await script.AnswerUntilSummaryAsync(bot, await bot.SendAsync("none")));
        Assert.DoesNotContain(IntakeField.PlateletCount, script.Asked);
        Assert.DoesNotContain(summary, line => line.StartsWith("Platelet count", StringComparison.Ordinal));
        ShowsAssessment(await bot.SendAsync("yes"));
    }

    public static TheoryData<string, string> EmergencyAtEveryStep()
    {
        var data = new TheoryData<string, string>();
        foreach (var message in new[] { "he is vomiting blood", "intracranial bleed", "black stools and dizzy", "nosebleed and she fainted" })
        {
            foreach (var step in new[] { "first-question", "mid-intake", "confirmation", "after-assessment" })
            {
                data.Add(message, step);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EmergencyAtEveryStep))]
    public async Task An_emergency_at_any_step_gets_the_emergency_answer_first(string message, string step)
    {
        await using var bot = new BotTestClient(output);
        switch (step)
        {
            case "first-question":
                Asks(await bot.SendAsync("start"), IntakeField.PlateletCount);
                break;
            case "mid-intake":
                Asks(await bot.SendAsync(FreeTextCase), IntakeField.Antithrombotics);
                break;
            case "confirmation":
                await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase));
                break;
            case "after-assessment":
                await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase));
                ShowsAssessment(await bot.SendAsync("yes"));
                break;
        }

        var replies = await bot.SendAsync(message);

        Assert.StartsWith("🚨 **EMERGENCY: treat now, in hospital. Give together now:", replies[0].Text);
        foreach (var drug in new[] { "Platelet transfusion", "Intravenous immunoglobulin (IVIG)", "Dexamethasone" })
        {
            Assert.Contains(drug, replies[0].Text.Split('\n')[0]);
        }

        var assessment = ShowsAssessment(replies);
        Assert.Contains("EMERGENCY", assessment.CardText);
        var bleeding = (await bot.ReadStateAsync()).Intake!.Profile.Bleeding;
        Assert.True(bleeding is Bleeding.Critical or Bleeding.Severe, $"bleeding stored as {bleeding}");
    }

    [Fact]
    public async Task A_correction_at_the_summary_shows_the_summary_again_with_the_new_value()
    {
        await using var bot = new BotTestClient(output);
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase));

        var summary = ShowsCaseSummary(await bot.SendAsync("platelets are actually 25"));

        Assert.Contains("Platelet count: 25 × 10⁹/L", summary);
        Assert.DoesNotContain("Platelet count: 12 × 10⁹/L", summary);
        Assert.Equal(25, (await bot.ReadStateAsync()).Intake!.Profile.PlateletCount);
        ShowsAssessment(await bot.SendAsync("yes"));
        Assert.Equal(25, (await bot.ReadStateAsync()).Intake!.Profile.PlateletCount);
    }

    [Fact]
    public async Task No_at_the_summary_asks_what_to_change_then_shows_the_corrected_case()
    {
        await using var bot = new BotTestClient(output);
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase));

        var ask = Assert.Single(await bot.SendAsync("no"));
        Assert.Equal(ConversationTexts.Default.Messages.AskCorrection.Clinician, ask.Text);

        var summary = ShowsCaseSummary(await bot.SendAsync("weight is 90 kg"));
        Assert.Contains("Weight: 90 kg", summary);
        Assert.Contains("Platelet count: 12 × 10⁹/L", summary);
        ShowsAssessment(await bot.SendAsync("yes"));
    }

    [Fact]
    public async Task A_correction_while_another_question_is_pending_corrects_that_field_and_nothing_else()
    {
        await using var bot = new BotTestClient(output);
        var script = new CaseScript(CaseScript.Typical);
        await script.AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase), stopAt: IntakeField.Unavailable);

        var replies = await bot.SendAsync("platelets are actually 25");

        Assert.Equal("Noted:\n\n- Platelet count: 25 × 10⁹/L", replies[0].Text);
        Asks(replies, IntakeField.Unavailable);
        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal(25, profile.PlateletCount);
        Assert.Null(profile.Unavailable);
    }

    [Fact]
    public async Task The_patient_voice_is_plain_language_without_doses_and_points_to_the_haematologist()
    {
        await using var bot = new BotTestClient(output);
        await bot.ConversationUpdateAsync();

        var switched = await bot.SendAsync("I'm a patient");
        Assert.Equal(ConversationTexts.Default.Messages.AudiencePatient.Patient, switched[0].Text);
        Asks(switched, IntakeField.PlateletCount, Audience.Patient);
        Assert.Equal(Audience.Patient, (await bot.ReadStateAsync()).Settings!.Audience);

        var script = CaseScript.With(
            (IntakeField.PriorTreatments, "prednisone worked then relapsed"),
            (IntakeField.Age, "34"),
            (IntakeField.Sex, "female"),
            (IntakeField.Weight, "60 kg")).InPatientVoice();
        await script.AnswerUntilSummaryAsync(bot, switched);
        Assert.Contains(IntakeField.Pregnancy, script.Asked);

        var assessment = ShowsAssessment(await bot.SendAsync("yes"), Audience.Patient);
        Assert.Contains("haematologist", assessment.Markdown);
        Assert.Contains("haematologist", assessment.CardText);
        Assert.DoesNotMatch(@"\d\s*(mg|µg|mcg|g/kg)\b", assessment.Markdown);
        Assert.DoesNotMatch(@"\d\s*(mg|µg|mcg|g/kg)\b", assessment.CardText);
        Assert.Contains(assessment.Actions, a => a.Title == "Start over");
    }

    [Fact]
    public async Task An_audience_switch_mid_intake_asks_the_same_question_again_in_the_new_voice()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("start");
        Asks(await bot.SendAsync("12"), IntakeField.Bleeding);

        var patient = await bot.SendAsync("I'm a patient or caregiver");
        Assert.Equal(ConversationTexts.Default.Messages.AudiencePatient.Patient, patient[0].Text);
        Asks(patient, IntakeField.Bleeding, Audience.Patient);

        Asks(await bot.SendAsync("none"), IntakeField.TimeSinceDiagnosis, Audience.Patient);

        var clinician = await bot.SendAsync("I'm a clinician");
        Assert.Equal(ConversationTexts.Default.Messages.AudienceClinician.Clinician, clinician[0].Text);
        Asks(clinician, IntakeField.TimeSinceDiagnosis, Audience.Clinician);
        var state = await bot.ReadStateAsync();
        Assert.Equal(Audience.Clinician, state.Settings!.Audience);
        Assert.Equal(12, state.Intake!.Profile.PlateletCount);
        Assert.Equal(Bleeding.None, state.Intake.Profile.Bleeding);
    }

    [Fact]
    public async Task New_facts_or_cancel_at_the_summary_keep_the_case_and_show_it_again()
    {
        await using var bot = new BotTestClient(output);
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase));

        var noted = await bot.SendAsync("on apixaban");
        // "on apixaban" names the class and the drug itself (interaction checks read the drug).
        Assert.Equal("Noted:\n\n- Antithrombotics: anticoagulant\n- Current drugs: apixaban", noted[0].Text);
        Assert.Contains("Antithrombotics: anticoagulant", ShowsCaseSummary(noted));

        Assert.Equal(ConversationTexts.Default.Messages.Cancelled.Clinician, Assert.Single(await bot.SendAsync("cancel")).Text);
        Assert.Contains("Antithrombotics: anticoagulant", ShowsCaseSummary(await bot.SendAsync("hello")));
        ShowsAssessment(await bot.SendAsync("yes"));
    }

    [Fact]
    public async Task Forget_me_deletes_the_stored_user_and_conversation_state()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("I'm a patient");
        await bot.SendAsync("30");
        var before = await bot.Storage.ReadAsync([bot.ConversationStateKey, bot.UserStateKey]);
        Assert.Equal(2, before.Count);

        var replies = await bot.SendAsync("forget me");

        Assert.Equal(ConversationTexts.Default.Messages.Forgotten.Patient, Assert.Single(replies).Text);
        var after = await bot.Storage.ReadAsync([bot.ConversationStateKey, bot.UserStateKey]);
        Assert.Empty(after);

        // A new start: clinician by default, nothing remembered.
        var again = await bot.SendAsync("hello");
        Asks(again, IntakeField.PlateletCount);
        var state = await bot.ReadStateAsync();
        Assert.Null(state.Intake!.Profile.PlateletCount);
        Assert.Equal(Audience.Clinician, state.Settings?.Audience ?? Audience.Clinician);
    }

    [Fact]
    public async Task Help_cancel_and_new_patient_do_what_they_say()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("start");
        Asks(await bot.SendAsync("12"), IntakeField.Bleeding);

        var help = await bot.SendAsync("help");
        Assert.Equal(ConversationTexts.Default.Messages.Help.Clinician, help[0].Text);
        Asks(help, IntakeField.Bleeding);

        var cancelled = Assert.Single(await bot.SendAsync("cancel"));
        Assert.Equal(ConversationTexts.Default.Messages.Cancelled.Clinician, cancelled.Text);
        Assert.Equal(12, (await bot.ReadStateAsync()).Intake!.Profile.PlateletCount);

        Asks(await bot.SendAsync("hello"), IntakeField.Bleeding);

        var fresh = await bot.SendAsync("new patient");
        Assert.Equal(ConversationTexts.Default.Messages.StartOver.Clinician, fresh[0].Text);
        Asks(fresh, IntakeField.PlateletCount);
        Assert.Null((await bot.ReadStateAsync()).Intake!.Profile.PlateletCount);

        var again = await bot.SendAsync("start over");
        Assert.Equal(ConversationTexts.Default.Messages.StartOver.Clinician, again[0].Text);
        Asks(again, IntakeField.PlateletCount);
    }

    [Fact]
    public async Task A_new_patient_given_with_the_start_over_keeps_nothing_of_the_old_one()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("start");
        await bot.SendAsync("58M, plt 12, ITP 4 years, failed eltrombopag, splenectomy 2015");
        Assert.Equal(12, (await bot.ReadStateAsync()).Intake!.Profile.PlateletCount);

        var fresh = await bot.SendAsync("new patient: 44F, plt 21, ITP 2 yrs");

        Assert.Equal(ConversationTexts.Default.Messages.StartOver.Clinician, fresh[0].Text);
        Asks(fresh, IntakeField.Bleeding);
        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal(21, profile.PlateletCount);
        Assert.Equal(44, profile.AgeYears);
        Assert.Equal(Sex.Female, profile.Sex);
        Assert.Null(profile.Splenectomy);
        Assert.Null(profile.PriorTreatments);
    }

    [Fact]
    public async Task A_pregnant_patient_is_asked_about_pregnancy_and_the_drugs_to_avoid_are_named()
    {
        await using var bot = new BotTestClient(output);
        var script = CaseScript.With((IntakeField.Pregnancy, "yes, 28 weeks"), (IntakeField.Weight, "65 kg"));
        var summary = ShowsCaseSummary(await script.AnswerUntilSummaryAsync(
            bot, await bot.SendAsync("30F, ITP for 2 years, plt 20k, petechiae, prednisone worked then relapsed, no splenectomy")));

        Assert.Contains(IntakeField.Pregnancy, script.Asked);
        Assert.Contains("Pregnant: yes, 28 weeks", summary);
        Assert.Contains("Weight: 65 kg", summary);

        var assessment = ShowsAssessment(await bot.SendAsync("yes"));
        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        var expected = bot.Services.GetRequiredService<ITreatmentAdvisor>().Assess(profile);
        Assert.NotEmpty(expected.Avoid);
        var avoidSection = assessment.Markdown[assessment.Markdown.IndexOf("**Avoid now:**", StringComparison.Ordinal)..];
        foreach (var avoided in expected.Avoid)
        {
            Assert.Contains(Name(bot, avoided.Therapy), avoidSection);
        }

        Assert.Contains(expected.Avoid, a => a.Therapy == TherapyIds.Mycophenolate);
    }

    [Theory]
    [InlineData("60F, plt 20k, petechiae, ITP for 2 years, prednisone relapsed, no splenectomy")]
    [InlineData("45M, plt 20k, petechiae, ITP for 2 years, prednisone relapsed, no splenectomy")]
    [InlineData("70F, plt 20k, petechiae, ITP for 2 years, prednisone relapsed, no splenectomy")]
    public async Task Pregnancy_is_not_asked_of_men_or_of_women_outside_child_bearing_age(string summary)
    {
        await using var bot = new BotTestClient(output);
        var script = new CaseScript(CaseScript.Typical);
        await script.AnswerUntilSummaryAsync(bot, await bot.SendAsync(summary));
        Assert.DoesNotContain(IntakeField.Pregnancy, script.Asked);
    }

    [Fact]
    public async Task Ancestry_is_asked_when_eltrombopag_may_be_offered()
    {
        await using var bot = new BotTestClient(output);
        var script = new CaseScript(CaseScript.Typical);
        await script.AnswerUntilSummaryAsync(bot, await bot.SendAsync("52M, plt 20k, petechiae, ITP for 2 years, prednisone relapsed, no splenectomy"));

        Assert.Contains(IntakeField.Ancestry, script.Asked);
        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Contains(bot.Services.GetRequiredService<ITreatmentAdvisor>().Assess(profile).Options, o => o.Therapy == TherapyIds.Eltrombopag);
    }

    [Fact]
    public async Task Ancestry_is_not_asked_once_eltrombopag_has_failed()
    {
        await using var bot = new BotTestClient(output);
        var script = new CaseScript(CaseScript.Typical);
        await script.AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase));

        Assert.DoesNotContain(IntakeField.Ancestry, script.Asked);
    }

    [Fact]
    public async Task Why_not_from_the_suggested_action_answers_from_this_case()
    {
        await using var bot = new BotTestClient(output);
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase));
        var assessment = ShowsAssessment(await bot.SendAsync("yes"));
        var whyNot = assessment.Actions.Single(a => a.Title.StartsWith("Why not ", StringComparison.Ordinal));

        var reply = Assert.Single(await bot.SendAsync((string)whyNot.Value));

        Assert.StartsWith($"**{whyNot.Title.TrimEnd('?')}:**", reply.Text);
        Assert.Contains("**References:**", reply.Text);
        Assert.Null((await bot.ReadStateAsync()).Intake!.Pending);
    }

    [Fact]
    public async Task The_dosing_action_answers_with_the_dose_for_this_weight()
    {
        await using var bot = new BotTestClient(output);
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync("52M, plt 20k, petechiae, ITP for 2 years, prednisone relapsed, no splenectomy"));
        var assessment = ShowsAssessment(await bot.SendAsync("yes"));
        var dosing = assessment.Actions.Single(a => a.Title.StartsWith("Dosing of ", StringComparison.Ordinal));

        var reply = Assert.Single(await bot.SendAsync((string)dosing.Value));

        Assert.Contains(": dosing**", reply.Text);
        Assert.Contains("**References:**", reply.Text);
    }

    [Fact]
    public async Task A_dose_asked_once_the_weight_is_known_is_worked_out_for_that_weight_once()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("52M, 80 kg, plt 12k, no bleeding");

        var replies = await bot.SendAsync("dose of romiplostim?");

        var answer = replies[0].Text;
        Assert.Contains("**Romiplostim: dosing**", answer);
        Assert.Contains("For 80 kg: start 80 µg SC once weekly", answer);
        Assert.Equal(answer.Split("For 80 kg:").Length - 1, answer.Split("\n\n").Count(p => p.Contains("For 80 kg:", StringComparison.Ordinal)));
        Assert.DoesNotContain("For 80 kg: For 80 kg:", answer);
        Assert.DoesNotContain("..", answer);
        Assert.Equal(Question(IntakeField.TimeSinceDiagnosis), replies[^1].Text);
    }

    [Fact]
    public async Task A_correction_after_the_assessment_re_assesses_at_once()
    {
        await using var bot = new BotTestClient(output);
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase));
        var before = ShowsAssessment(await bot.SendAsync("yes"));

        var replies = await bot.SendAsync("actually he is bleeding into the brain");
        ShowsAssessment(replies);
        Assert.StartsWith("🚨", replies[0].Text);

        await using var other = new BotTestClient(output);
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(other, await other.SendAsync(FreeTextCase));
        ShowsAssessment(await other.SendAsync("yes"));
        var corrected = await other.SendAsync("platelets are actually 25");
        Assert.StartsWith("Noted:", corrected[0].Text);
        Assert.Contains("Platelet count: 25", corrected[0].Text);
        var after = ShowsAssessment(corrected);
        Assert.DoesNotContain(corrected, IsCaseSummary);
        Assert.Equal(25, (await other.ReadStateAsync()).Intake!.Profile.PlateletCount);
        Assert.NotEqual(before.Markdown, after.Markdown);
    }

    [Fact]
    public async Task Stored_state_does_not_grow_over_a_long_conversation()
    {
        await using var bot = new BotTestClient(output);
        await new CaseScript(CaseScript.Typical).AnswerUntilSummaryAsync(bot, await bot.SendAsync(FreeTextCase));
        ShowsAssessment(await bot.SendAsync("yes"));
        string[] followUps = ["dose of danazol?", "romiplostim vs eltrombopag", "what is refractory ITP?", "hello", "help"];

        var sizes = new List<int>();
        for (var turn = 1; turn <= 50; turn++)
        {
            await bot.SendAsync(followUps[turn % followUps.Length]);
            sizes.Add((await bot.ReadStateAsync()).ConversationStateBytes);
        }

        Assert.InRange(sizes[49], sizes[9] - 32, sizes[9] + 32);
        Assert.All(sizes, size => Assert.InRange(size, 1, 8 * 1024));
    }

    [Fact]
    public async Task Stored_state_stays_small_through_the_intake()
    {
        await using var bot = new BotTestClient(output);
        var replies = await bot.SendAsync("start");
        var script = new CaseScript(CaseScript.Typical);
        await script.AnswerUntilSummaryAsync(bot, replies);
        ShowsAssessment(await bot.SendAsync("yes"));

        var state = await bot.ReadStateAsync();
        Assert.InRange(state.ConversationStateBytes, 1, 8 * 1024);
        Assert.Single(state.Dialogs!.DialogStack);
    }

    private static string Name(BotTestClient bot, string therapy) =>
        bot.Services.GetRequiredService<ItpBot.Knowledge.Questions.ITherapyLexicon>().Therapies.Single(t => t.TherapyId == therapy).Name;
}
