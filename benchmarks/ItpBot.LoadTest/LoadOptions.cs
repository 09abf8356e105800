using System.Globalization;

namespace ItpBot.LoadTest;

public enum RunMode { Load, ColdStart, FullSpeed, All, Stages }

/// <summary>Which bot answers: the ITP bot as the host registers it, or a plain echo bot (the SDK floor).</summary>
public enum BotKind { Itp, Echo }

/// <summary>
/// How replies travel: POSTed to the connector by the fast (pooled) path or by the SDK's clients-per-turn path, or
/// returned in the turn's HTTP response (deliveryMode expectReplies: no reply POST at all, the ceiling).
/// </summary>
public enum ReplyPath { Fast, Sdk, ExpectReplies }

public sealed record LoadOptions(
    RunMode Mode,
    int Conversations,
    int Seconds,
    int WarmupSeconds,
    long MaxTurns,
    IReadOnlyList<BotKind> Bots,
    IReadOnlyList<ReplyPath> Paths,
    string ScriptPath,
    int ColdStartRuns,
    string? HostDll,
    IReadOnlyList<string>? FullSpeedVariants = null,
    int StageConversations = 200)
{
    public const string Usage = """
        dotnet run -c Release --project benchmarks/ItpBot.LoadTest -- [options]
          --mode load|coldstart|fullspeed|all|stages
                                      what to measure (default load; fullspeed: throughput and p99 per 2 s
                                      for the first 30 s of fresh host processes, default runtime settings and
                                      tiered-compilation variants)
          --conversations N           concurrent conversations (default 64)
          --seconds N                 measured seconds per run (default 20)
          --warmup N                  unmeasured seconds before each run (default 5)
          --max-turns N               stop a run after this many turns (default 5000000)
          --bot itp|echo|both         which bot answers (default both: the ITP bot, then the echo floor)
          --path fast|sdk|both|expectreplies|all
                                      reply path (default fast; both = sdk then fast, i.e. before/after;
                                      expectreplies = replies in the HTTP response, no reply POST; all = the three)
          --script FILE               intake script (default intake-script.txt next to the program)
          --runs N                    cold starts to time (default 3)
          --host-dll FILE             ItpBot.dll for cold start and fullspeed (default: the one built next to this
                                      solution; a ReadyToRun publish: dotnet publish ItpBot -c Release -r linux-x64)
          --variants LIST             fullspeed variants, comma-separated (default all): default, nowarmup,
                                      nopgo (DOTNET_TieredPGO=0), pgo (DOTNET_TieredPGO=1),
                                      notiered (DOTNET_TieredCompilation=0), nodelay (TC_CallCountingDelayMs=0),
                                      threshold8 (TC_CallCountThreshold=8), nodelay-threshold8, worker60s
                                      (TC_BackgroundWorkerTimeoutMs=60000), osr1 (OSR_HitLimit=1), loopsoptimized
                                      (TC_QuickJitForLoops=0), rounds5, rounds30 (fixed warm-up rounds), rounds60
          --stage-conversations N     stages: conversations measured one at a time (default 200, after as
                                      many unmeasured); prints KB and µs per turn by stage of the turn
        """;

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.\n{Usage}");
            }

            values[args[i][2..]] = args[++i];
        }

        string Get(string name, string fallback) => values.Remove(name, out var value) ? value : fallback;
        int Int(string name, int fallback, int min) =>
            int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture) is var n && n >= min
                ? n
                : throw new ArgumentException($"--{name} must be at least {min}.");

        var options = new LoadOptions(
            Enum.Parse<RunMode>(Get("mode", "load"), ignoreCase: true),
            Int("conversations", 64, 1),
            Int("seconds", 20, 1),
            Int("warmup", 5, 0),
            long.Parse(Get("max-turns", "5000000"), CultureInfo.InvariantCulture),
            Get("bot", "both").ToLowerInvariant() switch
            {
                "both" => [BotKind.Itp, BotKind.Echo],
                var one => [Enum.Parse<BotKind>(one, ignoreCase: true)],
            },
            Get("path", "fast").ToLowerInvariant() switch
            {
                "both" => [ReplyPath.Sdk, ReplyPath.Fast],
                "all" => [ReplyPath.Sdk, ReplyPath.Fast, ReplyPath.ExpectReplies],
                var one => [Enum.Parse<ReplyPath>(one, ignoreCase: true)],
            },
            Get("script", Path.Combine(AppContext.BaseDirectory, "intake-script.txt")),
            Int("runs", 3, 1),
            values.Remove("host-dll", out var dll) ? dll : null,
            values.Remove("variants", out var variants) ? variants.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
            Int("stage-conversations", 200, 1));

        return values.Count == 0 ? options : throw new ArgumentException($"Unknown option --{values.Keys.First()}.\n{Usage}");
    }
}
