namespace ItpBot.Storage;

/// <summary>Where bot state lives and how long it is kept. Bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";

    /// <summary><c>memory</c> (default; one process), <c>file</c> (one machine) or <c>blob</c> (Azure Blob Storage; many machines).</summary>
    public string Kind { get; set; } = StorageKinds.Memory;

    /// <summary>How long a conversation's state is kept after its last write; older state reads as missing.</summary>
    public TimeSpan ConversationTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The same for everything else (user state).</summary>
    public TimeSpan UserTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often a turn is run again when another turn on the same conversation saved state first.</summary>
    public int MaxTurnAttempts { get; set; } = 8;

    /// <summary>How often expired state is deleted in the background (memory and file stores); zero turns it off.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Documents the memory store holds at most; beyond it the one written longest ago is dropped.</summary>
    public int MemoryMaxDocuments { get; set; } = InMemoryDocumentStore.DefaultMaxDocuments;

    public BlobStorageSettings Blob { get; set; } = new();

    public FileStorageSettings File { get; set; } = new();
}

public sealed class BlobStorageSettings
{
    public string ConnectionString { get; set; } = string.Empty;

    public string Container { get; set; } = "itpbot-state";

    /// <summary>
    /// Retries of one blob call after its first try. Few and quick: a turn has <c>Bot:TurnTimeout</c> (20 s) for
    /// everything, and an outage must be answered with "could not reach my storage" before that budget is spent.
    /// Not zero: under load (two hosts racing on one conversation) the service can drop a connection now and then.
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; each further one doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one try may wait for the service (the SDK's default, 100 s, is five turns).</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>The longest one blob call can take before it fails: every try timing out, plus the delays between them.</summary>
    public TimeSpan WorstCall
    {
        get
        {
            var total = NetworkTimeout * (MaxRetries + 1);
            for (var retry = 0; retry < MaxRetries; retry++)
            {
                // The SDK's jitter can lengthen a delay by a fifth before the cap applies.
                var delay = RetryDelay * Math.Pow(2, retry) * 1.2;
                total += delay < MaxRetryDelay ? delay : MaxRetryDelay;
            }

            return total;
        }
    }
}

public sealed class FileStorageSettings
{
    /// <summary>Folder for the state files; relative paths are under the content root.</summary>
    public string Directory { get; set; } = "state";
}

public static class StorageKinds
{
    public const string Memory = "memory";
    public const string File = "file";
    public const string Blob = "blob";
}
