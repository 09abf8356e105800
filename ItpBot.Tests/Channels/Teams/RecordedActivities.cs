using ItpBot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ItpBot.Tests.Channels.Teams;

/// <summary>
/// The activities recorded from a Teams client emulator and Web Chat, copied from the project's shared/fixtures/activities/
/// into RecordedActivities/ beside this file (its README says how they were recorded).
/// </summary>
public static class RecordedActivities
{
    public const string PortPlaceholder = "http://127.0.0.1:{PORT}/";

    public static string Folder => SharedFolder.InRepository("ItpBot.Tests", "Channels", "Teams", "RecordedActivities");

    public static IReadOnlyList<string> Names =>
        [.. Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>xUnit member data: one row per recorded activity.</summary>
    public static TheoryData<string> All() => new(Names);

    /// <summary>The recording as the client sent it, with its serviceUrl pointing at <paramref name="connectorServiceUrl"/> (path kept).</summary>
    public static Activity Load(string name, string connectorServiceUrl)
    {
        var json = File.ReadAllText(Path.Combine(Folder, name));
        Assert.Contains(PortPlaceholder, json);
        return JsonConvert.DeserializeObject<Activity>(json.Replace(PortPlaceholder, connectorServiceUrl, StringComparison.Ordinal))!;
    }

    public static Activity Load(string channelId, string type, string connectorServiceUrl) =>
        Load(Names.Single(n => n.StartsWith($"{channelId}-{type}-", StringComparison.Ordinal)), connectorServiceUrl);
}
