using System.Text;
using ItpBot.Channels.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ItpBot.Tests.Channels.Teams;

/// <summary>The size of a Teams message is counted as it is written, and must equal the UTF-8 length of its JSON.</summary>
public sealed class MessageSizeCountTests
{
    public static TheoryData<string> Texts => new()
    {
        "plain ASCII",
        "accents: thrombocytopénie, Größe, 50 × 10⁹/L",
        "emoji: 🩸 and 🧬 (surrogate pairs)",
        "a lone high surrogate at the end \ud83e",
        "a lone low surrogate \udc00 in the middle",
        "quotes \" and backslashes \\ and control \u0001 characters\n",
        new string('x', 5_000) + "é",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_counted_size_is_the_UTF8_length_of_the_serialised_activity(string text)
    {
        var activity = MessageFactory.Text(text);
        activity.Attachments = [new Attachment("application/vnd.microsoft.card.adaptive", content: new JObject { ["text"] = text })];
        var json = JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });

        Assert.Equal(Encoding.UTF8.GetByteCount(json), MessageSizeGuardMiddleware.SizeOf(activity));
    }
}
