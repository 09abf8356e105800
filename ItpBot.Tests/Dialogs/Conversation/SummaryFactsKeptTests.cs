using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// Every fact a case summary gives, and the bot shows back, is in the case the plan and the assessment use: a
/// summary that fills field F is never followed by a question for F. Over every field of the registry, each stated
/// beside a count given in a correction's shape ("count is 20") and a prior treatment, the mix that once lost
/// the contract-v2 fields (a correction rebuilt the profile from the first contract's fields only).
/// </summary>
public sealed class SummaryFactsKeptTests(ITestOutputHelper output)
{
    private const string Base = "count is 20, prednisone worked then relapsed";

    /// <summary>One way a summary states each field; every registry field has one (checked below).</summary>
    private static readonly IReadOnlyDictionary<IntakeField, string> Stated = new Dictionary<IntakeField, string>
    {
        [IntakeField.PlateletCount] = "platelets 20",
        [IntakeField.Bleeding] = "nosebleeds",
        [IntakeField.TimeSinceDiagnosis] = "diagnosed 3 years ago",
        [IntakeField.PriorTreatments] = "rituximab did nothing",
        [IntakeField.Splenectomy] = "no splenectomy",
        [IntakeField.Antithrombotics] = "on aspirin",
        [IntakeField.Comorbidities] = "hypertension",
        [IntakeField.Age] = "aged 52",
        [IntakeField.Sex] = "female",
        [IntakeField.Weight] = "weighs 70 kg",
        [IntakeField.Pregnancy] = "34F, 20 weeks pregnant",
        [IntakeField.Ancestry] = "Japanese",
        [IntakeField.Preferences] = "prefers tablets",
        [IntakeField.Unavailable] = "no access to romiplostim",
        [IntakeField.UpcomingProcedure] = "dental extraction next week",
        [IntakeField.PregnancyPlanned] = "34F, wants to get pregnant next year",
        [IntakeField.ChildbearingPotential] = "34F, premenopausal",
        [IntakeField.Vaccinations] = "splenectomised 2015, vaccinations up to date",
        [IntakeField.CurrentDrugs] = "takes apixaban",
        [IntakeField.Haemoglobin] = "Hb 8.1",
        [IntakeField.Alt] = "ALT 4x ULN",
        [IntakeField.HbvStatus] = "HBsAg negative",
        [IntakeField.Procedure] = "epidural planned",
        [IntakeField.Question] = "what next?",
    };

    public static TheoryData<IntakeField> EveryField => new(FieldRegistry.All.Select(f => f.Id));

    [Fact]
    public void Every_registry_field_has_a_way_it_is_stated_here() =>
        Assert.Equal(FieldRegistry.All.Select(f => f.Id).Order(), Stated.Keys.Order());

    [Theory]
    [MemberData(nameof(EveryField))]
    public async Task A_field_the_summary_fills_is_kept_and_never_asked_again(IntakeField field)
    {
        await using var bot = new BotTestClient(output, replace: TestAdvisors.EveryUnknownV2FieldMatters);
        var summary = $"{Base}, {Stated[field]}";

        var replies = await bot.SendAsync(summary);

        var names = bot.Services.GetRequiredService<CaseSummaryText>();
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.True(FieldRegistry.Get(field).IsKnown(intake.Profile), $"'{summary}' did not fill {field}");
        AssertShownIsStored(replies, intake.Profile, names.Name);

        for (var turn = 0; !IsAssessment(replies); turn++)
        {
            Assert.True(turn < 30, "no assessment after 30 answers");
            Assert.NotEqual(field, intake.Pending);
            replies = await bot.SendAsync(NextAnswer(replies, intake));
            intake = (await bot.ReadStateAsync()).Intake!;
            AssertShownIsStored(replies, intake.Profile, names.Name);
        }

        Assert.True(FieldRegistry.Get(field).IsKnown(intake.Profile), $"{field} was lost before the assessment");
    }

    /// <summary>Every "Label: value" line the bot shows ("Noted:", the case back) is that value in the stored case.</summary>
    private static void AssertShownIsStored(IReadOnlyList<IMessageActivity> replies, PatientProfile stored, Func<string, string> names)
    {
        foreach (var line in replies.SelectMany(r => (r.Text ?? string.Empty).Split('\n')).Where(l => l.StartsWith("- ", StringComparison.Ordinal)))
        {
            if (FieldRegistry.All.FirstOrDefault(f => line.StartsWith($"- {f.Label}: ", StringComparison.Ordinal)) is not { } entry)
            {
                continue;
            }

            var shown = line[$"- {entry.Label}: ".Length..];
            var kept = entry.Show(stored, names);
            Assert.True(kept is not null && Markdown(kept) == shown, $"shown '{line}', but the case holds {entry.Id}: '{kept ?? "nothing"}'");
        }
    }

    private static string Markdown(string value) => ItpBot.Dialogs.Replies.MarkdownText.Escape(value);

    private static string NextAnswer(IReadOnlyList<IMessageActivity> replies, IntakeState intake) =>
        replies.Count > 0 && IsCaseSummary(replies[^1]) ? "looks right"
        : intake.OpenTreatments.Count > 0 ? intake.OpenTreatments[0].Therapy is null ? replies[^1].SuggestedActions.Actions[0].Title : "relapsed"
        : "not sure";
}
