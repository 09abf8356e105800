using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.CorpusReport;

/// <summary>
/// One labelled utterance. Only what is labelled is measured: <c>facts</c> (contract field names and values; an
/// empty object means "no facts"), <c>intent</c>, <c>redFlag</c> (true for an emergency, false for a look-alike).
/// <c>asked</c> names the intake question a short answer replies to (an <c>IntakeField</c>, as the scripted intakes
/// name them: "Antithrombotics", "TimeSinceDiagnosis"): "nothing like that" means no blood thinners only when asked
/// about them, so such a line's facts are read as the conversation reads an answer to that question.
/// </summary>
public sealed record CorpusEntry(string Text, string? Intent = null, bool? RedFlag = null, JsonObject? Facts = null, string? Speaker = null, string? Asked = null);

/// <summary>Counts for one field or intent.</summary>
public sealed record Score(string Name, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public int Support => TruePositives + FalseNegatives;
}

public sealed record CorpusResult(
    int Utterances,
    IReadOnlyList<Score> Fields,
    IReadOnlyList<Score> Intents,
    double IntentAccuracy,
    int RedFlags,
    int RedFlagsFound,
    int LookAlikes,
    int FalseAlarms,
    IReadOnlyList<(string Expected, string Actual, int Count)> Confusions,
    IReadOnlyList<string> Misses,
    IReadOnlyList<Score> TreatmentItems)
{
    public double RedFlagRecall => RedFlags == 0 ? 1 : (double)RedFlagsFound / RedFlags;

    public double FalseAlarmRate => LookAlikes == 0 ? 0 : (double)FalseAlarms / LookAlikes;

    /// <summary>The table the corpus command prints.</summary>
    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Utterances: {Utterances}");
        text.AppendLine();
        AppendScores(text, "field", Fields);
        if (TreatmentItems.Any(s => s.Support > 0))
        {
            // A story of four drugs is one miss above if one outcome is wrong; item by item shows whether the drugs or
            // their outcomes are what is missed. A diagnostic, not a target.
            text.AppendLine();
            AppendScores(text, "prior treatments, item by item", TreatmentItems);
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Intent accuracy: {IntentAccuracy:0.000}");
        AppendScores(text, "intent", Intents);

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Red flags: {RedFlagsFound}/{RedFlags} found (recall {RedFlagRecall:0.000}); false alarms: {FalseAlarms}/{LookAlikes} look-alikes ({FalseAlarmRate:0.000})");
        if (Confusions.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Confusion pairs (expected -> read, count):");
            foreach (var (expected, actual, count) in Confusions)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {expected} -> {actual}: {count}");
            }
        }

        return text.ToString();
    }

    private static void AppendScores(StringBuilder text, string heading, IEnumerable<Score> scores)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"| {heading} | precision | recall | support |");
        text.AppendLine("|---|---|---|---|");
        foreach (var score in scores)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {score.Name} | {score.Precision:0.000} | {score.Recall:0.000} | {score.Support} |");
        }
    }
}

