using System.Text.RegularExpressions;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ItpBot.Tests.Dialogs.Replies;

/// <summary>Reads rendered replies the way a channel would: through the Bot Framework (Newtonsoft) serialiser.</summary>
internal static partial class ReplyInspection
{
    public static string Serialize(IActivity activity) =>
        JsonConvert.SerializeObject(activity, HttpHelper.BotMessageSerializerSettings);

    public static JObject SerializedCard(IMessageActivity message)
    {
        var json = JObject.Parse(Serialize(message));
        var content = json["attachments"]?[0]?["content"];
        Assert.NotNull(content);
        Assert.Equal(JTokenType.Object, content.Type);
        return (JObject)content;
    }

    /// <summary>Every text a card shows (TextBlock text, fact titles and values).</summary>
    public static string CardText(JObject card) =>
        string.Join("\n", card.Descendants().OfType<JProperty>()
            .Where(p => p.Name is "text" or "title" or "value" && p.Value.Type == JTokenType.String)
            .Select(p => (string)p.Value!));

    /// <summary>Citation numbers in order of first appearance.</summary>
    public static IReadOnlyList<int> CitationOrder(string markdown) =>
        CitationMark().Matches(markdown).Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();

    /// <summary>The numbered list after the bold references label.</summary>
    public static IReadOnlyList<string> ReferenceItems(string markdown, string label)
    {
        var start = markdown.IndexOf($"**{label}:**", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {label} list");
        return NumberedItem().Matches(markdown[start..]).Select(m => m.Groups[1].Value).ToList();
    }

    public static string BeforeReferences(string markdown, string label) =>
        markdown[..markdown.IndexOf($"**{label}:**", StringComparison.Ordinal)];

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex CitationMark();

    [GeneratedRegex(@"^\d+\. (.*)$", RegexOptions.Multiline)]
    private static partial Regex NumberedItem();
}
