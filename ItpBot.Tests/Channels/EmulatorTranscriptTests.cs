using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Conversation;
using ItpBot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ItpBot.Tests.Channels;

/// <summary>
/// A full case through the real host on Kestrel, as the Emulator drives it (activities posted to /api/messages, the
/// replies received at a loopback connector), recorded as a Bot Framework Emulator .transcript: a JSON array of the
/// user's and the bot's activities in order, the shape TranscriptLoggerMiddleware/FileTranscriptLogger write. Written
/// to the test output always, and to docs/transcripts/ with ITPBOT_UPDATE_TRANSCRIPTS=1.
/// </summary>
public sealed class EmulatorTranscriptTests : IAsyncLifetime
{
    public const string FileName = "full-case.transcript";
    private const string FreeTextCase = "52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy";

    private readonly List<Activity> _transcript = [];
    private RunningBotHost _host = null!;
    private ConnectorSink _sink = null!;
    private string _conversationId = null!;

    public async Task InitializeAsync()
    {
        _sink = await ConnectorSink.StartAsync();
        _host = await RunningBotHost.StartAsync();
        _conversationId = "conv-" + Guid.NewGuid().ToString("N");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task A_full_case_is_recorded_as_an_Emulator_transcript()
    {
        var welcome = await TurnAsync(Activities.ConversationUpdate(_sink.ServiceUrl, _conversationId));
        Assert.Contains("ItpBot", welcome[0].Text);

        var replies = await SayAsync(FreeTextCase);
        for (var turn = 0; turn < 15 && !replies.Any(r => r.Text?.StartsWith("**The case as I have it:**", StringComparison.Ordinal) == true); turn++)
        {
            replies = await SayAsync(AnswerTo(replies[^1].Text));
        }

        var assessment = await SayAsync("yes");
        Assert.Contains(assessment, r => r.Attachments?.Any(a => a.ContentType == "application/vnd.microsoft.card.adaptive") == true);
        var dosing = assessment[^1].SuggestedActions.Actions.First(a => a.Title.StartsWith("Dosing of ", StringComparison.Ordinal));
        var answer = await SayAsync((string)dosing.Value);
        Assert.Contains(": dosing**", answer[0].Text);

        var path = Path.Combine(AppContext.BaseDirectory, "transcripts", FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, TranscriptJson.Write(_transcript));

        // Read back as the Emulator would: every activity typed, identified, timed, and from a user or the bot.
        var written = JArray.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal(ActivityTypes.ConversationUpdate, (string?)written[0]["type"]);
        Assert.All(written, a =>
        {
            Assert.False(string.IsNullOrEmpty((string?)a["id"]));
            Assert.NotNull(a["timestamp"]);
            Assert.Equal(_conversationId, (string?)a["conversation"]?["id"]);
            Assert.Contains((string?)a["from"]?["role"], new[] { RoleTypes.User, RoleTypes.Bot });
        });
        var roles = written.Select(a => (string?)a["from"]!["role"]).ToList();
        Assert.Equal(RoleTypes.User, roles[0]);
        Assert.Equal(RoleTypes.Bot, roles[1]);
        Assert.Contains(written, a => a["attachments"] is JArray attachments
            && attachments.Any(x => (string?)x["contentType"] == "application/vnd.microsoft.card.adaptive"));
        Assert.Equal(
            FreeTextCase,
            written.Where(a => (string?)a["from"]!["role"] == RoleTypes.User && (string?)a["type"] == ActivityTypes.Message).Select(a => (string?)a["text"]).First());

        if (Environment.GetEnvironmentVariable("ITPBOT_UPDATE_TRANSCRIPTS") == "1")
        {
            var docs = Path.Combine(SharedFolder.RepositoryRoot, "docs", "transcripts");
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, FileName), overwrite: true);
        }
    }

    private Task<IReadOnlyList<Activity>> SayAsync(string text) =>
        TurnAsync(Activities.Message(_sink.ServiceUrl, _conversationId, text));

    /// <summary>Posts the user's activity and returns the bot's replies; the post returns once the turn is done.</summary>
    private async Task<IReadOnlyList<Activity>> TurnAsync(Activity fromUser)
    {
        var before = _sink.All.Count;
        var response = await _host.Client.PostActivityAsync(fromUser);
        Assert.True(response.IsSuccessStatusCode, $"the host answered {response.StatusCode}");

        _transcript.Add(fromUser);
        var replies = _sink.All.Skip(before).Where(p => p.ConversationId == _conversationId).Select(p => p.Activity).ToList();
        foreach (var reply in replies)
        {
            // A real connector stamps what the bot sends on arrival; the loopback one leaves that to its reader.
            reply.Timestamp ??= DateTimeOffset.UtcNow;
        }

        _transcript.AddRange(replies);
        return replies;
    }

    /// <summary>The typical case's answer to whichever intake question the bot just asked.</summary>
    private static string AnswerTo(string? question)
    {
        // One field's question, or a question group's, whole or the part of it still wanted (answered part by part
        // with the fields' lines, "no; none; none").
        var groups = ItpBot.Dialogs.Conversation.Fields.FieldRegistry.Groups.SelectMany(g => Enumerable.Range(1, (1 << g.Fields.Count) - 1)
            .Select(mask => (IReadOnlyList<IntakeField>)g.Fields.Where((_, i) => (mask & (1 << i)) != 0).ToList())
            .Where(fields => fields.Count >= 2));
        var registry = ItpBot.Dialogs.Conversation.Fields.FieldRegistry.All.Where(f => f.IsAsked).Select(f => (IReadOnlyList<IntakeField>)[f.Id])
            .Concat(groups);
        var asked = registry.Single(fields => ConversationTexts.Default.Question(fields, Audience.Clinician) == question);
        return string.Join("; ", asked.Where(CaseScript.Typical.ContainsKey).Select(f => CaseScript.Typical[f]));
    }
}

/// <summary>Activities as a Bot Framework Emulator transcript (File > Open Transcript).</summary>
internal static class TranscriptJson
{
    public static string Write(IEnumerable<Activity> activities)
    {
        var written = activities.Select(activity =>
        {
            var copy = JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(activity))!;
            var fromUser = copy.From?.Id != "itpbot";
            copy.From ??= new ChannelAccount("itpbot", "ItpBot");
            copy.From.Role = fromUser ? RoleTypes.User : RoleTypes.Bot;
            if (copy.Recipient is not null)
            {
                copy.Recipient.Role = fromUser ? RoleTypes.Bot : RoleTypes.User;
            }

            // The connector assigns the ids of what the bot sends; the loopback one does not, so do it here.
            copy.Id ??= Guid.NewGuid().ToString("N");

            // The loopback connector's port means nothing outside this run.
            copy.ServiceUrl = null;
            return copy;
        });
        return JsonConvert.SerializeObject(written, new JsonSerializerSettings
        {
            Formatting = Formatting.Indented,
            NullValueHandling = NullValueHandling.Ignore,
        });
    }
}
