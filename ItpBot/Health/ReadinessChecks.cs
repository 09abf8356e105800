using ItpBot.Bots;
using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge;
using ItpBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ItpBot.Health;

/// <summary>The clinical content and the conversation's texts are loaded and validated (start-up stops otherwise).</summary>
public sealed class ContentLoadedCheck(KnowledgeBase knowledge, ConversationTexts texts) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(knowledge.References.Count > 0 && texts is not null
            ? HealthCheckResult.Healthy($"{knowledge.References.Count} references loaded")
            : HealthCheckResult.Unhealthy("the clinical content is empty"));
}

/// <summary>
/// The state store answers: a read of a document that never exists goes to the store (a blob container, a folder or
/// memory) and back. Any failure, or no answer within the check's timeout, is unready: a turn could not keep its state.
/// </summary>
public sealed class StorageReachableCheck(IStateDocumentStore store) : IHealthCheck
{
    private const string ProbeKey = "readiness-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ReadAsync(ProbeKey, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{store.GetType().Name} answered");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The type only: a storage error's message can hold an account URL or key names.
            return HealthCheckResult.Unhealthy($"{store.GetType().Name} did not answer ({e.GetType().Name})");
        }
    }
}

/// <summary>The start-up warm-up has run (language models built, the turn pipeline compiled), or was switched off.</summary>
public sealed class WarmUpCheck(UnderstandingWarmUp warmUp) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmUp.Completion.IsCompleted
            ? HealthCheckResult.Healthy("warmed up")
            : HealthCheckResult.Unhealthy("warming up"));
}
