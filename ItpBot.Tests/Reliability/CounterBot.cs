using Microsoft.Bot.Builder;

namespace ItpBot.Tests.Reliability;

/// <summary>Counts the messages of a conversation in conversation state and replies with the count.</summary>
public sealed class CounterBot(ConversationState conversationState) : IBot
{
    public const string Property = "messageCount";

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type != Microsoft.Bot.Schema.ActivityTypes.Message)
        {
            return;
        }

        var count = conversationState.CreateProperty<int>(Property);
        var next = await count.GetAsync(turnContext, () => 0, cancellationToken) + 1;
        await count.SetAsync(turnContext, next, cancellationToken);
        await turnContext.SendActivityAsync($"count {next}", cancellationToken: cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    /// <summary>Reads the stored count as the host's storage has it, outside any turn.</summary>
    public static async Task<int?> StoredCountAsync(IStorage storage, string conversationId, string channelId = "emulator")
    {
        var key = $"{channelId}/conversations/{conversationId}";
        var items = await storage.ReadAsync([key]);
        return items.TryGetValue(key, out var state) && state is IDictionary<string, object> values && values.TryGetValue(Property, out var value)
            ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }
}
