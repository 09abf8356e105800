using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// A way out at every question: for every field of the registry that is asked, "don't know", "not sure", "skip" and
/// "no idea" are accepted the first time (no retry), the bot says what it will assume, and the question is not
/// asked again for this case.
/// </summary>
public sealed class WayOutTests(ITestOutputHelper output)
{
    private static readonly string[] WaysOut = ["don't know", "not sure", "skip", "no idea"];

    private static IReadOnlyDictionary<IntakeField, string> EveryQuestionAnswered => CaseScript.EveryQuestion;

    public static TheoryData<IntakeField, string> EveryAskedFieldAndWayOut
    {
        get
        {
            var data = new TheoryData<IntakeField, string>();
            // A field a group's question invites is asked alone only after that group went unanswered: its way out is
            // WhoIsTypingTranscriptTests' (InvitedFieldWayOutTranscriptTests).
            foreach (var entry in FieldRegistry.All.Where(f => f.IsAsked && !FieldRegistry.Groups.Any(g => g.Invites.Contains(f.Id))))
            {
                foreach (var wayOut in WaysOut)
                {
                    data.Add(entry.Id, wayOut);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Every_asked_field_is_reached_by_this_case() =>
        Assert.All(FieldRegistry.All.Where(f => f.IsAsked), f => Assert.True(EveryQuestionAnswered.ContainsKey(f.Id), $"{f.Id} has no answer here"));

    [Theory]
    [MemberData(nameof(EveryAskedFieldAndWayOut))]
    public async Task A_way_out_is_accepted_the_first_time_and_the_bot_says_what_it_will_assume(IntakeField field, string wayOut)
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        await EveryQuestionAnswered.AnswerUntilAsync(bot, field);

        var replies = await bot.SendAsync(wayOut);

        Assert.Equal(ConversationTexts.Default.Assumption(field, Audience.Clinician), replies[0].Text);
        Assert.DoesNotContain(replies, r => r.Text == Retry(field));
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Contains(field, intake.Skipped);
        Assert.NotEqual(field, intake.Pending);
        Assert.False(FieldRegistry.Get(field).IsKnown(intake.Profile), $"'{wayOut}' was read as a value for {field}");
    }
}
