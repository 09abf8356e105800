using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// Whole intakes in natural words, from a one-line summary to the plan, as data (ItpBot.Tests/Corpus/Intakes/, one
/// file per user; its README gives the shape): each runs through the real dialog stack and must reach the assessment
/// within its turns and re-prompts, in its user's voice, with the fields it expects in the case that is assessed.
/// The user answers whatever is asked with the script's line for it; a question the script has no line for fails the
/// run (the summary already said it, or it should not have been asked).
/// </summary>
public sealed class ScriptedIntakeTests(ITestOutputHelper output)
{
    // ITPBOT_INTAKES runs another folder of scripts through the same checks (a held-out set kept outside the repository).
    private static readonly string Folder = Environment.GetEnvironmentVariable("ITPBOT_INTAKES") is { Length: > 0 } other
        ? other
        : Path.Combine(AppContext.BaseDirectory, "Corpus", "Intakes");

    public static TheoryData<string> Scripts => new(Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).OfType<string>().Order());

    [Fact]
    public void The_corpus_holds_at_least_ten_scripts_each_complete()
    {
        var scripts = Directory.GetFiles(Folder, "*.yaml").Select(IntakeScript.Load).ToList();

        Assert.True(scripts.Count >= 10, $"{scripts.Count} scripts");
        Assert.All(scripts, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Summary), s.Name);
            Assert.InRange(s.Expect.MaxTurns, 2, 8);
            Assert.InRange(s.Expect.MaxReprompts, 0, 1);
            Assert.NotEmpty(s.Expect.Profile);
            Assert.All(s.Expect.Profile, name => Assert.NotNull(FieldRegistry.ForContractName(name)));
            Assert.True(s.KnownMiss is not null || s.ExtraTurns == 0, $"{s.Name}: extra turns without the known miss they allow for");
        });
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task A_natural_words_intake_reaches_the_plan_within_its_turns_and_reprompts(string file)
    {
        var script = IntakeScript.Load(Path.Combine(Folder, file));
        await using var bot = new BotTestClient(output);
        output.WriteLine($"-- {script.Name}");

        var replies = await bot.SendAsync(script.Summary);
        var turns = 1;
        var reprompts = 0;
        var confirmed = false;
        var allowed = script.Expect.MaxTurns + script.ExtraTurns;
        while (!IsAssessment(replies))
        {
            Assert.True(turns < allowed, $"{script.Name}: no plan after {turns} turns");
            var intake = (await bot.ReadStateAsync()).Intake!;
            var next = NextLine(script, replies, intake);
            confirmed |= next == script.Confirm;
            replies = await bot.SendAsync(next);
            turns++;
            reprompts += replies.Count(r => IsRetry(r.Text, intake, To(script, intake)));
        }

        output.WriteLine($"-- {script.Name}: {turns} turns (target {script.Expect.MaxTurns}), {reprompts} re-prompts");
        if (script.KnownMiss is { } miss)
        {
            output.WriteLine($"-- known miss, allowed {script.ExtraTurns} extra turn(s) until fixed: {miss}");
        }

        Assert.True(confirmed, $"{script.Name}: the case was never shown back");
        Assert.True(turns <= allowed, $"{script.Name}: {turns} turns");
        Assert.True(reprompts <= script.Expect.MaxReprompts, $"{script.Name}: {reprompts} re-prompts");

        var state = await bot.ReadStateAsync();
        Assert.Equal(script.Audience, state.Settings?.Audience ?? Audience.Clinician);
        var missing = script.Expect.Profile.Where(name => !FieldRegistry.ForContractName(name)!.IsKnown(state.Intake!.Profile)).ToList();
        Assert.True(missing.Count == 0, $"{script.Name}: not in the assessed case: {string.Join(", ", missing)}");
    }

    /// <summary>The script's line for whatever the last reply asks.</summary>
    private static string NextLine(IntakeScript script, IReadOnlyList<IMessageActivity> replies, IntakeState intake)
    {
        if (replies.Count > 0 && IsCaseSummary(replies[^1]))
        {
            return script.Confirm;
        }

        if (intake.OpenTreatments.Count > 0)
        {
            // "Which corticosteroid was it?" gets the first name offered; "How did X go?" the script's outcome line.
            return intake.OpenTreatments[0].Therapy is null || script.Outcome is null
                ? replies[^1].SuggestedActions.Actions[0].Title
                : script.Outcome;
        }

        Assert.True(intake.Pending is not null, $"{script.Name}: nothing pending; last reply: {replies.LastOrDefault()?.Text}");

        // A question group is answered with the script's line for the group (by its id), a single question by the
        // field's; a script with no line for the group (written before it existed) joins its lines for the fields
        // asked, in order, with "; ".
        var asked = intake.PendingFields();
        var key = asked.Count > 1 ? FieldRegistry.GroupOf(asked[0])!.Id : asked[0].ToString();
        if (!script.Answers.TryGetValue(key, out var line) && asked.Count > 1)
        {
            var missing = asked.Where(f => !script.Answers.ContainsKey(f.ToString())).ToList();
            Assert.True(missing.Count == 0,
                $"{script.Name}: {key} was asked, with no line for it nor for {string.Join(", ", missing)}, which the summary already said or which should not be asked");
            line = string.Join("; ", asked.Select(f => script.Answers[f.ToString()]));
        }

        Assert.True(line is not null,
            $"{script.Name}: {key} was asked, which the summary already said or which should not be asked");

        // Asked in the user's voice: "you" to a patient, the patient by pronoun to a caregiver once the sex is known.
        var to = To(script, intake);
        Assert.False(IsRetry(replies[^1].Text, intake, to), $"{script.Name}: the line for {key} was not understood (re-prompted)");
        Assert.Equal(ConversationTexts.Default.Question(asked, to), replies[^1].Text);
        if (script.Pronoun is { } pronoun && intake.Profile.Sex is { } sex)
        {
            Assert.Equal(pronoun == "she" ? Sex.Female : Sex.Male, sex);
        }

        return line!;
    }

    private static Addressee To(IntakeScript script, IntakeState intake) =>
        new(script.Audience, script.Voice == "caregiver", intake.Profile.Sex);

    private static bool IsRetry(string? text, IntakeState before, Addressee to)
    {
        var messages = ConversationTexts.Default.Messages;
        return before.Pending is not null && text == ConversationTexts.Default.Retry(before.PendingFields(), to)
            || before.OpenTreatments.Count > 0 && text is not null
                && (StartsLike(text, messages.HowDidItGoRetry) || StartsLike(text, messages.WhichOfClassRetry));
    }

    private static bool StartsLike(string text, Voiced retry) =>
        new[] { retry.Clinician, retry.Patient }.Any(t => text.StartsWith(t[..t.IndexOf('{', StringComparison.Ordinal)], StringComparison.Ordinal));
}

