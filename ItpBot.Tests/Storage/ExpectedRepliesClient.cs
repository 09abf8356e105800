using ItpBot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ItpBot.Tests.Storage;

/// <summary>Sends an Emulator message with deliveryMode expectReplies and returns the texts of the bot's message replies.</summary>
public static class ExpectedRepliesClient
{
    public static async Task<List<string?>> RepliesAsync(this HttpClient client, string serviceUrl, string conversationId, string text)
    {
        var message = Activities.Message(serviceUrl, conversationId, text);
        message.DeliveryMode = DeliveryModes.ExpectReplies;
        var response = await client.PostActivityAsync(message);
        Assert.True(response.IsSuccessStatusCode, $"'{text}' answered {response.StatusCode}");
        var replies = JsonConvert.DeserializeObject<ExpectedReplies>(await response.Content.ReadAsStringAsync())!;
        return replies.Activities.Where(a => a.Type == ActivityTypes.Message).Select(a => (string?)a.Text).ToList();
    }
}
