using ItpBot.CorpusReport;
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
var result = CorpusScorer.Score(CorpusScorer.Load(folder), text => reader.Read(text));
Console.Write(result.Table());
if (args.Contains("--misses"))
{
    Console.WriteLine();
    result.Misses.ToList().ForEach(Console.WriteLine);
}
