using ItpBot.Tests.Support;

namespace ItpBot.Tests.Storage;

/// <summary>
/// A test of the host on file storage: a connector sink for its replies and a state folder of its own, both removed
/// afterwards.
/// </summary>
public abstract class FileStateHostTest(string folderPrefix) : IAsyncLifetime
{
    protected string StateFolder { get; } = Path.Combine(Path.GetTempPath(), folderPrefix + Guid.NewGuid().ToString("N"));

    protected ConnectorSink Sink { get; private set; } = null!;

    public async Task InitializeAsync() => Sink = await ConnectorSink.StartAsync();

    public async Task DisposeAsync()
    {
        await Sink.DisposeAsync();
        if (Directory.Exists(StateFolder))
        {
            Directory.Delete(StateFolder, recursive: true);
        }
    }
}