/// <summary>Scores a reader on the labelled corpus: precision and recall per field and per intent, red-flag recall and false alarms.</summary>
public static class CorpusScorer
{
    public static readonly JsonSerializerOptions ContractJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private static readonly JsonSerializerOptions Lines = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Reads every <c>*.jsonl</c> file in <paramref name="folder"/> (blank lines and lines starting with // skipped).</summary>
    public static IReadOnlyList<CorpusEntry> Load(string folder) =>
        Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(line => JsonSerializer.Deserialize<CorpusEntry>(line, Lines) ?? throw new InvalidDataException(line))
            .ToList();

    public static CorpusResult Score(IReadOnlyList<CorpusEntry> corpus, Func<string, TurnReading> read) =>
        Score(corpus, read, answer: null);

    /// <param name="answer">
    /// The facts of a reply to the question an entry's <c>asked</c> names, as the conversation records them (less a
    /// question kept for the plan, which is no labelled fact); an entry with <c>asked</c> and no way to read answers
    /// fails loudly rather than being scored out of context.
    /// </param>
    public static CorpusResult Score(IReadOnlyList<CorpusEntry> corpus, Func<string, TurnReading> read, Func<string, string, PatientProfile>? answer)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(read);
        var fields = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var intents = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var confusions = new Dictionary<(string, string), int>();
        var misses = new List<string>();
        var items = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int intentTotal = 0, intentRight = 0, redFlags = 0, found = 0, lookAlikes = 0, falseAlarms = 0;

        foreach (var entry in corpus)
        {
            var reading = read(entry.Text);
            if (entry.Facts is { } expected)
            {
                var recorded = entry.Asked is { } asked
                    ? (answer ?? throw new InvalidOperationException($"'{entry.Text}' is an answer to {asked}, and no answer reader was given."))(entry.Text, asked) with { Question = null }
                    : AsRecorded(reading);
                var actual = Canonical(JsonSerializer.SerializeToNode(recorded, ContractJson)!.AsObject());
                var wanted = Canonical(expected);
                CountTreatmentItems(items, wanted, actual);
                foreach (var name in wanted.Select(p => p.Key).Union(actual.Select(p => p.Key)))
                {
                    var counts = Counts(fields, name);
                    wanted.TryGetPropertyValue(name, out var want);
                    actual.TryGetPropertyValue(name, out var got);
                    if (JsonNode.DeepEquals(want, got))
                    {
                        counts[0]++;
                        continue;
                    }

                    if (got is not null) counts[1]++;
                    if (want is not null) counts[2]++;
                    Confuse(confusions, $"{name}={want?.ToJsonString() ?? "(none)"}", got?.ToJsonString() ?? "(none)");
                    misses.Add($"{name}: expected {want?.ToJsonString() ?? "(none)"}, read {got?.ToJsonString() ?? "(none)"} <- {entry.Text}");
                }
            }

            if (entry.Intent is { } intent)
            {
                var readIntent = JsonNamingPolicy.KebabCaseLower.ConvertName(reading.Intent.ToString());
                intentTotal++;
                if (readIntent == intent)
                {
                    intentRight++;
                    Counts(intents, intent)[0]++;
                }
                else
                {
                    Counts(intents, intent)[2]++;
                    Counts(intents, readIntent)[1]++;
                    Confuse(confusions, $"intent={intent}", readIntent);
                    misses.Add($"intent: expected {intent}, read {readIntent} <- {entry.Text}");
                }
            }

            switch (entry.RedFlag)
            {
                case true:
                    redFlags++;
                    if (reading.RedFlags.Count > 0) found++;
                    else misses.Add($"red flag missed <- {entry.Text}");
                    break;
                case false:
                    lookAlikes++;
                    if (reading.RedFlags.Count > 0)
                    {
                        falseAlarms++;
                        misses.Add($"false alarm ({reading.RedFlags[0].Rule}) <- {entry.Text}");
                    }

                    break;
            }
        }

        return new CorpusResult(
            corpus.Count,
            fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new Score(f.Key, f.Value[0], f.Value[1], f.Value[2])).ToList(),
            intents.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new Score(f.Key, f.Value[0], f.Value[1], f.Value[2])).ToList(),
            intentTotal == 0 ? 1 : (double)intentRight / intentTotal,
            redFlags, found, lookAlikes, falseAlarms,
            confusions.OrderByDescending(c => c.Value).Select(c => (c.Key.Item1, c.Key.Item2, c.Value)).ToList(),
            misses,
            items.Select(f => new Score(f.Key, f.Value[0], f.Value[1], f.Value[2])).ToList());
    }

    // Each therapy read or labelled counts once: "drugs" compares the therapies alone, "drug and outcome" the pairs.
    private static void CountTreatmentItems(Dictionary<string, int[]> items, JsonObject wanted, JsonObject actual)
    {
        var want = Items(wanted);
        var got = Items(actual);
        if (want.Count == 0 && got.Count == 0)
        {
            return;
        }

        Tally(Counts(items, "drugs"), want.Select(Drug).ToHashSet(StringComparer.Ordinal), got.Select(Drug).ToHashSet(StringComparer.Ordinal));
        Tally(Counts(items, "drug and outcome"), want, got);

        static List<string> Items(JsonObject profile) =>
            profile["priorTreatments"] is JsonArray list ? list.Select(n => n!.ToString()).ToList() : [];

        static string Drug(string item) => item.Split(':')[0];

        static void Tally(int[] counts, IReadOnlyCollection<string> want, IReadOnlyCollection<string> got)
        {
            counts[0] += want.Count(got.Contains);
            counts[1] += got.Count(g => !want.Contains(g));
            counts[2] += want.Count(w => !got.Contains(w));
        }
    }

    // A therapy named with no outcome ("tried pred and IVIg") is asked about; unanswered or "not sure", the profile
    // keeps it as unknown, which is what the labels say. A question ("romiplostim vs eltrombopag") records nothing.
    private static PatientProfile AsRecorded(TurnReading reading) =>
        reading.TherapiesWithoutOutcome.Count == 0 || reading.Intent == MessageIntent.Question
            ? reading.Facts
            : reading.Facts with
            {
                PriorTreatments = [.. reading.Facts.PriorTreatments ?? [], .. reading.TherapiesWithoutOutcome.Select(id => new PriorTreatment(id, TreatmentOutcome.Unknown, null))],
            };

    private static int[] Counts(Dictionary<string, int[]> table, string name)
    {
        if (!table.TryGetValue(name, out var counts))
        {
            table[name] = counts = new int[3];
        }

        return counts;
    }

    private static void Confuse(Dictionary<(string, string), int> confusions, string expected, string actual) =>
        confusions[(expected, actual)] = confusions.GetValueOrDefault((expected, actual)) + 1;

    // Prior treatments compare by therapy and outcome (notes such as "75 mg" are free text); drugs as a set, in lower case.
    private static JsonObject Canonical(JsonObject profile)
    {
        var copy = JsonNode.Parse(profile.ToJsonString())!.AsObject();
        if (copy["priorTreatments"] is JsonArray treatments)
        {
            copy["priorTreatments"] = new JsonArray(treatments
                .Select(t => t is JsonObject item ? $"{item["therapy"]}:{item["outcome"]}" : t?.ToString() ?? string.Empty).Order(StringComparer.Ordinal)
                .Select(s => (JsonNode)JsonValue.Create(s)).ToArray());
        }

        foreach (var name in new[] { "currentDrugs", "antithrombotics", "comorbidities", "preferences", "unavailable" })
        {
            if (copy[name] is JsonArray list)
            {
                copy[name] = new JsonArray(list.Select(d => d!.ToString().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)
                    .Select(s => (JsonNode)JsonValue.Create(s)).ToArray());
            }
        }

        return copy;
    }
}
