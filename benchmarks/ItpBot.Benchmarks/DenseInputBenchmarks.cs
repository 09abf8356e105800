using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Bots;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ItpBot.Benchmarks;

/// <summary>
/// Issue 16's bound on hostile input: every message of up to the text limit (Bot:MaxTextLength, 20,000 characters)
/// must be read, and its turn answered, within 200 ms on the project's 2-core machine. Each case is generated at
/// exactly the limit from the shapes that once cost seconds to minutes (many dates in one clause that names the
/// diagnosis, many numbers, one digit run, a run-on without a full stop, clauses nested deep), from a fixed seed so
/// runs compare. Two measures per case: the whole turn reading (<see cref="MessageReader"/>: every recogniser), and a
/// whole turn through the dialogs over the SDK's TestAdapter with the host's state storage (a new conversation: the
/// welcome, "start", then the dense message as the answer to the first question, so the cost of the welcome and of
/// "start", a few milliseconds, is included). See docs/resilience.md for the command and the figures.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class DenseInputBenchmarks
{
    /// <summary>
    /// In the process that was built (no second build of the solution, which on a busy 2-core machine outlasts
    /// BenchmarkDotNet's build timeout), 2 warm-up and 8 measured iterations per case.
    /// </summary>
    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(8));
    }

    /// <summary>Bot:MaxTextLength: longer messages are refused before any reading.</summary>
    public const int TextLimit = 20_000;

    private ServiceProvider _services = null!;
    private IBot _bot = null!;
    private MessageReader _reader = null!;
    private string _text = string.Empty;
    private int _conversation;

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = string.Empty;

    public static IEnumerable<string> Cases => Generators.Keys;

    [GlobalSetup]
    public void Setup()
    {
        _services = BotUnderTest.Services();
        _bot = _services.GetRequiredService<IBot>();
        _reader = _services.GetRequiredService<MessageReader>();
        _text = Generate(Case);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public int ReadMessage() => _reader.Read(_text).Findings.Count;

    [Benchmark]
    public async Task<int> WholeTurn()
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation($"dense-{Interlocked.Increment(ref _conversation)}"))
            .Use(new TurnCultureMiddleware());
        var replies = 0;
        await adapter.ProcessActivityAsync(
            new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [adapter.Conversation.User, adapter.Conversation.Bot] },
            _bot.OnTurnAsync);
        replies += BotUnderTest.Drain(adapter);
        await adapter.ProcessActivityAsync(adapter.MakeActivity("start"), _bot.OnTurnAsync);
        replies += BotUnderTest.Drain(adapter);
        await adapter.ProcessActivityAsync(adapter.MakeActivity(_text), _bot.OnTurnAsync);
        return replies + BotUnderTest.Drain(adapter);
    }

    /// <summary>The case's text, exactly <see cref="TextLimit"/> characters long.</summary>
    public static string Generate(string name)
    {
        var random = new Random(16);
        var text = new StringBuilder(TextLimit + 200);
        while (text.Length < TextLimit)
        {
            Generators[name](random, text);
        }

        text.Length = TextLimit;
        return text.ToString();
    }

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Where(m => m.Length > 0).ToArray();
    private static readonly string[] Therapies = ["eltrombopag", "romiplostim", "avatrombopag", "rituximab", "fostamatinib", "prednisolone", "dexamethasone", "IVIg"];
    private static readonly string[] Joiners = ["which", "that", "because", "although", "when", "after", "since", "unless"];

    private static readonly Dictionary<string, Action<Random, StringBuilder>> Generators = new()
    {
        // One clause (no full stop) naming the diagnosis, then dates in every format the date recogniser knows.
        ["many-dates"] = (r, t) => t.Append(CultureInfo.InvariantCulture,
            $"ITP diagnosed {r.Next(1, 29)}/{r.Next(1, 13)}/{r.Next(1990, 2026)} relapsed {Months[r.Next(12)]} {r.Next(1, 29)} {r.Next(1990, 2026)} " +
            $"plt low on {r.Next(1990, 2026)}-{r.Next(1, 13):00}-{r.Next(1, 29):00} and again {r.Next(2, 40)} weeks ago and last {Months[r.Next(12)]} "),

        // Counts, doses, weights, ages and durations with and without units, all in one clause.
        ["many-numbers"] = (r, t) => t.Append(CultureInfo.InvariantCulture,
            $"ITP plt {r.Next(1, 400)} {r.Next(1, 99)}k {r.Next(1, 200)} x10^9/L {r.Next(20, 150)} kg {r.Next(18, 99)} years " +
            $"{Therapies[r.Next(Therapies.Length)]} {r.Next(1, 100)} mg {r.Next(1, 10)}.{r.Next(10)} mcg/kg {r.Next(1, 52)} weeks "),

        // One run of digits (19,999 of them once took 9 s), after the diagnosis.
        ["digit-run"] = (r, t) => t.Append(t.Length == 0 ? "ITP plt " : string.Empty).Append((char)('0' + r.Next(10))),

        // Clinical words joined by "and", never a full stop: one enormous clause for every recogniser.
        ["run-on"] = (r, t) => t.Append(CultureInfo.InvariantCulture,
            $"chronic ITP and {Therapies[r.Next(Therapies.Length)]} failed and epistaxis and bruising and no splenectomy and " +
            $"plt {r.Next(1, 150)} and not pregnant and takes apixaban and "),

        // Subordinate clauses and brackets nested ever deeper, never closed before the end.
        ["deep-nesting"] = (r, t) => t.Append(CultureInfo.InvariantCulture,
            $"ITP ({Joiners[r.Next(Joiners.Length)]} the count of {r.Next(1, 150)} [{Joiners[r.Next(Joiners.Length)]} {Therapies[r.Next(Therapies.Length)]} " +
            $"{Joiners[r.Next(Joiners.Length)]} {{not "),

        // Every negation and speaker cue the readers weigh, with a date and a number each time.
        ["denials-and-cues"] = (r, t) => t.Append(CultureInfo.InvariantCulture,
            $"my mother has ITP, no {Therapies[r.Next(Therapies.Length)]}, denies bleeding since {Months[r.Next(12)]} {r.Next(1990, 2026)}, " +
            $"her sister plt {r.Next(1, 150)}, not on {Therapies[r.Next(Therapies.Length)]}, "),
    };

}
