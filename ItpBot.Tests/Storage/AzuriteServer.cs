using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;

namespace ItpBot.Tests.Storage;

/// <summary>
/// Azurite's blob service on a free loopback port, in memory, started from ItpBot.Tests/Storage/node_modules (installed
/// by Azurite.targets) and stopped on dispose. One per test class (an xUnit class fixture).
/// </summary>
public sealed partial class AzuriteServer : IAsyncLifetime
{
    // Azurite's well-known development account (public, documented; not a secret).
    private const string Account = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    public string ConnectionString { get; private set; } = string.Empty;

    public BlobContainerClient Container(string name) => new(ConnectionString, name);

    public async Task InitializeAsync()
    {
        var main = MainScript();

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { main, "--blobHost", "127.0.0.1", "--blobPort", "0", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _ = _process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var listening = ListeningLine().Match(line);
            if (listening.Success)
            {
                ConnectionString = ConnectionStringFor(listening.Groups["url"].Value);
                _ = DrainAsync(_process.StandardOutput);
                return;
            }
        }

        throw new InvalidOperationException("Azurite exited before it listened.");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    private static async Task DrainAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is not null)
        {
        }
    }

    /// <summary>Azurite's blob service entry point, installed by Azurite.targets.</summary>
    internal static string MainScript()
    {
        var main = Path.Combine(StorageFolder(), "node_modules", "azurite", "dist", "src", "blob", "main.js");
        return File.Exists(main)
            ? main
            : throw new InvalidOperationException($"Azurite is not installed at {main}: build ItpBot.Tests (its npm ci target installs it).");
    }

    /// <summary>The connection string for Azurite's development account at a blob endpoint such as http://127.0.0.1:10000.</summary>
    internal static string ConnectionStringFor(string blobEndpoint) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};BlobEndpoint={blobEndpoint}/{Account};";

    private static string StorageFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "ItpBot.Tests", "Storage");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("ItpBot.Tests/Storage not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"listens on (?<url>http://[0-9.]+:\d+)")]
    private static partial Regex ListeningLine();
}
