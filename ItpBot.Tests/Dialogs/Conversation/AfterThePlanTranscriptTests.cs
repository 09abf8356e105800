using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// What the plan needs before it can be given, and what refines it after: with no spleen, whether the vaccinations
/// are current changes neither the choice nor its safety (the plan says to keep them current whatever the status),
/// so it is not asked before the plan; the plan carries the step, and the user may add the status then.
/// </summary>
public sealed class AfterThePlanTranscriptTests(ITestOutputHelper output)
{
    [Fact]
    public async Task With_no_spleen_the_vaccinations_are_not_asked_before_the_plan_and_the_plan_keeps_them_current()
    {
        await using var bot = new BotTestClient(output);
        // The typical case has no line for the vaccinations: asking them fails the run.
        var answers = CaseScript.With((IntakeField.Splenectomy, "yes, in 2016"));

        ShowsCaseSummary(await answers.AnswerUntilSummaryAsync(bot, await bot.SendAsync("start")));
        var replies = await bot.SendAsync("looks right");

        ShowsAssessment(replies);
        Assert.DoesNotContain(IntakeField.Vaccinations, answers.Asked);
        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Null(profile.VaccinationsUpToDate);

        // The plan itself keeps the vaccinations current, and lists their status among what would refine it.
        var assessment = bot.Services.GetRequiredService<ITreatmentAdvisor>().Assess(profile);
        Assert.Contains(assessment.Alerts, a => a.Code == AlertCodes.AspleniaCare && a.Text.Contains("vaccination", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(ProfileFields.VaccinationsUpToDate, assessment.Missing);
    }

    [Fact]
    public void The_intake_never_asks_a_field_kept_for_after_the_plan()
    {
        Assert.All(FieldRegistry.All.Where(f => f.AskWhen == AskWhen.AfterThePlan), f => Assert.False(f.IsAsked, f.Id.ToString()));
        Assert.Contains(FieldRegistry.All, f => f.Id == IntakeField.Vaccinations && f.AskWhen == AskWhen.AfterThePlan);
    }
}
