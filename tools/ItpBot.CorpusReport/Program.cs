using ItpBot.CorpusReport;
using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge;

// Prints precision and recall per field and per intent, red-flag recall, false alarms and the confusion pairs of the
// reader on the labelled corpus. Usage: dotnet run --project tools/ItpBot.CorpusReport [corpus folder] [--misses]
var folder = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine("ItpBot.Tests", "Corpus");
var knowledge = KnowledgeBase.LoadEmbedded();
var therapies = new TherapyRecognizer(knowledge);
var summaries = new CaseSummaryReader(therapies, TimeProvider.System);
var reader = new MessageReader(summaries, new IntentReader(therapies, knowledge), new CorrectionReader(summaries));
var fieldReaders = new FieldReaders(therapies, TimeProvider.System);
var interpreter = new ConversationInterpreter(reader, new PendingAnswerReader(fieldReaders), fieldReaders);
// --read "text" [...]: how each message is read (findings with their context, facts, intent), to find a miss's cause.
var readAt = Array.IndexOf(args, "--read");
if (readAt >= 0)
{
    foreach (var text in args.Skip(readAt + 1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)))
    {
        var reading = reader.Read(text);
        Console.WriteLine($"{text}\n  intent {reading.Intent}, speaker {reading.Speaker}");
        Console.WriteLine($"  facts {System.Text.Json.JsonSerializer.Serialize(reading.Facts, CorpusScorer.ContractJson)}");
        if (reading.TherapiesWithoutOutcome.Count > 0) Console.WriteLine($"  named without outcome {string.Join(", ", reading.TherapiesWithoutOutcome)}");
        reading.Findings.ToList().ForEach(f => Console.WriteLine($"  finding {f.Field}={f.Value} {f.Context.Status}/{f.Context.Experiencer} '{f.Evidence}'"));
    }

    return;
}

var result = CorpusScorer.Score(
    CorpusScorer.Load(folder),
    text => reader.Read(text),
    (text, asked) => interpreter.Read(text, Enum.Parse<IntakeField>(asked)).Facts);
Console.Write(result.Table());
if (args.Contains("--misses"))
{
    Console.WriteLine();
    result.Misses.ToList().ForEach(Console.WriteLine);
}
