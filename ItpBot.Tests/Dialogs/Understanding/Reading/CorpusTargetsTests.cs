using ItpBot.CorpusReport;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// The reader measured on the labelled corpus (ItpBot.Tests/Corpus/*.jsonl), against issue 12's targets. The same
/// table is printed by <c>dotnet run --project tools/ItpBot.CorpusReport</c>.
/// </summary>
public sealed class CorpusTargetsTests(ITestOutputHelper output)
{
    private static readonly Lazy<CorpusResult> Result = new(() =>
        CorpusScorer.Score(CorpusScorer.Load(Path.Combine(AppContext.BaseDirectory, "Corpus")), text => TestReaders.Message.Read(text)));

    [Fact]
    public void Every_red_flag_is_found()
    {
        output.WriteLine(Result.Value.Table());
        Assert.True(Result.Value.RedFlags >= 150, $"only {Result.Value.RedFlags} red-flag phrasings");
        Assert.True(Result.Value.RedFlagRecall == 1, string.Join("\n", Result.Value.Misses.Where(m => m.StartsWith("red flag", StringComparison.Ordinal))));
    }

    [Fact]
    public void At_most_two_percent_of_look_alikes_raise_an_alarm()
    {
        Assert.True(Result.Value.LookAlikes >= 150, $"only {Result.Value.LookAlikes} look-alikes");
        Assert.True(Result.Value.FalseAlarmRate <= 0.02, string.Join("\n", Result.Value.Misses.Where(m => m.StartsWith("false alarm", StringComparison.Ordinal))));
    }

    [Fact]
    public void Intents_are_read_right_at_least_95_percent_of_the_time() =>
        Assert.True(Result.Value.IntentAccuracy >= 0.95,
            $"{Result.Value.IntentAccuracy:0.000}\n" + string.Join("\n", Result.Value.Misses.Where(m => m.StartsWith("intent", StringComparison.Ordinal))));

    [Fact]
    public void Every_field_reaches_097_precision_and_095_recall()
    {
        var below = Result.Value.Fields.Where(f => f.Support > 0 && (f.Precision < 0.97 || f.Recall < 0.95)).ToList();
        Assert.True(below.Count == 0,
            string.Join("\n", below.Select(f => $"{f.Name}: P {f.Precision:0.000} R {f.Recall:0.000}"))
            + "\n" + string.Join("\n", Result.Value.Misses.Where(m => below.Any(b => m.StartsWith(b.Name + ":", StringComparison.Ordinal)))));
    }
}
