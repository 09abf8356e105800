using System.Diagnostics.Metrics;

namespace ItpBot.Delivery;

/// <summary>
/// Counts of replies that needed another attempt, and of replies the channel never took (meter <c>ItpBot.Delivery</c>).
/// Tags are the outcome only (a status code or failure kind): never text, never a conversation id.
/// </summary>
public sealed class DeliveryMetrics
{
    public const string MeterName = "ItpBot.Delivery";

    private readonly Counter<long> _retried;
    private readonly Counter<long> _undelivered;

    public DeliveryMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _retried = meter.CreateCounter<long>("itpbot.replies.retried", description: "Reply attempts that were refused or failed and tried again");
        _undelivered = meter.CreateCounter<long>("itpbot.replies.undelivered", description: "Replies the channel did not take after all their retries");
    }

    public void Retried(string outcome) => _retried.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Undelivered(string outcome) => _undelivered.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
