using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// Question groups, CoreBot-style: related fields asked in one breath ("Is she pregnant, or planning a pregnancy?"),
/// the reply read for each of them; a bare "no" answers what the group says it answers, a partial reply leaves only
/// the rest to ask, a way out passes the whole question, and an emergency typed there still wins. Read as
/// transcripts in the test output; a mocked recogniser where the test is about the flow, not the reading.
/// </summary>
public sealed class QuestionGroupTests(ITestOutputHelper output)
{
    private static ConversationTexts Texts => ConversationTexts.Default;

    private static readonly IReadOnlyList<IntakeField> Pregnancy = [IntakeField.Pregnancy, IntakeField.PregnancyPlanned];

    private static readonly IReadOnlyList<IntakeField> Access = [IntakeField.Preferences, IntakeField.Unavailable];

    // A 30-year-old woman, with every contract-v2 fact reported as changing her plan: both groups are asked.
    private static IReadOnlyDictionary<IntakeField, string> Woman => CaseScript.EveryQuestion;

    [Fact]
    public void Every_group_is_asked_in_each_voice_and_a_caregiver_hears_of_the_patient()
    {
        foreach (var group in FieldRegistry.Groups)
        {
            var clinician = Texts.Question(group.Fields, Audience.Clinician);
            var patient = Texts.Question(group.Fields, Audience.Patient);
            var her = Texts.Question(group.Fields, new Addressee(Audience.Patient, true, Sex.Female));
            Assert.Equal(3, new[] { clinician, patient, her }.Distinct().Count());
            Assert.DoesNotContain("your", her, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("{", her, StringComparison.Ordinal);

            // Each field's own question is still there, for when only one of them is wanted.
            Assert.All(group.Fields, f => Assert.NotEqual(Texts.Question(f, Audience.Clinician), clinician));
        }
    }

    [Theory]
    [InlineData("neither", IntakeField.Pregnancy, "Pregnancy=no; PregnancyPlanned=no")]
    [InlineData("No", IntakeField.Pregnancy, "Pregnancy=no; PregnancyPlanned=no")]
    [InlineData("NOT PREGNANT AND NOT PLANNING", IntakeField.Pregnancy, "Pregnancy=no; PregnancyPlanned=no")] // parts split in capitals too
    [InlineData("she'd consider anything, and the pharmacy has everything", IntakeField.Preferences, "Preferences=none; Unavailable=none")]
    [InlineData("tablets please, our dispensary stocks the lot", IntakeField.Preferences, "Preferences=oral; Unavailable=none")]
    [InlineData("not pregnant, but she wants to get pregnant next year", IntakeField.Pregnancy, "Pregnancy=no; PregnancyPlanned=yes")]
    [InlineData("she's planning a pregnancy", IntakeField.Pregnancy, "PregnancyPlanned=yes")]
    [InlineData("Planning a pregnancy", IntakeField.Pregnancy, "PregnancyPlanned=yes")]
    [InlineData("Pregnant now", IntakeField.Pregnancy, "Pregnancy=yes")]
    [InlineData("yes", IntakeField.Pregnancy, "")]
    [InlineData("not pregnant, not sure about the future", IntakeField.Pregnancy, "Pregnancy=no")]
    [InlineData("none", IntakeField.Preferences, "Preferences=none; Unavailable=none")]
    [InlineData("oral only, and no access to romiplostim", IntakeField.Preferences, "Preferences=oral; Unavailable=romiplostim")]
    [InlineData("whatever works, but no romiplostim, eltrombopag or rituximab here", IntakeField.Preferences, "Preferences=none; Unavailable=romiplostim, eltrombopag, rituximab")]
    [InlineData("no particular preference", IntakeField.Preferences, "Preferences=none")]
    [InlineData("everything is available", IntakeField.Preferences, "Unavailable=none")]
    [InlineData("avoid surgery if possible, and all drugs available", IntakeField.Preferences, "Preferences=avoid surgery; Unavailable=none")]
    [InlineData("not all of them are available", IntakeField.Preferences, "")]
    [InlineData("she'd prefer tablets, like eltrombopag", IntakeField.Preferences, "Preferences=oral")]
    [InlineData("tablets if possible, and I don't know of anything she can't have", IntakeField.Preferences, "Preferences=oral; Unavailable=none")]
    [InlineData("rather avoid needles, nothing we can't get as far as I know", IntakeField.Preferences, "Preferences=avoid injections; Unavailable=none")]
    [InlineData("no surgery please, and I think he can have anything", IntakeField.Preferences, "Preferences=avoid surgery; Unavailable=none")]
    [InlineData("pills would be better, and everything's on our formulary", IntakeField.Preferences, "Preferences=oral; Unavailable=none")]
    [InlineData("no operation, and we can get whatever", IntakeField.Preferences, "Preferences=avoid surgery; Unavailable=none")]
    // One no for both parts; safety in pregnancy wished for is no kind of treatment; whatever is needed is within reach.
    [InlineData("no to both of them", IntakeField.Pregnancy, "Pregnancy=no; PregnancyPlanned=no")]
    [InlineData("no on both counts", IntakeField.Pregnancy, "Pregnancy=no; PregnancyPlanned=no")]
    [InlineData("the safest for her pregnancy, and our formulary has the lot", IntakeField.Preferences, "Preferences=none; Unavailable=none")]
    [InlineData("injections are fine, and we can get whatever she needs", IntakeField.Preferences, "Unavailable=none")]
    public async Task A_group_reply_is_read_field_by_field(string reply, IntakeField first, string expected)
    {
        await using var bot = new BotTestClient(output);
        var asked = FieldRegistry.GroupOf(first)!.Fields;
        var interpreter = bot.Services.GetRequiredService<ConversationInterpreter>();
        foreach (var finding in interpreter.ReadOnce(reply).Findings)
        {
            output.WriteLine($"finding: {finding.Field}={finding.Value} {finding.Context.Status} '{finding.Evidence}'");
        }

        var reading = interpreter.ReadGroupAnswer(reply, asked);

        var read = asked.Where(reading.FactFields.Contains)
            .Select(f => $"{f}={FieldRegistry.Get(f).Show(reading.Facts, id => id)}");
        Assert.Equal(expected, string.Join("; ", read));
    }

    [Fact]
    public async Task A_group_is_asked_in_one_breath_when_both_its_fields_are_wanted()
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await Woman.AnswerUntilAsync(bot, IntakeField.Pregnancy, group: true);

        Assert.Equal(Pregnancy, (await bot.ReadStateAsync()).Intake!.PendingFields());
    }

