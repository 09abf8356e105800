using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Activity = Microsoft.Bot.Schema.Activity;
using ItpBot.Dialogs.Understanding;
using ItpBot.Bots;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ItpBot.Benchmarks;

/// <summary>
/// The bot's own cost of a conversation, without HTTP: the host's registrations (dialogs, understanding, knowledge,
/// the host's state storage) over the SDK's TestAdapter, walking the load test's intake script to an assessment.
/// The load test adds Kestrel, the reply POSTs and 64 clinicians at once; this isolates what the ITP code costs.
/// </summary>
[MemoryDiagnoser]
public class ConversationBenchmarks
{
    private ServiceProvider _services = null!;
    private IBot _bot = null!;
    private CaseSummaryReader _summaries = null!;
    private IReadOnlyList<string> _script = [];
    private int _conversation;

    [GlobalSetup]
    public void Setup()
    {
        _services = BotUnderTest.Services();
        _bot = _services.GetRequiredService<IBot>();
        _summaries = _services.GetRequiredService<CaseSummaryReader>();
        _script = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "intake-script.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>One conversation: the welcome, then every scripted message; the last one is answered with the plan.</summary>
    [Benchmark]
    public Task<int> FullIntakeToAssessment() => RunConversationAsync(null);

    /// <param name="turns">When given, each turn's wall time (ms), allocated bytes and newly compiled methods are added to it.</param>
    internal async Task<int> RunConversationAsync(List<(string Label, double Ms, long Bytes, long Jitted)>? turns)
    {
        // The host's first middleware (the SDK builds a culture per turn from the activity's locale).
        var adapter = new TestAdapter(TestAdapter.CreateConversation($"bench-{Interlocked.Increment(ref _conversation)}"))
            .Use(new TurnCultureMiddleware());
        var replies = 0;
        var welcome = new Activity(ActivityTypes.ConversationUpdate)
        {
            MembersAdded = [adapter.Conversation.User, adapter.Conversation.Bot],
        };
        replies += await TurnAsync(adapter, welcome, "(welcome)", turns);
        foreach (var line in _script)
        {
            replies += await TurnAsync(adapter, adapter.MakeActivity(line), line, turns);
        }

        return replies;
    }

    private async Task<int> TurnAsync(TestAdapter adapter, Activity activity, string label, List<(string, double, long, long)>? turns)
    {
        var bytes = turns is null ? 0 : GC.GetTotalAllocatedBytes(precise: true);
        var jitted = turns is null ? 0 : System.Runtime.JitInfo.GetCompiledMethodCount();
        var started = turns is null ? 0 : Stopwatch.GetTimestamp();
        await adapter.ProcessActivityAsync(activity, _bot.OnTurnAsync);
        var replies = BotUnderTest.Drain(adapter);
        turns?.Add((label.Length > 40 ? label[..40] + "..." : label, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            GC.GetTotalAllocatedBytes(precise: true) - bytes, System.Runtime.JitInfo.GetCompiledMethodCount() - jitted));
        return replies;
    }

    /// <summary>Reading the opening case summary: the costliest message to understand.</summary>
    [Benchmark]
    public int ReadCaseSummary() => _summaries.Read(_script[0]).Filled.Count;

    /// <summary>Reading a one-word answer for facts beyond the question: every turn pays this.</summary>
    [Benchmark]
    public int ReadShortAnswer() => _summaries.Read("none").Filled.Count;

}