/// <summary>One scripted intake file (see ItpBot.Tests/Corpus/Intakes/README.md).</summary>
internal sealed class IntakeScript
{
    public string Name { get; set; } = string.Empty;

    public string Voice { get; set; } = "clinician";

    public string? Pronoun { get; set; }

    public string Summary { get; set; } = string.Empty;

    public Dictionary<string, string> Answers { get; set; } = [];

    public string? Outcome { get; set; }

    public string Confirm { get; set; } = "looks right";

    public Expectations Expect { get; set; } = new();

    public string? KnownMiss { get; set; }

    public int ExtraTurns { get; set; }

    public Audience Audience => Voice == "clinician" ? Audience.Clinician : Audience.Patient;

    public static IntakeScript Load(string path)
    {
        var script = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<IntakeScript>(File.ReadAllText(path));
        foreach (var key in script.Answers.Keys)
        {
            Assert.True(Enum.TryParse<IntakeField>(key, out _) || FieldRegistry.Groups.Any(g => g.Id == key),
                $"{path}: answers.{key} is neither an intake field nor a question group");
        }

        Assert.Contains(script.Voice, new[] { "clinician", "patient", "caregiver" });
        return script;
    }

    public sealed class Expectations
    {
        public int MaxTurns { get; set; } = 8;

        public int MaxReprompts { get; set; } = 1;

        public List<string> Profile { get; set; } = [];
    }
}