    [Fact]
    public async Task A_group_whose_other_field_is_known_asks_only_the_field_left()
    {
        // "planning a pregnancy" said up front: she is not pregnant now (shown back, to be set right if wrong), so
        // nothing of the group is left to ask.
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await bot.SendAsync("30F, plt 20, petechiae, ITP 2 years, prednisone relapsed, no splenectomy, no anticoagulants, no comorbidities, 65 kg, wants to get pregnant next year");

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(true, intake.Profile.PregnancyPlanned);
        Assert.Equal(false, intake.Profile.Pregnant);
        Assert.DoesNotContain(IntakeField.Pregnancy, intake.PendingFields());
    }

    [Theory]
    [InlineData("oral only, and no access to romiplostim")]
    [InlineData("she'd prefer tablets; we have no access to romiplostim")]
    public async Task Both_fields_answered_at_once_are_both_kept_and_shown_back(string answer)
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await Woman.AnswerUntilAsync(bot, IntakeField.Preferences, group: true);

        var replies = await bot.SendAsync(answer);

        Assert.DoesNotContain(replies, r => r.Text == Texts.Retry(Access, Audience.Clinician));
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Contains(Preference.Oral, intake.Profile.Preferences!);
        Assert.Equal(["romiplostim"], intake.Profile.Unavailable!);
        Assert.DoesNotContain(IntakeField.Unavailable, intake.PendingFields());

