using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// The medicines taken now, asked in the blood-thinner part of the history question so that they cost no turn: the
/// reply fills the thinners and the other medicines at once, the case shown back lists them, and the plan's
/// interaction cautions use them. A summary that named only the thinners is still asked for the other medicines, once.
/// </summary>
public sealed class MedicinesNowTranscriptTests(ITestOutputHelper output)
{
    private static ConversationTexts Texts => ConversationTexts.Default;

    [Fact]
    public async Task The_medicines_part_fills_both_fields_and_is_shown_back_and_used_by_the_interactions()
    {
        await using var bot = new BotTestClient(output);
        var script = CaseScript.With(
            (IntakeField.PriorTreatments, "prednisone relapsed"),
            (IntakeField.Antithrombotics, "none"),
            (IntakeField.CurrentDrugs, "calcium carbonate and omeprazole"),
            (IntakeField.Preferences, "oral only"));

        var summary = ShowsCaseSummary(await script.AnswerUntilSummaryAsync(bot, await bot.SendAsync("start")));

        Assert.Contains(IntakeField.CurrentDrugs, script.Asked);
        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal([], profile.Antithrombotics!);
        Assert.Equal(["calcium carbonate", "omeprazole"], profile.CurrentDrugs!);
        Assert.Contains("Current drugs: calcium carbonate, omeprazole", summary);

        var assessment = ShowsAssessment(await bot.SendAsync("yes"));
        Assert.Contains(assessment.Actions, a => a.Title == "Interactions");
        var interactions = string.Join("\n", (await bot.SendAsync("Interactions")).Select(r => r.Text));
        Assert.Contains("polyvalent cations (calcium, iron, antacids) block eltrombopag absorption", interactions, StringComparison.Ordinal);
        Assert.Matches(@"block eltrombopag absorption[^\n]*\[\d+\]", interactions);
    }

    [Fact]
    public async Task A_summary_that_named_only_the_thinner_is_asked_for_the_other_medicines_once()
    {
        await using var bot = new BotTestClient(output);
        var replies = await bot.SendAsync("62M, plt 18, petechiae, ITP 3 years, prednisolone relapsed, on apixaban");

        IReadOnlyList<IntakeField> rest = [IntakeField.Splenectomy, IntakeField.Comorbidities, IntakeField.CurrentDrugs];
        Assert.Equal(rest, (await bot.ReadStateAsync()).Intake!.PendingFields());
        Assert.Equal(Texts.Question(rest, Audience.Clinician), replies[^1].Text);
        Assert.Contains("other medicines", replies[^1].Text, StringComparison.Ordinal);

        await bot.SendAsync("no; lansoprazole and ferrous sulphate; hypertension");
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(["apixaban", "lansoprazole", "ferrous sulphate"], intake.Profile.CurrentDrugs!);
        Assert.Equal([Antithrombotic.Anticoagulant], intake.Profile.Antithrombotics!);
        Assert.Equal([Comorbidity.Hypertension], intake.Profile.Comorbidities!);

        // Still holding only what the summary said and more, the medicines are not asked again.
        Assert.DoesNotContain(intake.PendingFields(), rest.Contains);
    }

    [Fact]
    public async Task No_blood_thinners_alone_leaves_the_other_medicines_unknown_and_not_asked_again()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("62M, plt 18, petechiae, ITP 3 years, prednisolone relapsed");

        await bot.SendAsync("no splenectomy, no blood thinners, diabetes");

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal([], intake.Profile.Antithrombotics!);
        Assert.Null(intake.Profile.CurrentDrugs);
        Assert.Contains(IntakeField.CurrentDrugs, intake.Asked);
        Assert.DoesNotContain(IntakeField.CurrentDrugs, intake.PendingFields());
    }

    [Fact]
    public void The_medicines_share_the_thinners_part_and_the_registry_checks_it()
    {
        var group = FieldRegistry.GroupOf(IntakeField.CurrentDrugs)!;
        Assert.Equal(IntakeField.Antithrombotics, group.PartOf(IntakeField.CurrentDrugs));
        Assert.Equal(3, group.Parts(group.Fields).Count);
        IReadOnlyList<IntakeField> noThinners = [IntakeField.Splenectomy, IntakeField.Comorbidities, IntakeField.CurrentDrugs];
        Assert.Equal([[IntakeField.Splenectomy], [IntakeField.CurrentDrugs], [IntakeField.Comorbidities]], group.Parts(noThinners));
        FieldRegistry.CheckGroups();
    }
}
