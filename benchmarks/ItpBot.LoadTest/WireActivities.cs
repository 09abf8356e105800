using System.Text.Json;

namespace ItpBot.LoadTest;

/// <summary>Inbound activities as a channel posts them, written straight to UTF-8 so the load generator stays cheap.</summary>
public static class WireActivities
{
    public static byte[] ConversationUpdate(string serviceUrl, string conversationId, string userId, bool expectReplies = false) =>
        Write(serviceUrl, conversationId, userId, "conversationUpdate", text: null, expectReplies);

    public static byte[] Message(string serviceUrl, string conversationId, string userId, string text, bool expectReplies = false) =>
        Write(serviceUrl, conversationId, userId, "message", text, expectReplies);

    private static byte[] Write(string serviceUrl, string conversationId, string userId, string type, string? text, bool expectReplies)
    {
        using var buffer = new MemoryStream(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteString("id", Guid.NewGuid().ToString("N"));
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("channelId", "emulator");
            json.WriteString("serviceUrl", serviceUrl);
            json.WriteString("locale", "en-US");
            if (expectReplies)
            {
                json.WriteString("deliveryMode", "expectReplies");
            }

            WriteAccount(json, "conversation", conversationId, null);
            WriteAccount(json, "from", userId, "Clinician");
            WriteAccount(json, "recipient", "itpbot", "ItpBot");
            if (text is null)
            {
                json.WriteStartArray("membersAdded");
                WriteAccount(json, null, "itpbot", "ItpBot");
                WriteAccount(json, null, userId, "Clinician");
                json.WriteEndArray();
            }
            else
            {
                json.WriteString("text", text);
                json.WriteString("textFormat", "plain");
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteAccount(Utf8JsonWriter json, string? property, string id, string? name)
    {
        if (property is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(property);
        }

        json.WriteString("id", id);
        if (name is not null)
        {
            json.WriteString("name", name);
        }

        json.WriteEndObject();
    }
}
