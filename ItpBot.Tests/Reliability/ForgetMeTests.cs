using ItpBot.Dialogs.Conversation;
using ItpBot.Storage;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Tests.Reliability;

/// <summary>IForgetMe deletes the user's and the conversation's state, and leaves other people's alone.</summary>
public sealed class ForgetMeTests
{
    [Fact]
    public async Task Forget_me_deletes_this_users_and_this_conversations_state_only()
    {
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await RunningBotHost.StartAsync(configure: b => b.UseBot<RememberingBot>());
        var storage = host.Services.GetRequiredService<IStorage>();
        var mine = "conv-" + Guid.NewGuid().ToString("N");
        var theirs = "conv-" + Guid.NewGuid().ToString("N");

        await SendAsync(host, sink, mine, "user-1", "remember");
        await SendAsync(host, sink, theirs, "user-2", "remember");
        Assert.Equal(4, (await storage.ReadAsync(Keys(mine, "user-1").Concat(Keys(theirs, "user-2")).ToArray())).Count);

        var reply = await SendAsync(host, sink, mine, "user-1", "forget me");

        Assert.Equal("forgotten", reply.Activity.Text);
        Assert.Empty(await storage.ReadAsync(Keys(mine, "user-1")));
        Assert.Equal(2, (await storage.ReadAsync(Keys(theirs, "user-2"))).Count);

        // The next turn starts from nothing.
        var after = await SendAsync(host, sink, mine, "user-1", "what do you know");
        Assert.Equal("nothing", after.Activity.Text);
    }

    private static string[] Keys(string conversationId, string userId) =>
        [$"emulator/conversations/{conversationId}", $"emulator/users/{userId}"];

    private static async Task<PostedActivity> SendAsync(RunningBotHost host, ConnectorSink sink, string conversationId, string userId, string text)
    {
        var message = Activities.Message(sink.ServiceUrl, conversationId, text, userId);
        var response = await host.Client.PostActivityAsync(message);
        Assert.True(response.IsSuccessStatusCode, $"answered {response.StatusCode}");
        return await sink.NextMatchingAsync(p => p.ReplyToId == message.Id);
    }

    /// <summary>Keeps a value in conversation and user state; "forget me" calls the host's IForgetMe.</summary>
    private sealed class RememberingBot(ConversationState conversationState, UserState userState, IForgetMe forgetMe) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Type != ActivityTypes.Message)
            {
                return;
            }

            var step = conversationState.CreateProperty<string>("step");
            var audience = userState.CreateProperty<string>("audience");
            switch (turnContext.Activity.Text)
            {
                case "remember":
                    await step.SetAsync(turnContext, "platelet count", cancellationToken);
                    await audience.SetAsync(turnContext, "haematologist", cancellationToken);
                    await turnContext.SendActivityAsync("remembered", cancellationToken: cancellationToken);
                    break;
                case "forget me":
                    await forgetMe.ForgetAsync(turnContext, cancellationToken);
                    await turnContext.SendActivityAsync("forgotten", cancellationToken: cancellationToken);
                    break;
                default:
                    var known = await step.GetAsync(turnContext, () => null!, cancellationToken) ?? await audience.GetAsync(turnContext, () => null!, cancellationToken);
                    await turnContext.SendActivityAsync(known ?? "nothing", cancellationToken: cancellationToken);
                    break;
            }

            await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
            await userState.SaveChangesAsync(turnContext, false, cancellationToken);
        }
    }
}