        var summary = ShowsCaseSummary(await new CaseScript(Woman).AnswerUntilSummaryAsync(bot, replies));
        Assert.Contains("Preferences: oral", summary);
        Assert.Contains(summary, l => l.StartsWith("Not available: Romiplostim", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Not_pregnant_but_planning_fills_both_pregnancy_fields_from_their_context()
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await Woman.AnswerUntilAsync(bot, IntakeField.Pregnancy, group: true);

        await bot.SendAsync("not pregnant, but she wants to get pregnant next year");

        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal(false, profile.Pregnant);
        Assert.Equal(true, profile.PregnancyPlanned);
    }

    [Theory]
    [InlineData("she'd prefer tablets", IntakeField.Unavailable)]
    [InlineData("everything is available", IntakeField.Preferences)]
    [InlineData("no particular preference", IntakeField.Unavailable)]
    public async Task A_partial_answer_fills_what_it_says_and_asks_only_the_rest(string answer, IntakeField rest)
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await Woman.AnswerUntilAsync(bot, IntakeField.Preferences, group: true);

        var replies = await bot.SendAsync(answer);

        Asks(replies, rest);
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal([rest], intake.PendingFields());
        Assert.True(FieldRegistry.Get(Access.Single(f => f != rest)).IsKnown(intake.Profile));
    }

    [Fact]
    public async Task Planning_a_pregnancy_means_not_pregnant_now_and_is_not_asked_again()
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await Woman.AnswerUntilAsync(bot, IntakeField.Pregnancy, group: true);

        await bot.SendAsync("she's planning a pregnancy");

