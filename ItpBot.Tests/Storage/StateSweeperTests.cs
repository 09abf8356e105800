using ItpBot.Storage;
using ItpBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;

namespace ItpBot.Tests.Storage;

/// <summary>
/// Time to live enforced without waiting for a read. Must hold: expired state is deleted in the background in the
/// memory and file stores (fresh state and user state within its longer TTL are kept), abandoned temporary files go
/// too, and the memory store never holds more than its bound.
/// </summary>
[Trait("Category", "Resilience")]
public sealed class StateSweeperTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "itpbot-sweep-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    public static TheoryData<string> Kinds => new() { "memory", "file" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_sweep_deletes_expired_state_and_keeps_the_rest(string kind)
    {
        IStateDocumentStore store = kind == "memory" ? new InMemoryDocumentStore() : new FileDocumentStore(_directory);
        await store.WriteAsync("emulator/conversations/old", Document(Now.AddDays(-2)), WriteCondition.None, default);
        await store.WriteAsync("emulator/conversations/fresh", Document(Now.AddHours(-1)), WriteCondition.None, default);
        await store.WriteAsync("emulator/users/someone", Document(Now.AddDays(-2)), WriteCondition.None, default);
        await store.WriteAsync("emulator/conversations/" + new string('x', 300), Document(Now.AddDays(-40)), WriteCondition.None, default);
        var sweeper = new StateSweeper(store, new StorageSettings(), new Reliability.ManualClock(Now), NullLogger<StateSweeper>.Instance);

        Assert.Equal(2, await sweeper.SweepOnceAsync(default));

        Assert.Null(await store.ReadAsync("emulator/conversations/old", default));
        Assert.Null(await store.ReadAsync("emulator/conversations/" + new string('x', 300), default));
        Assert.NotNull(await store.ReadAsync("emulator/conversations/fresh", default));
        Assert.NotNull(await store.ReadAsync("emulator/users/someone", default));
    }

    [Fact]
    public async Task The_host_sweeps_by_itself_without_any_read()
    {
        var store = new FileDocumentStore(_directory);
        var key = "emulator/conversations/never-comes-back";
        await store.WriteAsync(key, Document(DateTimeOffset.UtcNow.AddDays(-2)), WriteCondition.None, default);
        var abandoned = Path.Combine(_directory, "abandoned.json.0123.tmp");
        await File.WriteAllTextAsync(abandoned, "etag\n{\"health\":\"data\"}");
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-1));

        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "file",
            ["Storage:File:Directory"] = _directory,
            ["Storage:SweepInterval"] = "00:00:00.200",
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await store.ReadAsync(key, default) is not null || File.Exists(abandoned))
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    [Fact]
    public async Task The_memory_store_keeps_at_most_its_bound_dropping_the_oldest()
    {
        var store = new InMemoryDocumentStore(maxDocuments: 100);
        for (var i = 0; i < 1_000; i++)
        {
            await store.WriteAsync($"emulator/conversations/{i}", Document(Now), WriteCondition.None, default);

            // One conversation stays in use: written again, it is not the oldest.
            await store.WriteAsync("emulator/conversations/in-use", Document(Now), WriteCondition.None, default);
        }

        Assert.Equal(100, store.Count);
        Assert.NotNull(await store.ReadAsync("emulator/conversations/999", default));
        Assert.NotNull(await store.ReadAsync("emulator/conversations/in-use", default));
        Assert.Null(await store.ReadAsync("emulator/conversations/0", default));
    }

    private static string Document(DateTimeOffset savedAt) =>
        "{\"SavedAt\":" + JsonConvert.ToString(savedAt) + ",\"State\":{\"intake\":{\"platelets\":12}}}";
}
