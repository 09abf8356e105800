using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;
using ItpBot.Storage;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace ItpBot.Tests.Storage;

/// <summary>
/// State documents written by an earlier build (stored in <c>StateDocuments/</c>, taken with the build before the
/// state reader was rewritten) still read: a conversation stored mid-intake goes on to the same next question, and one
/// stored at the confirmation ends in the plan. <c>ITPBOT_STATE_DOCUMENTS_CAPTURE=1</c> re-takes them with this build.
/// </summary>
public sealed class StateDocumentsCompatTests : IAsyncLifetime
{
    private const string ConversationId = "state-compat-conversation";
    private static readonly string Folder = SharedFolder.InRepository("ItpBot.Tests", "Storage", "StateDocuments");
    private ConnectorSink _sink = null!;

    public async Task InitializeAsync() => _sink = await ConnectorSink.StartAsync();

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task A_conversation_stored_mid_intake_goes_on_to_the_next_question()
    {
        var replies = await ReplayAsync("mid-intake", ["start", "12"], "nosebleeds");
        Assert.Equal(ConversationTexts.Default.Question(IntakeField.TimeSinceDiagnosis, Audience.Clinician), replies.LastOrDefault()?.Text);
    }

    [Fact]
    public async Task A_conversation_stored_at_the_confirmation_ends_in_the_plan()
    {
        var replies = await ReplayAsync(
            "at-confirmation",
            ["52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy", "none", "none", "70 kg", "none", "all available"],
            "yes");
        Assert.Contains(replies, reply => reply.Attachments?.Any(a => a.ContentType == AssessmentCard.ContentType) == true);
    }

    /// <summary>Stores the named documents in a fresh host (or, capturing, writes them after <paramref name="before"/>), then sends <paramref name="next"/>.</summary>
    private async Task<List<Microsoft.Bot.Schema.Activity>> ReplayAsync(string name, string[] before, string next)
    {
        var file = Path.Combine(Folder, name + ".json");
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });
        var store = host.Services.GetRequiredService<IStateDocumentStore>();
        var keys = new[] { $"emulator/conversations/{ConversationId}", "emulator/users/user-1" };
        if (Environment.GetEnvironmentVariable("ITPBOT_STATE_DOCUMENTS_CAPTURE") == "1")
        {
            foreach (var text in before)
            {
                await host.Client.RepliesAsync(_sink.ServiceUrl, ConversationId, text);
            }

            var documents = new Dictionary<string, string>();
            foreach (var key in keys)
            {
                documents[key] = (await store.ReadAsync(key, default))!.Json;
            }

            Directory.CreateDirectory(Folder);
            await File.WriteAllTextAsync(file, JsonConvert.SerializeObject(documents, Formatting.Indented));
        }

        var stored = JsonConvert.DeserializeObject<Dictionary<string, string>>(await File.ReadAllTextAsync(file))!;
        Assert.Equal(keys.Order(), stored.Keys.Order());
        foreach (var (key, document) in stored)
        {
            // Saved "now", so the time to live does not expire the fixture.
            await store.WriteAsync(key, Resaved(document), WriteCondition.None, default);
        }

        var message = Activities.Message(_sink.ServiceUrl, ConversationId, next);
        message.DeliveryMode = Microsoft.Bot.Schema.DeliveryModes.ExpectReplies;
        var response = await host.Client.PostActivityAsync(message);
        Assert.True(response.IsSuccessStatusCode, $"'{next}' answered {response.StatusCode}");
        var replies = JsonConvert.DeserializeObject<Microsoft.Bot.Schema.ExpectedReplies>(await response.Content.ReadAsStringAsync())!;
        return replies.Activities.Where(a => a.Type == Microsoft.Bot.Schema.ActivityTypes.Message).ToList();
    }

    private static string Resaved(string document)
    {
        const string prefix = "{\"SavedAt\":";
        Assert.StartsWith(prefix, document, StringComparison.Ordinal);
        var end = document.IndexOf(",\"State\":", StringComparison.Ordinal);
        return prefix + JsonConvert.ToString(DateTimeOffset.UtcNow) + document[end..];
    }
}
