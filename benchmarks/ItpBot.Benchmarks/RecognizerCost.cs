using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;
using Microsoft.Extensions.DependencyInjection;

namespace ItpBot.Benchmarks;

/// <summary>
/// Not a benchmark: what each fact recogniser allocates reading each scripted message alone
/// (`--recognizer-cost [iterations]`), to see which of them re-read the raw text at a cost.
/// </summary>
internal static class RecognizerCost
{
    public static void Run(int iterations)
    {
        using var services = BotUnderTest.Services();
        var therapies = services.GetRequiredService<TherapyRecognizer>();
        var summaries = services.GetRequiredService<CaseSummaryReader>();
        var intents = services.GetRequiredService<IntentReader>();
        var reader = services.GetRequiredService<MessageReader>();
        var clock = TimeProvider.System;
        var outcomeRecognizer = new TreatmentOutcomeRecognizer();
        var lexicon = ReadingLexicon.Default;
        var findingReader = new FindingReader(lexicon);
        var questionReader = new QuestionReader(lexicon);
        var answerReader = new EverydayAnswerReader(lexicon);
        var statementCue = new StatementCue(lexicon);
        var correctionCue = new CorrectionCue(lexicon);
        var redFlagReader = new RedFlagReader(lexicon);
        var corrections = services.GetRequiredService<CorrectionReader>();
        var platelets = new PlateletCountRecognizer();
        var demographics = new DemographicsRecognizer();
        var weight = new WeightRecognizer();
        var pregnancy = new PregnancyRecognizer();
        var ancestry = new AncestryRecognizer();
        var splenectomy = new SplenectomyRecognizer();
        var procedure = new UpcomingProcedureRecognizer();
        var antithrombotics = new AntithromboticRecognizer();
        var comorbidities = new ComorbidityRecognizer();
        var preferences = new PreferenceRecognizer();
        var duration = new DiagnosisDurationRecognizer(clock);
        var unavailable = new UnavailableTherapyRecognizer(therapies);
        var prior = new PriorTreatmentReader(therapies, new TreatmentOutcomeRecognizer());
        var parts = new (string Name, Action<string> Read)[]
        {
            ("whole reading", t => reader.Read(t)),
            ("normalize", t => UnderstandingText.Normalize(t)),
            ("findings", t => findingReader.Read(MessageTokens.Read(t, 1500))),
            ("questions", t => questionReader.Read(MessageTokens.Read(t, 1500))),
            ("everyday answer", t => answerReader.Read(MessageTokens.Read(t, 1500))),
            ("statement cue", t => statementCue.IsIn(MessageTokens.Read(t, 1500))),
            ("correction cue", t => correctionCue.IsIn(MessageTokens.Read(t, 1500))),
            ("corrections", t => corrections.Read(t)),
            ("red flags none", t => redFlagReader.Read([], null)),
            ("tokens", t => MessageTokens.Read(t, 1500)),
            ("clauses", t => UnderstandingText.Clauses(t)),
            ("words", t => UnderstandingText.Words(t)),
            ("number model", t => TextModels.Number.Parse(t)),
            ("dimension model", t => TextModels.Dimension.Parse(t)),
            ("age model", t => TextModels.Age.Parse(t)),
            ("date model", t => TextModels.DateTime.Parse(t, DateTime.UtcNow)),
            ("therapies", t => therapies.FindAll(t)),
            ("outcomes", t => outcomeRecognizer.FindAll(t)),
            ("case summary", t => summaries.Read(t)),
            ("intent", t => intents.Read(t)),
            ("platelets", t => platelets.FindInText(t)),
            ("demographics", t => demographics.FindInText(t)),
            ("weight", t => weight.FindInText(t)),
            ("pregnancy", t => pregnancy.FindInText(t)),
            ("ancestry", t => ancestry.FindInText(t)),
            ("splenectomy", t => splenectomy.FindInText(t)),
            ("procedure", t => procedure.FindInText(t)),
            ("antithrombotics", t => antithrombotics.FindAll(t)),
            ("comorbidities", t => comorbidities.FindAll(t)),
            ("preferences", t => preferences.FindAll(t)),
            ("duration", t => duration.FindInText(t)),
            ("unavailable", t => unavailable.FindAll(t)),
            ("prior treatments", t => prior.Read(t)),
        };
        foreach (var line in new[] { "none", "70 kg", "52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy" })
        {
            Console.WriteLine($"## {line}");
            Console.WriteLine("| part | KB per read |");
            Console.WriteLine("|---|---:|");
            foreach (var (name, read) in parts)
            {
                Console.WriteLine($"| {name} | {ReadingCost.AllocatedKilobytes(() => read(line), iterations):F2} |");
            }
        }
    }
}
