namespace ItpBot.Tests.Support;

/// <summary>A test class that talks to the real host, with a loopback connector as every activity's serviceUrl.</summary>
public abstract class HostAndConnectorTest : IAsyncLifetime
{
    protected RunningBotHost Host { get; private set; } = null!;

    protected ConnectorSink Sink { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sink = await ConnectorSink.StartAsync();
        Host = await RunningBotHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Sink.DisposeAsync();
    }
}
