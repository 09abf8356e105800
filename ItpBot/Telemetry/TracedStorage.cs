using System.Diagnostics;
using ItpBot.Storage;
using Microsoft.Bot.Builder;

namespace ItpBot.Telemetry;

/// <summary>Spans for reading and saving state ("state read", "save"), and the conflict count. Keys are never tagged: they hold ids.</summary>
public sealed class TracedStorage(IStorage inner) : IStorage
{
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        using var span = BotTelemetry.Source.StartActivity("state read");
        span?.SetTag("itpbot.state.documents", keys.Length);
        try
        {
            return await inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            BotTelemetry.Failed(span, e);
            throw;
        }
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        using var span = BotTelemetry.Source.StartActivity("save");
        span?.SetTag("itpbot.state.documents", changes.Count);
        try
        {
            await inner.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (e is StateConflictException)
            {
                BotTelemetry.StateConflicts.Add(1);
            }

            BotTelemetry.Failed(span, e);
            throw;
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        using var span = BotTelemetry.Source.StartActivity("state delete");
        try
        {
            await inner.DeleteAsync(keys, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            BotTelemetry.Failed(span, e);
            throw;
        }
    }
}
