using System.Diagnostics;
using ItpBot.Dialogs.Conversation;
using ItpBot.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ItpBot.Bots;

/// <summary>
/// Warms the host once it is listening, before it reports ready (<c>/readyz</c>), so that the first clinicians do not
/// pay for it: first it builds the language models (Recognizers.Text compiles hundreds of regular expressions per
/// model) by reading an invented case; then it drives the whole turn pipeline with invented conversations, each a full
/// intake to a plan and a "forget me" (which deletes its state), on every channel's middleware: the adapter middleware
/// list, the dialogs, understanding, assessment, rendering, state reads and writes, and the serialisation of replies.
/// Rounds run until the runtime's tiered compilation has promoted the hot methods (the JIT goes quiet), so tier-1 code
/// exists when traffic arrives, and no longer. Nothing a user wrote is involved, and the warm-up turns are not counted in the turn metrics.
/// </summary>
public sealed class UnderstandingWarmUp(
    IHostApplicationLifetime lifetime,
    ConversationInterpreter interpreter,
    IServiceProvider services,
    IConfiguration configuration,
    ILogger<UnderstandingWarmUp> logger) : BackgroundService
{
    // Invented; covers the models a first message can need: numbers, units (weight, age), durations and dates.
    private const string SampleCase = "52M, 70 kg, 45 years old, chronic ITP 3y, diagnosed March, 2021, plt 12k, epistaxis, failed eltrombopag 75 mg";

    // An invented intake that ends in a plan (the questions are answered in the order the dialogs ask them).
    private static readonly string[] Intake =
    [
        "52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy",
        "none", "none", "70 kg", "none", "all available", "yes",
        "dose of romiplostim?", "why not splenectomy?",
    ];

    private static readonly string[] Channels = [Microsoft.Bot.Connector.Channels.Msteams, Microsoft.Bot.Connector.Channels.Directline, Microsoft.Bot.Connector.Channels.Emulator];

    /// <summary>Completes when the warm-up has run (or was switched off with <c>Startup:WarmUp=false</c>).</summary>
    public Task Completion => _done.Task;

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many profile fields the sample case gave: a warm-up that reads nothing warmed nothing.</summary>
    public int FieldsRead { get; private set; }

    /// <summary>Invented conversations the pipeline warm-up ran: at least <c>Startup:WarmUpMinRounds</c> (3), at most
    /// <c>Startup:WarmUpRounds</c> (30), ending early once the JIT is quiet (<c>Startup:WarmUpUntilJitQuiet</c>, on).</summary>
    public int RoundsRun { get; private set; }

    /// <summary>Turns the pipeline warm-up ran.</summary>
    public int TurnsRun { get; private set; }

    /// <summary>Replies with an attachment (the plan's card) the pipeline warm-up produced: it reached assessment and rendering.</summary>
    public int PlansRendered { get; private set; }

    /// <summary>How long the whole warm-up took, from the port opening.</summary>
    public TimeSpan Duration { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!configuration.GetValue("Startup:WarmUp", true))
            {
                return;
            }

            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            {
                await started.Task.ConfigureAwait(false);
            }

            var clock = Stopwatch.StartNew();
            await Task.Run(() => FieldsRead = interpreter.Read(SampleCase, null).FactFields.Count, stoppingToken).ConfigureAwait(false);
            var maxRounds = configuration.GetValue("Startup:WarmUpRounds", 30);
            var minRounds = Math.Min(maxRounds, configuration.GetValue("Startup:WarmUpMinRounds", 3));
            var untilQuiet = configuration.GetValue("Startup:WarmUpUntilJitQuiet", true);
            var quietRounds = 0;
            for (var round = 0; round < maxRounds && !stoppingToken.IsCancellationRequested; round++)
            {
                var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
                await RunConversationAsync(Channels[round % Channels.Length], round, stoppingToken).ConfigureAwait(false);
                RoundsRun++;

                // Rounds run at tier 0 until the runtime has promoted the hot methods; once a round (and a short wait
                // for the background compiler after it) compiles nothing, tier-1 code exists for what a turn runs
                // and more rounds only delay readiness.
                quietRounds = await IsJitQuietAsync(compiledBefore, stoppingToken).ConfigureAwait(false) ? quietRounds + 1 : 0;
                if (untilQuiet && RoundsRun >= minRounds && quietRounds >= QuietRoundsNeeded)
                {
                    break;
                }
            }

            Duration = clock.Elapsed;
            logger.LogInformation(
                "Warm-up done in {Milliseconds} ms: {Rounds} rounds, {Turns} turns, {Plans} plans, {Methods} methods compiled",
                (long)Duration.TotalMilliseconds, RoundsRun, TurnsRun, PlansRendered, System.Runtime.JitInfo.GetCompiledMethodCount());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Only speed is lost: the first messages compile what they need themselves.
            logger.LogWarning(e, "Warming up failed ({ExceptionType})", e.GetType().Name);
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    // Two quiet rounds in a row: one alone can fall in the runtime's call-counting delay, before promotions start.
    private const int QuietRoundsNeeded = 2;

    // Longer than the runtime's call-counting delay (100 ms), so promotions queued at the end of a round show.
    private static readonly TimeSpan QuietWait = TimeSpan.FromMilliseconds(150);

    /// <summary>True when nothing was compiled since <paramref name="compiledBefore"/>, nor during a short wait after.</summary>
    private static async Task<bool> IsJitQuietAsync(long compiledBefore, CancellationToken cancellationToken)
    {
        if (System.Runtime.JitInfo.GetCompiledMethodCount() != compiledBefore)
        {
            return false;
        }

        await Task.Delay(QuietWait, cancellationToken).ConfigureAwait(false);
        return System.Runtime.JitInfo.GetCompiledMethodCount() == compiledBefore;
    }

    /// <summary>One invented conversation through the host's bot and middleware, on an in-memory adapter.</summary>
    private async Task RunConversationAsync(string channel, int round, CancellationToken cancellationToken)
    {
        var reference = new ConversationReference
        {
            ChannelId = channel,
            ServiceUrl = "https://warm-up.invalid/",
            Conversation = new ConversationAccount(id: $"warm-up-{round}", conversationType: "personal", tenantId: "warm-up"),
            User = new ChannelAccount($"warm-up-user-{round}", "Warm-up"),
            Bot = new ChannelAccount("itpbot", "ItpBot"),
            Locale = "en-GB",
        };
        var adapter = new TestAdapter(reference);
        foreach (var step in services.GetServices<Microsoft.Bot.Builder.IMiddleware>().Where(m => m is not TurnTelemetryMiddleware))
        {
            adapter.Use(step);
        }

        var bot = services.GetRequiredService<IBot>();
        var update = adapter.MakeActivity();
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [reference.User, reference.Bot];
        await RunTurnAsync(adapter, bot, update, cancellationToken).ConfigureAwait(false);
        foreach (var text in Intake.Append("forget me"))
        {
            await RunTurnAsync(adapter, bot, adapter.MakeActivity(text), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunTurnAsync(TestAdapter adapter, IBot bot, Microsoft.Bot.Schema.Activity activity, CancellationToken cancellationToken)
    {
        await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        TurnsRun++;
        while (adapter.GetNextReply() is Microsoft.Bot.Schema.Activity reply)
        {
            // What the connector client does with every reply.
            _ = JsonConvert.SerializeObject(reply);
            if (reply.Attachments is { Count: > 0 })
            {
                PlansRendered++;
            }
        }
    }
}
