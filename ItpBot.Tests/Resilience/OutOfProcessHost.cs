using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ItpBot.Tests.Resilience;

/// <summary>
/// The bot as an operator runs it: <c>dotnet ItpBot.dll</c> (the copy the test project builds into its output) in its
/// own process on a free loopback port, with its own memory and file limits, killed on dispose.
/// </summary>
public sealed partial class OutOfProcessHost : IAsyncDisposable
{
    private readonly Process _process;

    private OutOfProcessHost(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The resident memory of the host process (VmRSS), in MB.</summary>
    public double ResidentMegabytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(Digits().Match(line).Value, System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
    }

    public static async Task<OutOfProcessHost> StartAsync(IDictionary<string, string> environment)
    {
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "ItpBot.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Startup__WarmUp"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var listening = ListeningLine().Match(line);
                if (listening.Success)
                {
                    _ = process.StandardOutput.ReadToEndAsync();
                    return new OutOfProcessHost(process, new Uri(listening.Groups["url"].Value + "/"));
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        process.Dispose();
        throw new InvalidOperationException("dotnet ItpBot.dll exited before it listened.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
