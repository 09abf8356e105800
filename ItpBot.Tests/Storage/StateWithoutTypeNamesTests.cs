using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using ItpBot.Storage;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace ItpBot.Tests.Storage;

/// <summary>
/// State on disk names no .NET type. Must hold: a real intake's stored documents carry no "$type"; a document written
/// the old way (with type names) still reads, and the intake goes on from it.
/// </summary>
public sealed class StateWithoutTypeNamesTests() : FileStateHostTest("itpbot-plain-")
{
    [Fact]
    public async Task Stored_state_has_no_type_names_and_documents_with_them_still_read()
    {
        var texts = ConversationTexts.Default;
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "file",
            ["Storage:File:Directory"] = StateFolder,
            ["RateLimiting:Enabled"] = "false",
        });
        Assert.Equal(texts.Question(IntakeField.PlateletCount, Audience.Clinician), await LastReplyAsync(host, conversationId, "start"));
        Assert.Equal(texts.Question(IntakeField.Bleeding, Audience.Clinician), await LastReplyAsync(host, conversationId, "12"));

        var files = Directory.GetFiles(StateFolder, "*.json");
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.DoesNotContain("$type", File.ReadAllText(file), StringComparison.Ordinal));

        // Rewrite the conversation's document the old way: every value with its type name.
        var key = $"emulator/conversations/{conversationId}";
        var state = (IDictionary<string, object>)(await host.Services.GetRequiredService<IStorage>().ReadAsync([key]))[key];
        state.Remove(DocumentStorage.ETagKey);
        var named = JsonConvert.SerializeObject(state, typeof(object), new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.All,
            SerializationBinder = StateJson.Settings.SerializationBinder,
        });
        var oldDocument = "{\"SavedAt\":" + JsonConvert.ToString(DateTimeOffset.UtcNow) + ",\"State\":" + named + "}";
        Assert.Contains("$type", oldDocument, StringComparison.Ordinal);
        await host.Services.GetRequiredService<IStateDocumentStore>().WriteAsync(key, oldDocument, WriteCondition.None, default);

        Assert.Equal(texts.Question(IntakeField.TimeSinceDiagnosis, Audience.Clinician), await LastReplyAsync(host, conversationId, "nosebleeds"));
        Assert.All(Directory.GetFiles(StateFolder, "*.json"), file => Assert.DoesNotContain("$type", File.ReadAllText(file), StringComparison.Ordinal));
    }

    private async Task<string?> LastReplyAsync(RunningBotHost host, string conversationId, string text) =>
        (await host.Client.RepliesAsync(Sink.ServiceUrl, conversationId, text)).LastOrDefault();
}
