using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using ItpBot.LoadTest;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var hostAssembly = typeof(ItpBot.BotHost).Assembly;
var optimized = hostAssembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
Console.WriteLine($"ItpBot load test: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, " +
                  $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, host {(optimized ? "Release" : "DEBUG (figures meaningless)")}");

if (options.Mode is RunMode.Load or RunMode.All)
{
    var script = IntakeScript.Load(options.ScriptPath);
    Console.WriteLine($"{options.Conversations} concurrent conversations, {options.WarmupSeconds} s warm-up + {options.Seconds} s measured per run; " +
                      $"each conversation: conversationUpdate + {script.Count} messages from {options.ScriptPath}");
    var results = new List<LoadResult>();
    foreach (var path in options.Paths)
    {
        foreach (var bot in options.Bots)
        {
            Console.WriteLine($"running {bot} bot, {path} reply path ...");
            var result = await new LoadRun(options, script).RunAsync(bot, path);
            results.Add(result);
            Console.WriteLine(Report.Row(result));
        }
    }

    Console.WriteLine();
    Console.WriteLine(Report.Table(results));
}

if (options.Mode is RunMode.Stages)
{
    var script = IntakeScript.Load(options.ScriptPath);
    foreach (var bot in options.Bots)
    {
        Console.WriteLine(await TurnStages.RunAsync(script, bot, options.StageConversations, options.StageConversations));
    }
}

if (options.Mode is RunMode.ColdStart or RunMode.All)
{
    Console.WriteLine(ColdStart.Describe(await ColdStart.RunAsync(options, IntakeScript.Load(options.ScriptPath)[0])));
}

if (options.Mode is RunMode.FullSpeed or RunMode.All)
{
    var script = IntakeScript.Load(options.ScriptPath);
    var hostDll = options.HostDll ?? ColdStart.FindHostDll();
    Console.WriteLine($"{options.Conversations} concurrent conversations from the moment the port opens, fresh host process each ({hostDll})");
    var variants = new (string Name, string Label, Dictionary<string, string> Environment)[]
    {
        ("default", "default runtime settings, warm-up on", new()),
        ("nowarmup", "warm-up off", new() { ["Startup__WarmUp"] = "false" }),
        ("nopgo", "DOTNET_TieredPGO=0", new() { ["DOTNET_TieredPGO"] = "0" }),
        ("pgo", "DOTNET_TieredPGO=1", new() { ["DOTNET_TieredPGO"] = "1" }),
        ("notiered", "DOTNET_TieredCompilation=0", new() { ["DOTNET_TieredCompilation"] = "0" }),

        // The runtime reads these numbers as hexadecimal: 8 is 8, 3E8 is 1,000 ms.
        ("nodelay", "DOTNET_TC_CallCountingDelayMs=0", new() { ["DOTNET_TC_CallCountingDelayMs"] = "0" }),
        ("threshold8", "DOTNET_TC_CallCountThreshold=8 (default 30)", new() { ["DOTNET_TC_CallCountThreshold"] = "8" }),
        ("nodelay-threshold8", "call-counting delay 0 and threshold 8", new() { ["DOTNET_TC_CallCountingDelayMs"] = "0", ["DOTNET_TC_CallCountThreshold"] = "8" }),
        ("worker60s", "DOTNET_TC_BackgroundWorkerTimeoutMs=60000 (hex EA60)", new() { ["DOTNET_TC_BackgroundWorkerTimeoutMs"] = "EA60" }),
        ("osr1", "DOTNET_OSR_HitLimit=1 (default 10)", new() { ["DOTNET_OSR_HitLimit"] = "1" }),
        ("loopsoptimized", "DOTNET_TC_QuickJitForLoops=0 (methods with loops fully optimised at once)", new() { ["DOTNET_TC_QuickJitForLoops"] = "0" }),
        ("rounds5", "warm-up exactly 5 rounds", new() { ["Startup__WarmUpRounds"] = "5", ["Startup__WarmUpUntilJitQuiet"] = "false" }),
        ("rounds30", "warm-up exactly 30 rounds (the previous build's warm-up)", new() { ["Startup__WarmUpRounds"] = "30", ["Startup__WarmUpUntilJitQuiet"] = "false" }),
        ("rounds60", "warm-up up to 60 rounds, until the JIT is quiet", new() { ["Startup__WarmUpRounds"] = "60" }),
    };
    if (options.FullSpeedVariants?.Except(variants.Select(v => v.Name)).FirstOrDefault() is { } unknown)
    {
        Console.Error.WriteLine($"Unknown variant '{unknown}'; known: {string.Join(", ", variants.Select(v => v.Name))}");
        return 2;
    }

    foreach (var (_, label, environment) in variants.Where(v => options.FullSpeedVariants is null || options.FullSpeedVariants.Contains(v.Name)))
    {
        Console.WriteLine(TimeToFullSpeed.Describe(await TimeToFullSpeed.RunAsync(options, script, hostDll, environment), label));
    }
}

return 0;
