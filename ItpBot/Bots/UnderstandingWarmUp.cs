using ItpBot.Dialogs.Conversation;

namespace ItpBot.Bots;

/// <summary>
/// Builds the language models (Recognizers.Text compiles hundreds of regular expressions per model) and JIT-compiles
/// the reading path once the host is listening, instead of during a clinician's first message. It runs after the
/// port opens, so it does not delay start-up, and reads an invented case, never a user's text.
/// </summary>
public sealed class UnderstandingWarmUp(
    IHostApplicationLifetime lifetime,
    ConversationInterpreter interpreter,
    IConfiguration configuration,
    ILogger<UnderstandingWarmUp> logger) : BackgroundService
{
    // Invented; covers the models a first message can need: numbers, units (weight, age), durations and dates.
    private const string SampleCase = "52M, 70 kg, 45 years old, chronic ITP 3y, diagnosed March, 2021, plt 12k, epistaxis, failed eltrombopag 75 mg";

    /// <summary>Completes when the warm-up has run (or was switched off with <c>Startup:WarmUp=false</c>).</summary>
    public Task Completion => _done.Task;

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many profile fields the sample case gave: a warm-up that reads nothing warmed nothing.</summary>
    public int FieldsRead { get; private set; }

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

            await Task.Run(() => FieldsRead = interpreter.Read(SampleCase, null).FactFields.Count, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Only speed is lost: the first message builds what it needs itself.
            logger.LogWarning(e, "Warming up the language models failed ({ExceptionType})", e.GetType().Name);
        }
        finally
        {
            _done.TrySetResult();
        }
    }
}
