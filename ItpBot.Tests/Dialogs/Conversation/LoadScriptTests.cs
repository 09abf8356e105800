using ItpBot.Tests.Support;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// The load benchmark's script must stay a full intake: every message answered, the last one with the plan. If a
/// change to the dialogs made it stop short, the benchmark would quietly measure something cheaper.
/// </summary>
public sealed class LoadScriptTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_load_test_script_walks_a_full_intake_to_a_plan()
    {
        var script = File.ReadAllLines(Path.Combine(SharedFolder.RepositoryRoot, "benchmarks", "ItpBot.LoadTest", "intake-script.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        await using var bot = new BotTestClient(output);
        await bot.ConversationUpdateAsync();

        IReadOnlyList<IMessageActivity> replies = [];
        for (var i = 0; i < script.Count; i++)
        {
            replies = await bot.SendAsync(script[i]);
            Assert.NotEmpty(replies);
            var hasPlan = replies.Any(r => r.Attachments?.Any(a => a.ContentType == "application/vnd.microsoft.card.adaptive") == true);
            Assert.Equal(i == script.Count - 1, hasPlan);
        }
    }
}
