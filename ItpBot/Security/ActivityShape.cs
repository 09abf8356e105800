using System.Text.Json;

namespace ItpBot.Security;

/// <summary>
/// Checks that a request body is an activity the adapter can take: one JSON object with a type, a conversation id and
/// an absolute http(s) serviceUrl, and the well-known fields of the right JSON kinds. Says why not, never with content.
/// </summary>
public static class ActivityShape
{
    private static readonly string[] StringFields =
        ["id", "channelId", "text", "textFormat", "locale", "replyToId", "deliveryMode", "timestamp", "localTimestamp", "inputHint", "name", "speak"];

    private static readonly string[] ObjectFields = ["from", "recipient", "conversation"];

    private static readonly string[] ArrayFields = ["attachments", "entities", "membersAdded", "membersRemoved", "reactionsAdded", "reactionsRemoved", "suggestedActions"];

    public static ShapeCheck Check(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ShapeCheck.Fail("body is not a JSON object");
        }

        foreach (var property in root.EnumerateObject())
        {
            var kind = property.Value.ValueKind;
            if (kind == JsonValueKind.Null)
            {
                continue;
            }

            if (StringFields.Contains(property.Name) && kind != JsonValueKind.String)
            {
                return ShapeCheck.Fail($"'{property.Name}' is not a string");
            }

            if (ObjectFields.Contains(property.Name) && kind != JsonValueKind.Object)
            {
                return ShapeCheck.Fail($"'{property.Name}' is not an object");
            }

            if (ArrayFields.Contains(property.Name) && kind != JsonValueKind.Array && !(property.Name == "suggestedActions" && kind == JsonValueKind.Object))
            {
                return ShapeCheck.Fail($"'{property.Name}' is not an array");
            }
        }

        if (!NonEmptyString(root, "type", out _))
        {
            return ShapeCheck.Fail("no activity type");
        }

        if (!root.TryGetProperty("conversation", out var conversation) || conversation.ValueKind != JsonValueKind.Object
            || !NonEmptyString(conversation, "id", out _))
        {
            return ShapeCheck.Fail("no conversation id");
        }

        if (!NonEmptyString(root, "serviceUrl", out var serviceUrl)
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            return ShapeCheck.Fail("no absolute http(s) serviceUrl");
        }

        return ShapeCheck.Ok;
    }

    private static bool NonEmptyString(JsonElement element, string name, out string value)
    {
        value = element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String
            ? property.GetString() ?? string.Empty
            : string.Empty;
        return !string.IsNullOrWhiteSpace(value);
    }
}

/// <param name="Problem">Why the body was refused; names fields only.</param>
public sealed record ShapeCheck(string? Problem)
{
    public static ShapeCheck Ok { get; } = new((string?)null);

    public bool IsOk => Problem is null;

    public static ShapeCheck Fail(string problem) => new(problem);
}
