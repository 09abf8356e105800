using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using Microsoft.Bot.Schema;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// Plays the user through the intake: answers whatever question is pending with this script's answer for it, and
/// records which questions were asked, until the case comes back for confirmation. Each answer is asserted to be
/// the reply to its own question.
/// </summary>
internal sealed class CaseScript(IReadOnlyDictionary<IntakeField, string> answers)
{
    private readonly IReadOnlyDictionary<IntakeField, string> answers = answers;

    /// <summary>A 52-year-old man with chronic ITP, one answer per question.</summary>
    public static readonly IReadOnlyDictionary<IntakeField, string> Typical = new Dictionary<IntakeField, string>
    {
        [IntakeField.PlateletCount] = "12",
        [IntakeField.Bleeding] = "nosebleeds",
        [IntakeField.TimeSinceDiagnosis] = "3 years ago",
        [IntakeField.PriorTreatments] = "prednisone worked then relapsed, eltrombopag did nothing",
        [IntakeField.Splenectomy] = "no",
        [IntakeField.Antithrombotics] = "none",
        [IntakeField.Comorbidities] = "none",
        [IntakeField.Age] = "52",
        [IntakeField.Sex] = "male",
        [IntakeField.Weight] = "80 kg",
        [IntakeField.Pregnancy] = "no",
        [IntakeField.Ancestry] = "no",
        [IntakeField.Preferences] = "none",
        [IntakeField.Unavailable] = "all available",
    };

    /// <summary>
    /// A 30-year-old woman whose plan can include eltrombopag: with every contract-v2 fact reported as needed, every
    /// question the registry asks is reached (both question groups too), each answered in the usual words.
    /// </summary>
    public static readonly IReadOnlyDictionary<IntakeField, string> EveryQuestion = new Dictionary<IntakeField, string>(Typical)
    {
        [IntakeField.PriorTreatments] = "prednisone worked then relapsed",
        [IntakeField.Age] = "30",
        [IntakeField.Sex] = "female",
        [IntakeField.Weight] = "65 kg",
        [IntakeField.PregnancyPlanned] = "no",
        [IntakeField.ChildbearingPotential] = "yes",
        [IntakeField.Vaccinations] = "yes, all up to date",
        [IntakeField.CurrentDrugs] = "none",
        [IntakeField.Haemoglobin] = "12.5",
        [IntakeField.Alt] = "normal",
        [IntakeField.HbvStatus] = "negative",
        [IntakeField.Procedure] = "dental extraction",
    };

    /// <summary>For each field in a question group, a reply that answers it and none of its group-mates.</summary>
    public static readonly IReadOnlyDictionary<IntakeField, string> StatedAlone = new Dictionary<IntakeField, string>
    {
        [IntakeField.Pregnancy] = "not pregnant",
        [IntakeField.PregnancyPlanned] = "no plans for a baby",
        [IntakeField.Preferences] = "oral only",
        [IntakeField.Unavailable] = "all available",
        [IntakeField.Splenectomy] = "no splenectomy",
        [IntakeField.Antithrombotics] = "no blood thinners",
        [IntakeField.Comorbidities] = "no other conditions",
        // A list left open: it says nothing of the blood thinners asked in the same part.
        [IntakeField.CurrentDrugs] = "takes metformin",
        [IntakeField.Age] = "aged 52",
        [IntakeField.Sex] = "male",
        [IntakeField.Weight] = "80 kg",
    };

    // Every question the registry can ask, once each, with room to spare.
    private const int MaxAnswers = 30;

    public List<IntakeField> Asked { get; } = [];

    /// <summary>The voice the questions are expected in.</summary>
    public Audience Audience { get; init; } = Audience.Clinician;

    public static CaseScript With(params (IntakeField Field, string Answer)[] changes)
    {
        var answers = new Dictionary<IntakeField, string>(Typical);
        foreach (var (field, answer) in changes)
        {
            answers[field] = answer;
        }

        return new CaseScript(answers);
    }

    public CaseScript InPatientVoice() => new(answers) { Audience = Audience.Patient };

    public CaseScript Without(IntakeField field)
    {
        var answers = new Dictionary<IntakeField, string>(this.answers);
        answers.Remove(field);
        return new CaseScript(answers) { Audience = Audience };
    }

    /// <summary>Answers until the case summary is shown (or the turn limit is hit); returns the last turn's replies.</summary>
    /// <param name="stopAt">Stop, without answering, when this question is asked.</param>
    /// <param name="stopAtGroup">
    /// Stop at the group question that asks <paramref name="stopAt"/> with others; otherwise its group-mates are
    /// answered first, so that <paramref name="stopAt"/> is asked on its own.
    /// </param>
    public async Task<IReadOnlyList<IMessageActivity>> AnswerUntilSummaryAsync(
        BotTestClient bot, IReadOnlyList<IMessageActivity> lastReplies, IntakeField? stopAt = null, bool stopAtGroup = false)
    {
        for (var turn = 0; turn < MaxAnswers; turn++)
        {
            if (lastReplies.Count > 0 && ConversationAssert.IsCaseSummary(lastReplies[^1]))
            {
                return lastReplies;
            }

            var intake = (await bot.ReadStateAsync()).Intake;
            var pending = intake?.Pending;
            Assert.True(pending is not null, $"nothing pending and no summary; last reply: {lastReplies.LastOrDefault()?.Text}");
            var asked = intake!.PendingFields();
            Assert.NotEmpty(lastReplies);
            Assert.Equal(ConversationTexts.Default.Question(asked, Audience), lastReplies[^1].Text);
            if (stopAt is { } target && asked.Contains(target) && (asked.Count == 1 || stopAtGroup))
            {
                return lastReplies;
            }

            if (stopAt is { } mate && asked.Contains(mate))
            {
                // The field under test is asked with its group: its group-mates are answered, so it is then asked alone.
                // A group no bare "no" answers takes the script's own lines ("74; 80 kg"); another, words that
                // answer each mate alone (the script's "no" would answer the whole group).
                var group = global::ItpBot.Dialogs.Conversation.Fields.FieldRegistry.GroupOf(mate)!;
                var mates = asked.Where(f => f != mate);
                lastReplies = await bot.SendAsync(group.BareNegative is null
                    ? string.Join("; ", mates.Select(f => answers.TryGetValue(f, out var line) ? line : StatedAlone[f]))
                    : string.Join(", ", mates.Select(f => StatedAlone[f])));
                continue;
            }

            // A group question gets the lines of the fields it asks, in order ("no; none; none"), as a user answers
            // it part by part.
            Asked.AddRange(asked);
            Assert.True(answers.ContainsKey(pending.Value), $"{pending.Value} was asked, and this case must never ask it");
            lastReplies = await bot.SendAsync(string.Join("; ", asked.Where(answers.ContainsKey).Select(f => answers[f])));
        }

        throw new Xunit.Sdk.XunitException($"no case summary after {MaxAnswers} answers; asked {string.Join(", ", Asked)}");
    }
}
