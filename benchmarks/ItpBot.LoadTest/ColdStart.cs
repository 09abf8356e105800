using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ItpBot.LoadTest;

/// <summary>
/// Time from starting the host as its own process (<c>dotnet ItpBot.dll</c>) until its first reply reaches the
/// connector: the welcome to a conversationUpdate sent as soon as the port accepts connections.
/// </summary>
public static class ColdStart
{
    public static async Task<IReadOnlyList<TimeSpan>> RunAsync(LoadOptions options)
    {
        var hostDll = options.HostDll ?? FindHostDll();
        var times = new List<TimeSpan>();
        for (var run = 0; run < options.ColdStartRuns; run++)
        {
            times.Add(await OnceAsync(hostDll));
        }

        return times;
    }

    private static async Task<TimeSpan> OnceAsync(string hostDll)
    {
        await using var sink = await ReplySink.StartAsync();
        var firstReply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sink.OnReply(() => firstReply.TrySetResult());
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { hostDll, "--urls", $"http://127.0.0.1:{port}", "--environment", "Production" })
        {
            start.ArgumentList.Add(arg);
        }

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        var body = WireActivities.ConversationUpdate(sink.ServiceUrl, "coldstart", "clinician-coldstart");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (!firstReply.Task.IsCompleted)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The host exited with code {process.ExitCode} before answering.");
                }

                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException("No reply within 60 s of starting the host.");
                }

                try
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new("application/json");
                    using var response = await client.PostAsync("api/messages", content);
                    if (response.IsSuccessStatusCode)
                    {
                        await firstReply.Task.WaitAsync(TimeSpan.FromSeconds(10));
                    }
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(5);
                }
            }

            return clock.Elapsed;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>ItpBot.dll as the host project built it (same configuration as this program), not a copy.</summary>
    private static string FindHostDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent?.Name ?? "Release";
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "ItpBot", "bin", configuration, framework, "ItpBot.dll");
            if (File.Exists(Path.Combine(dir.FullName, "ItpBot.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "ItpBot.dll");
        return File.Exists(beside) ? beside : throw new FileNotFoundException("ItpBot.dll not found; pass --host-dll.");
    }

    public static string Describe(IReadOnlyList<TimeSpan> times)
    {
        var ms = times.Select(t => t.TotalMilliseconds).Order().ToArray();
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"cold start to first reply: median {ms[ms.Length / 2]:F0} ms (runs: ");
        text.AppendJoin(", ", times.Select(t => t.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)));
        text.Append(')');
        return text.ToString();
    }
}
