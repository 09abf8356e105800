using System.Diagnostics.Metrics;

namespace ItpBot.CdsHooks;

/// <summary>Counters for the CDS Hooks service. Tags carry service ids, hooks and outcomes only, never patient facts.</summary>
public sealed class CdsMetrics
{
    public const string MeterName = "ItpBot.CdsHooks";

    private readonly Counter<long> _calls;
    private readonly Counter<long> _cards;
    private readonly Counter<long> _feedback;

    public CdsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _calls = meter.CreateCounter<long>("itpbot.cdshooks.calls", description: "Hook calls, by service, hook and HTTP status.");
        _cards = meter.CreateCounter<long>("itpbot.cdshooks.cards", description: "Cards returned, by service and indicator.");
        _feedback = meter.CreateCounter<long>("itpbot.cdshooks.feedback", description: "Feedback entries received, by service and outcome.");
    }

    public void Call(string service, string hook, int status) =>
        _calls.Add(1, new("service", service), new("hook", hook), new("status", status));

    public void Card(string service, string indicator) => _cards.Add(1, new("service", service), new("indicator", indicator));

    public void Feedback(string service, string outcome) => _feedback.Add(1, new("service", service), new("outcome", outcome));
}