        // Planned, so not under way: taken as not pregnant now rather than asked again.
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(true, intake.Profile.PregnancyPlanned);
        Assert.Equal(false, intake.Profile.Pregnant);
        Assert.DoesNotContain(IntakeField.Pregnancy, intake.PendingFields());
    }

    [Theory]
    [InlineData("no")]
    [InlineData("none")]
    [InlineData("neither")]
    [InlineData("nope, neither")]
    [InlineData("nothing like that")]
    public async Task A_bare_negative_answers_what_the_group_says_it_answers(string answer)
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await Woman.AnswerUntilAsync(bot, IntakeField.Pregnancy, group: true);

        var afterPregnancy = await bot.SendAsync(answer);
        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal(false, profile.Pregnant);
        Assert.Equal(false, profile.PregnancyPlanned);

        // Then the preferences-and-access group, reached by the usual answers in between.
        await new CaseScript(Woman).AnswerUntilSummaryAsync(bot, afterPregnancy, stopAt: IntakeField.Preferences, stopAtGroup: true);
        Assert.Equal(Access, (await bot.ReadStateAsync()).Intake!.PendingFields());
        await bot.SendAsync(answer);
        profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal([], profile.Preferences!);
        Assert.Equal([], profile.Unavailable!);
    }

    [Fact]
    public async Task A_bare_negative_never_answers_a_field_outside_its_group()
    {
        // "Neither" is no pregnancy and no plans; whether she could become pregnant is never set from it. The question
        // invited "she can't become pregnant", so left unsaid it stays unknown (the advisor's cautious default) and is
        // not asked again on its own.
        var pregnancy = FieldRegistry.GroupOf(IntakeField.Pregnancy)!;
        Assert.False(FieldRegistry.Get(IntakeField.ChildbearingPotential).IsKnown(pregnancy.BareNegative!));
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await Woman.AnswerUntilAsync(bot, IntakeField.Pregnancy, group: true);

        var replies = await bot.SendAsync("neither");
        Assert.Null((await bot.ReadStateAsync()).Intake!.Profile.ChildbearingPotential);

        var script = new CaseScript(Woman);
        await script.AnswerUntilSummaryAsync(bot, replies);
        Assert.DoesNotContain(IntakeField.ChildbearingPotential, script.Asked);
        Assert.Null((await bot.ReadStateAsync()).Intake!.Profile.ChildbearingPotential);
    }

    [Theory]
    [InlineData("neither, she has a contraceptive implant and no plans")]
    [InlineData("no, Mirena in place")]
    public async Task An_answer_with_another_fact_answers_the_question_and_notes_the_fact(string reply)
    {
        // The extra fact (she could become pregnant) is noted, and the question it came with is not asked again.
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await Woman.AnswerUntilAsync(bot, IntakeField.Pregnancy, group: true);

        var replies = await bot.SendAsync(reply);

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.False(intake.Profile.Pregnant);
        Assert.False(intake.Profile.PregnancyPlanned);
        Assert.True(intake.Profile.ChildbearingPotential);
        Assert.DoesNotContain(replies, r => r.Text == Texts.Question(Pregnancy, Audience.Clinician));
        Assert.DoesNotContain(IntakeField.Pregnancy, intake.PendingFields());
    }

    [Fact]
    public async Task A_bare_yes_cannot_say_which_and_is_asked_again()
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await Woman.AnswerUntilAsync(bot, IntakeField.Pregnancy, group: true);

        var replies = await bot.SendAsync("yes");

        Assert.Equal(Texts.Retry(Pregnancy, Audience.Clinician), Assert.Single(replies).Text);
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Null(intake.Profile.Pregnant);
        Assert.Null(intake.Profile.PregnancyPlanned);
        Assert.Equal(Pregnancy, intake.PendingFields());
    }

    [Theory]
    [InlineData("don't know")]
    [InlineData("not sure")]
    [InlineData("skip")]
    public async Task A_way_out_passes_the_whole_group_the_first_time_and_says_what_is_assumed(string wayOut)
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await Woman.AnswerUntilAsync(bot, IntakeField.Preferences, group: true);

        var replies = await bot.SendAsync(wayOut);

        Assert.Equal(Texts.Assumption(Access, Audience.Clinician), replies[0].Text);
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.All(Access, f => Assert.Contains(f, intake.Skipped));
        Assert.All(Access, f => Assert.False(FieldRegistry.Get(f).IsKnown(intake.Profile)));
        Assert.DoesNotContain(intake.PendingFields(), Access.Contains);
    }

    [Fact]
    public async Task An_emergency_typed_at_a_group_question_wins()
    {
        await using var bot = new BotTestClient(output, replace: services =>
        {
            TestAdvisors.EveryUnknownV2FieldMatters(services);
            TestRecogniser.Except(text => text == "she has the worst headache of her life and is vomiting"
                ? new MessageMeaning { Emergency = Bleeding.Critical }
                : null)(services);
        });
        await Woman.AnswerUntilAsync(bot, IntakeField.Pregnancy, group: true);

        var replies = await bot.SendAsync("she has the worst headache of her life and is vomiting");

        Assert.DoesNotContain(replies, r => r.Text == Texts.Retry(Pregnancy, Audience.Clinician));
        Assert.True(IsAssessment(replies), "the emergency answer comes at once");
        Assert.Equal(Bleeding.Critical, (await bot.ReadStateAsync()).Intake!.Profile.Bleeding);
    }

    [Fact]
    public async Task The_flow_asks_what_the_recogniser_left_out_of_a_group_reply()
    {
        // The recogniser (mocked) reads one field of the group's reply: the other is asked next, on its own.
        await using var bot = new BotTestClient(output, replace: services =>
        {
            TestAdvisors.EveryUnknownV2FieldMatters(services);
            TestRecogniser.Except(_ => null, group: text => text == "the tablet one"
                ? new MessageMeaning { Facts = new PatientProfile { Preferences = [Preference.Oral] }, FactFields = [IntakeField.Preferences] }
                : null)(services);
        });
        await Woman.AnswerUntilAsync(bot, IntakeField.Preferences, group: true);

        var replies = await bot.SendAsync("the tablet one");

        Asks(replies, IntakeField.Unavailable);
        Assert.Equal([Preference.Oral], (await bot.ReadStateAsync()).Intake!.Profile.Preferences!);
    }
}
