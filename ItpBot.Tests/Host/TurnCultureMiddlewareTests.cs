using System.Globalization;
using ItpBot.Bots;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ItpBot.Tests.Host;

public sealed class TurnCultureMiddlewareTests
{
    [Fact]
    public async Task The_turn_keeps_the_activity_locale_as_the_shared_read_only_culture()
    {
        var seen = new List<CultureInfo>();
        var adapter = new TestAdapter().Use(new TurnCultureMiddleware());

        for (var turn = 0; turn < 2; turn++)
        {
            var activity = adapter.MakeActivity("plt 12k");
            activity.Locale = "de-DE";
            await adapter.ProcessActivityAsync(activity, (context, _) =>
            {
                seen.Add(CultureInfo.CurrentCulture);
                return Task.CompletedTask;
            });
        }

        Assert.All(seen, culture => Assert.Equal("de-DE", culture.Name));
        Assert.All(seen, culture => Assert.True(culture.IsReadOnly));
        Assert.Same(seen[0], seen[1]);
    }

    [Fact]
    public async Task The_host_runs_it_before_the_channel_steps_and_after_redaction_telemetry_and_the_retry()
    {
        // The one ordered list every adapter uses (TurnMiddleware): redaction first, the Teams steps last.
        await using var app = BotHost.Build(["--environment", "Development"]);
        var middleware = app.Services.GetServices<IMiddleware>().Select(m => m.GetType().Name).ToList();
        Assert.Equal(
            ["ExceptionRedactionMiddleware", "TurnTelemetryMiddleware", "StateConflictRetryMiddleware", "TurnCultureMiddleware",
             "RemoveMentionMiddleware", "SuggestedActionsSeparatorMiddleware", "MessageSizeGuardMiddleware"],
            middleware);
    }
}
