using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ItpBot.LoadTest;

/// <summary>
/// Time from starting the host as its own process (<c>dotnet ItpBot.dll</c>) until its first reply reaches the
/// connector: the welcome to a conversationUpdate sent as soon as the port accepts connections; then until the answer
/// to the first message a clinician types (the intake script's first line, a case summary), which is the first turn
/// that needs the language models.
/// </summary>
public static class ColdStart
{
    /// <param name="Listening">When the port first accepted a connection.</param>
    /// <param name="FirstReply">When the welcome reached the connector.</param>
    /// <param name="FirstAnswer">When the answer to the first message reached the connector (sent right after the welcome).</param>
    public sealed record Timing(TimeSpan Listening, TimeSpan FirstReply, TimeSpan FirstAnswer);

    public static async Task<IReadOnlyList<Timing>> RunAsync(LoadOptions options, string firstMessage)
    {
        var hostDll = options.HostDll ?? FindHostDll();
        var times = new List<Timing>();
        for (var run = 0; run < options.ColdStartRuns; run++)
        {
            times.Add(await OnceAsync(hostDll, firstMessage));
        }

        return times;
    }

    private static async Task<Timing> OnceAsync(string hostDll, string firstMessage)
    {
        await using var sink = await ReplySink.StartAsync();
        var firstReply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var welcomed = false;
        sink.OnReply(() =>
        {
            if (Volatile.Read(ref welcomed))
            {
                answered.TrySetResult();
            }

            firstReply.TrySetResult();
        });
        var port = FreeLoopbackPort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        var body = WireActivities.ConversationUpdate(sink.ServiceUrl, "coldstart", "clinician-coldstart");
        var clock = Stopwatch.StartNew();
        using var process = StartHost(hostDll, port, [], new Dictionary<string, string>());
        TimeSpan? listening = null;
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
                    listening ??= await ListeningAsync(port, clock);
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

            var welcome = clock.Elapsed;

            // The welcome may come in several activities: let them arrive before listening for the answer.
            await Task.Delay(50);
            var waited = TimeSpan.FromMilliseconds(50);
            Volatile.Write(ref welcomed, true);
            using (var message = new ByteArrayContent(WireActivities.Message(sink.ServiceUrl, "coldstart", "clinician-coldstart", firstMessage)))
            {
                message.Headers.ContentType = new("application/json");
                using var response = await client.PostAsync("api/messages", message);
                response.EnsureSuccessStatusCode();
            }

            await answered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return new Timing(listening ?? welcome, welcome, clock.Elapsed - waited);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>The elapsed time once the port accepts a connection; throws (like a refused POST) until then.</summary>
    /// <summary>The host as its own process (its own JIT state), on a loopback port, its output drained.</summary>
    internal static Process StartHost(string hostDll, int port, IEnumerable<string> extraArguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { hostDll, "--urls", $"http://127.0.0.1:{port}", "--environment", "Production" }.Concat(extraArguments))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task<TimeSpan> ListeningAsync(int port, Stopwatch clock)
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync(IPAddress.Loopback, port);
        }
        catch (SocketException e)
        {
            throw new HttpRequestException("not listening yet", e);
        }

        return clock.Elapsed;
    }

    internal static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>ItpBot.dll as the host project built it (same configuration as this program), not a copy.</summary>
    internal static string FindHostDll()
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

    public static string Describe(IReadOnlyList<Timing> times)
    {
        static string Median(IEnumerable<TimeSpan> values) =>
            values.Select(t => t.TotalMilliseconds).Order().ElementAt(values.Count() / 2).ToString("F0", CultureInfo.InvariantCulture);

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"cold start (dotnet ItpBot.dll): first reply after {Median(times.Select(t => t.FirstReply))} ms median, ");
        text.Append(CultureInfo.InvariantCulture, $"answer to the first message after {Median(times.Select(t => t.FirstAnswer))} ms median, ");
        text.Append(CultureInfo.InvariantCulture, $"port open after {Median(times.Select(t => t.Listening))} ms median; runs (port / welcome / first answer ms): ");
        text.AppendJoin(", ", times.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Listening.TotalMilliseconds:F0} / {t.FirstReply.TotalMilliseconds:F0} / {t.FirstAnswer.TotalMilliseconds:F0}")));
        return text.ToString();
    }
}
