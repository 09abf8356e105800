using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using ItpBot.Tests.Storage;

namespace ItpBot.Tests.Resilience;

/// <summary>
/// Azurite's blob service keeping its data in a folder on one fixed loopback port, so it can be frozen (it takes
/// connections and never answers), stopped (connections refused) and started again on the same data, as a storage
/// account that hangs, goes away and comes back. Linux only (signals).
/// </summary>
public sealed class AzuriteOnDisk : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int SigStop = 19;

    private readonly string _folder;
    private readonly int _port;
    private Process? _process;

    private AzuriteOnDisk(string folder, int port)
    {
        _folder = folder;
        _port = port;
        ConnectionString = AzuriteServer.ConnectionStringFor($"http://127.0.0.1:{port}");
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteOnDisk> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "itpbot-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var azurite = new AzuriteOnDisk(folder, FreePort());
        await azurite.RestartAsync();
        return azurite;
    }

    /// <summary>Starts Azurite (again) on the same folder and port, and waits until it listens.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     AzuriteServer.MainScript(), "--blobHost", "127.0.0.1", "--blobPort", _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--location", _folder, "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _ = _process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("listens on", StringComparison.Ordinal))
            {
                _closed = WatchForCloseAsync(_process.StandardOutput);
                return;
            }
        }

        throw new InvalidOperationException($"Azurite exited before it listened on port {_port}.");
    }

    /// <summary>The process stops running: the kernel still accepts connections, nothing answers them.</summary>
    public void Freeze() => Signal(SigStop);

    public void Thaw() => Signal(SigCont);

    /// <summary>
    /// A clean stop: on SIGTERM Azurite closes its connections and saves its metadata, then says so; the process is
    /// ended once it has (it may linger on timers). Connections are refused from then on.
    /// </summary>
    public async Task StopAsync()
    {
        Signal(SigCont);
        Signal(SigTerm);
        await _closed.WaitAsync(TimeSpan.FromSeconds(30));
        if (!_process!.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    private Task _closed = Task.CompletedTask;

    private static async Task WatchForCloseAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            if (line.Contains("successfully closed", StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; the next boot clears it.
        }

        return ValueTask.CompletedTask;
    }

    private void Signal(int signal)
    {
        if (_process is { HasExited: false } && SendSignal(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // DllImport rather than LibraryImport: the generated stub would need unsafe code enabled for the whole test project.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
