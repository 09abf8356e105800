using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ItpBot.Tests.Channels.Teams;

/// <summary>Sends one reply on a channel through the given middleware and returns what left the bot, in order.</summary>
public static class OutgoingPipeline
{
    public static async Task<List<Activity>> SendAsync(string channelId, IActivity reply, IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware)
    {
        var adapter = new TestAdapter(channelId);
        foreach (var step in middleware)
        {
            adapter.Use(step);
        }

        await adapter.SendTextToBotAsync("hello", (turn, ct) => turn.SendActivityAsync(reply, ct), CancellationToken.None);

        var sent = new List<Activity>();
        while (adapter.GetNextReply() is Activity next)
        {
            sent.Add(next);
        }

        return sent;
    }
}
