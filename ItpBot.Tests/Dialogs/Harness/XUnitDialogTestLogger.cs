using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Harness;

/// <summary>
/// Writes each turn to the xUnit output as "User: ..." / "Bot: ..." so a failing test reads like a transcript.
/// Test-only: the product never logs message text.
/// </summary>
public sealed class XUnitDialogTestLogger(ITestOutputHelper output) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type == ActivityTypes.Message)
        {
            output.WriteLine($"User: {turnContext.Activity.Text}");
        }

        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
            {
                var buttons = activity.SuggestedActions?.Actions is { Count: > 0 } actions
                    ? $"  [{string.Join(" | ", actions.Select(a => a.Title))}]"
                    : string.Empty;
                output.WriteLine($"Bot: {activity.Text}{buttons}");
            }

            return await nextSend();
        });

        await next(cancellationToken);
    }
}
