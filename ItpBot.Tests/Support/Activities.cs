using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ItpBot.Tests.Support;

/// <summary>Activities shaped as the Bot Framework Emulator sends them.</summary>
public static class Activities
{
    public static Activity ConversationUpdate(string serviceUrl, string conversationId, string userId = "user-1") => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "emulator",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount(id: conversationId),
        From = new ChannelAccount(userId, "User"),
        Recipient = new ChannelAccount("itpbot", "ItpBot"),
        MembersAdded = [new ChannelAccount("itpbot", "ItpBot"), new ChannelAccount(userId, "User")],
        Timestamp = DateTimeOffset.UtcNow,
        Locale = "en-US",
    };

    public static Activity Message(string serviceUrl, string conversationId, string text, string userId = "user-1") => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "emulator",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount(id: conversationId),
        From = new ChannelAccount(userId, "User"),
        Recipient = new ChannelAccount("itpbot", "ItpBot"),
        Text = text,
        TextFormat = "plain",
        Timestamp = DateTimeOffset.UtcNow,
        Locale = "en-US",
    };

    public static StringContent ToContent(this Activity activity) =>
        new(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, Activity activity) =>
        client.PostAsync("api/messages", activity.ToContent());
}
