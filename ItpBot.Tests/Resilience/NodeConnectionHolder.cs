using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ItpBot.Tests.Resilience;

/// <summary>
/// Idle TCP connections held by a separate Node.js process (Node already runs Azurite for the tests). A process may
/// hold no more files than its RLIMIT_NOFILE hard limit (20,000 on many machines, and only root may raise it), so a
/// storm larger than that is spread over processes. The helper connects a few hundred at a time, says how many
/// connected, answers "open N" (still open: the server has not closed them) for every line it reads, and resets them
/// all and exits when its input closes.
/// </summary>
public sealed partial class NodeConnectionHolder : IAsyncDisposable
{
    private const string Script = """
        const net = require('net');
        const port = Number(process.argv[1]), count = Number(process.argv[2]);
        let connected = 0, failed = 0, closed = 0, started = 0, pending = 0;
        const sockets = [];
        const settled = () => { if (connected + failed === count) console.log(`opened ${connected} failed ${failed}`); };
        const more = () => {
          while (pending < 256 && started < count) {
            started++; pending++;
            const socket = net.connect({ host: '127.0.0.1', port });
            let settledOne = false, open = false;
            const settle = ok => { if (settledOne) return; settledOne = true; pending--; ok ? connected++ : failed++; settled(); more(); };
            socket.on('connect', () => { open = true; settle(true); });
            socket.on('error', () => settle(false));
            socket.on('close', () => { if (open) closed++; });
            sockets.push(socket);
          }
        };
        process.stdin.on('data', () => console.log(`open ${connected - closed}`));
        process.stdin.on('end', () => { for (const s of sockets) { s.resetAndDestroy ? s.resetAndDestroy() : s.destroy(); } process.exit(0); });
        more();
        """;

    private readonly Process _process;

    private NodeConnectionHolder(Process process, int connected, int failed)
    {
        _process = process;
        Connected = connected;
        Failed = failed;
    }

    public int Connected { get; }

    public int Failed { get; }

    /// <summary>Opens <paramref name="count"/> connections to 127.0.0.1:<paramref name="port"/> and waits until each connected or failed.</summary>
    public static async Task<NodeConnectionHolder> OpenAsync(int port, int count, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-e", Script, port.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                var opened = Opened().Match(line);
                if (opened.Success)
                {
                    return new NodeConnectionHolder(process, Number(opened, "connected"), Number(opened, "failed"));
                }
            }

            throw new InvalidOperationException("The Node.js connection holder exited before it reported.");
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>How many of its connections are still open (the server has not closed them).</summary>
    public async Task<int> StillOpenAsync(CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync("count");
        await _process.StandardInput.FlushAsync(cancellationToken);
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            var open = Open().Match(line);
            if (open.Success)
            {
                return Number(open, "open");
            }
        }

        throw new InvalidOperationException("The Node.js connection holder exited before it counted.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^opened (?<connected>\d+) failed (?<failed>\d+)$")]
    private static partial Regex Opened();

    [GeneratedRegex(@"^open (?<open>\d+)$")]
    private static partial Regex Open();
}
