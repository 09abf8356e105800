using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ItpBot.Channels.DirectLine;

/// <summary>Direct Line speaks the Bot Framework schema, which is Newtonsoft-shaped (JObject attachments, extension data).</summary>
public static class DirectLineJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
    };

    public static Activity? ReadActivity(string json)
    {
        try
        {
            var token = JsonConvert.DeserializeObject<JToken>(json, Settings);
            return token is JObject ? token.ToObject<Activity>(JsonSerializer.Create(Settings)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The activity as clients see it: without the internal serviceUrl.</summary>
    public static string WriteForClient(Activity activity)
    {
        var json = JObject.FromObject(activity, JsonSerializer.Create(Settings));
        json.Remove("serviceUrl");
        return json.ToString(Formatting.None);
    }

    /// <summary>A Direct Line ActivitySet from already-serialised activities.</summary>
    public static string ActivitySet(IEnumerable<string> activities, long watermark)
    {
        var set = new StringBuilder("{\"activities\":[");
        set.AppendJoin(',', activities);
        set.Append("],\"watermark\":\"").Append(watermark).Append("\"}");
        return set.ToString();
    }

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
