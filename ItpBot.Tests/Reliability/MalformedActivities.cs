using System.Text;
using System.Text.Json.Nodes;

namespace ItpBot.Tests.Reliability;

/// <summary>
/// A seeded generator of broken and hostile activity requests: a valid Emulator activity, then a few mutations from
/// a fixed menu (fields removed, of the wrong JSON kind, odd values, deep nesting, truncation, invalid bytes, wrong
/// content types). Service URLs stay on loopback: the ConnectorSink's, or a path on it that answers 404.
/// </summary>
public sealed class MalformedActivities(int seed, string sinkUrl)
{
    private static readonly string[] Types =
        ["message", "conversationUpdate", "typing", "event", "invoke", "endOfConversation", "messageReaction", "installationUpdate", "deleteUserData", "handoff", "trace", "", " ", "MESSAGE", "x-unknown"];

    private static readonly string[] Fields =
        ["type", "id", "channelId", "serviceUrl", "conversation", "from", "recipient", "text", "textFormat", "locale", "timestamp", "localTimestamp", "attachments", "entities", "membersAdded", "membersRemoved", "value", "name", "channelData", "replyToId", "deliveryMode", "suggestedActions", "speak", "inputHint"];

    private static readonly string[] ContentTypes =
        ["application/json", "application/json; charset=utf-8", "text/plain", "application/xml", "multipart/form-data", "application/vnd.api+json", "application/json; charset=latin1"];

    private readonly Random _random = new(seed);

    public MalformedRequest Next()
    {
        var activity = Valid();
        var mutations = _random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
        {
            Mutate(activity);
        }

        var bytes = Encoding.UTF8.GetBytes(activity.ToJsonString());
        bytes = _random.Next(20) switch
        {
            0 => bytes[..Math.Max(0, _random.Next(bytes.Length))],
            1 => CorruptBytes(bytes),
            2 => Encoding.UTF8.GetBytes(RandomText(_random.Next(1, 200))),
            _ => bytes,
        };
        var contentType = _random.Next(12) == 0 ? ContentTypes[_random.Next(ContentTypes.Length)] : "application/json";
        return new MalformedRequest(bytes, contentType);
    }

    private JsonObject Valid() => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "emulator",
        ["serviceUrl"] = sinkUrl,
        ["conversation"] = new JsonObject { ["id"] = "storm-" + _random.Next(50) },
        ["from"] = new JsonObject { ["id"] = "user-" + _random.Next(20), ["name"] = "User" },
        ["recipient"] = new JsonObject { ["id"] = "itpbot", ["name"] = "ItpBot" },
        ["text"] = "platelets 12, bleeding from gums",
        ["textFormat"] = "plain",
        ["locale"] = "en-US",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
    };

    private void Mutate(JsonObject activity)
    {
        var field = Fields[_random.Next(Fields.Length)];
        switch (_random.Next(10))
        {
            case 0:
                activity.Remove(field);
                break;
            case 1:
                activity[field] = RandomNode(depth: 0);
                break;
            case 2:
                activity["type"] = Types[_random.Next(Types.Length)];
                break;
            case 3:
                activity["text"] = RandomText(_random.Next(0, 3000));
                break;
            case 4:
                activity["serviceUrl"] = _random.Next(4) switch
                {
                    0 => "not a url",
                    1 => "ftp://127.0.0.1/",
                    2 => sinkUrl + "no/such/connector/",
                    _ => "",
                };
                break;
            case 5:
                activity[field] = Nested(_random.Next(1, 120));
                break;
            case 6:
                activity["conversation"] = _random.Next(3) switch
                {
                    0 => new JsonObject { ["id"] = RandomText(_random.Next(0, 300)) },
                    1 => new JsonObject { ["id"] = _random.Next() },
                    _ => new JsonObject { ["name"] = "no id" },
                };
                break;
            case 7:
                activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = RandomText(10), ["content"] = RandomNode(0) }, RandomNode(0));
                break;
            case 8:
                activity["deliveryMode"] = _random.Next(2) == 0 ? "expectReplies" : RandomText(8);
                break;
            default:
                activity[RandomText(_random.Next(1, 12))] = RandomNode(0);
                break;
        }
    }

    private JsonNode? RandomNode(int depth) => (depth > 3 ? _random.Next(5) : _random.Next(8)) switch
    {
        0 => null,
        1 => _random.Next(2) == 0,
        2 => _random.NextDouble() * Math.Pow(10, _random.Next(-5, 300)),
        3 => _random.Next(int.MinValue, int.MaxValue),
        4 => RandomText(_random.Next(0, 100)),
        5 => new JsonArray(Enumerable.Range(0, _random.Next(4)).Select(_ => RandomNode(depth + 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, _random.Next(4))
            .Select(i => KeyValuePair.Create(RandomText(_random.Next(1, 8)) + i, RandomNode(depth + 1)))
            .DistinctBy(p => p.Key)),
    };

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonObject { ["leaf"] = "x" };
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["n"] = node };
        }

        return node;
    }

    private string RandomText(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(_random.Next(10) switch
            {
                0 => (char)_random.Next(0, 32),
                1 => (char)_random.Next(0xD800, 0xE000),
                2 => "<script>"[_random.Next(8)],
                3 => "*_`[]()#>|\\\"'{}"[_random.Next(15)],
                4 => (char)_random.Next(0x80, 0x3000),
                _ => (char)_random.Next(32, 127),
            });
        }

        return text.ToString();
    }

    private byte[] CorruptBytes(byte[] bytes)
    {
        var corrupted = (byte[])bytes.Clone();
        for (var i = 0; i < 1 + _random.Next(5) && corrupted.Length > 0; i++)
        {
            corrupted[_random.Next(corrupted.Length)] = (byte)_random.Next(0x80, 0x100);
        }

        return corrupted;
    }
}

public sealed record MalformedRequest(byte[] Body, string ContentType);
