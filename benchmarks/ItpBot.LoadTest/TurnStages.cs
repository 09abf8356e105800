using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using ItpBot.Delivery;

namespace ItpBot.LoadTest;

/// <summary>
/// Where a turn's bytes and time go, stage by stage, on the real host over HTTP: one conversation at a time (so the
/// process-wide counters of <see cref="StageClock"/> belong to the stage running), marks at the first ASP.NET
/// middleware, the first bot middleware, the bot, every state read and write, and the outermost reply send handler.
/// </summary>
public static class TurnStages
{
    public const string Inbound = "inbound: request to first bot middleware (activity read, auth, adapter, clients)";
    public const string Middleware = "turn middleware + adapter, outside the bot";
    public const string Bot = "the bot's turn (dialogs, reading, assessment, building replies)";
    public const string StateLoad = "state load (read + deserialise)";
    public const string StateSave = "state save (serialise + write)";
    public const string Send = "reply send (serialise, POST, read the answer)";
    public const string Response = "HTTP response and request end";
    public const string LoadGenerator = "load generator and Kestrel (not the bot)";

    public static async Task<string> RunAsync(IReadOnlyList<string> script, BotKind bot, int warmConversations, int conversations)
    {
        var clock = new StageClock();
        await using var sink = await ReplySink.StartAsync();
        sink.Stages = clock;
        await using var host = await HostUnderLoad.StartAsync(bot, ReplyPath.Fast, services =>
        {
            services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new FirstHttpMiddleware(clock)));
            services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Bot.Builder.IMiddleware>(new FirstBotMiddleware(clock)));
            services.DecorateSingleton<IStorage>((_, inner) => new StagedStorage(inner, clock));
            var botDescriptor = services.Last(d => d.ServiceType == typeof(IBot));
            services.Remove(botDescriptor);
            services.AddTransient<IBot>(sp => new StagedBot((IBot)ActivatorUtilities.CreateInstance(sp, botDescriptor.ImplementationType!), clock));
        });
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        for (var i = 0; i < warmConversations; i++)
        {
            await ConversationAsync(client, sink.ServiceUrl, script, $"warm-{i}", clock);
        }

        // Tiered compilation promotes hot methods in the background: wait for it, as the load run does.
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(1000);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled) break;
            compiled = now;
            await ConversationAsync(client, sink.ServiceUrl, script, $"warm-more-{i}", clock);
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        clock.Recording = true;
        var turns = 0;
        for (var i = 0; i < conversations; i++)
        {
            turns += await ConversationAsync(client, sink.ServiceUrl, script, $"measured-{i}", clock);
        }

        clock.Recording = false;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / turns;
        return Describe(bot, clock.Totals(), turns, cpu, wall.Elapsed.TotalMilliseconds / turns);
    }

    private static async Task<int> ConversationAsync(HttpClient client, string serviceUrl, IReadOnlyList<string> script, string id, StageClock clock)
    {
        await PostAsync(client, WireActivities.ConversationUpdate(serviceUrl, id, "clinician-" + id), clock);
        foreach (var line in script)
        {
            await PostAsync(client, WireActivities.Message(serviceUrl, id, "clinician-" + id, line), clock);
        }

        return script.Count + 1;
    }

    private static async Task PostAsync(HttpClient client, byte[] activity, StageClock clock)
    {
        // The client's own marks: the server's last mark can land after the client has the response.
        clock.Set(LoadGenerator);
        using var content = new ByteArrayContent(activity);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("api/messages", content);
        await response.Content.CopyToAsync(Stream.Null);
        clock.Set(LoadGenerator);
        response.EnsureSuccessStatusCode();
    }

    private static string Describe(BotKind bot, IReadOnlyList<(string Stage, long Bytes, TimeSpan Time)> totals, int turns, double cpuMsPerTurn, double wallMsPerTurn)
    {
        var text = new StringBuilder();
        var allBytes = totals.Sum(t => t.Bytes);
        text.AppendLine(CultureInfo.InvariantCulture, $"{bot} bot, {turns} turns one at a time, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, load average {LoadAverage()}:");
        text.AppendLine("| stage | KB/turn | share of bytes | µs/turn (wall) |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var (stage, bytes, time) in totals)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {stage} | {bytes / 1024.0 / turns:F1} | {bytes * 100.0 / allBytes:F0} % | {time.TotalMicroseconds / turns:F0} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **whole process** | **{allBytes / 1024.0 / turns:F1}** | 100 % | {wallMsPerTurn * 1000:F0} (CPU {cpuMsPerTurn * 1000:F0}) |");
        return text.ToString();
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private sealed class FirstHttpMiddleware(StageClock clock) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                using (clock.Enter(Inbound, returnTo: Response))
                {
                    await nextMiddleware(http);
                }
            });
            next(app);
        };
    }

    private sealed class FirstBotMiddleware(StageClock clock) : Microsoft.Bot.Builder.IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            using var turn = clock.Enter(Middleware, returnTo: Response);
            turnContext.OnSendActivities(async (_, _, sendNext) =>
            {
                using var send = clock.Enter(Send);
                return await sendNext();
            });
            await next(cancellationToken);
        }
    }

    private sealed class StagedBot(IBot inner, StageClock clock) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            using var bot = clock.Enter(Bot);
            await inner.OnTurnAsync(turnContext, cancellationToken);
        }
    }

    private sealed class StagedStorage(IStorage inner, StageClock clock) : IStorage
    {
        public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            using var load = clock.Enter(StateLoad);
            return await inner.ReadAsync(keys, cancellationToken);
        }

        public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            using var save = clock.Enter(StateSave);
            await inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}
