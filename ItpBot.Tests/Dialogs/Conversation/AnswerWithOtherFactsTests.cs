using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// A reply that gives another fact at an open question, CoreBot-style: the fact is noted, and the question's own
/// prompt reads the rest, so an answer in the same reply is taken and a reply without one counts as an attempt (the
/// same question never comes back for ever).
/// </summary>
public sealed class AnswerWithOtherFactsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_outcome_with_another_fact_is_taken_and_the_fact_noted()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments);
        Assert.StartsWith("How did Eltrombopag go?", Assert.Single(await bot.SendAsync("eltrombopag")).Text);

        var replies = await bot.SendAsync("it did nothing, and she takes apixaban");

        // The blood thinner is known: the history question asks the rest of its group, and not about thinners, but
        // still about the other medicines ("any other medicines now?"), which the thinner alone does not tell.
        AsksTogether(replies, Audience.Clinician, IntakeField.Splenectomy, IntakeField.Comorbidities, IntakeField.CurrentDrugs);
        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal([new PriorTreatment(TherapyIds.Eltrombopag, TreatmentOutcome.NoResponse)], profile.PriorTreatments);
        Assert.Equal([Antithrombotic.Anticoagulant], profile.Antithrombotics);
    }

    [Fact]
    public async Task Another_fact_without_an_outcome_counts_as_an_attempt_and_the_intake_moves_on()
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, IntakeField.PriorTreatments);
        var question = Assert.Single(await bot.SendAsync("eltrombopag")).Text;

        var asked = 0;
        for (var turn = 0; turn < 4 && (await bot.ReadStateAsync()).Intake!.OpenTreatments.Count > 0; turn++)
        {
            var replies = await bot.SendAsync("she takes apixaban");
            asked += replies.Count(r => r.Text == question);
        }

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Empty(intake.OpenTreatments);
        Assert.Equal(0, asked);
        Assert.Equal([Antithrombotic.Anticoagulant], intake.Profile.Antithrombotics);
    }
}
