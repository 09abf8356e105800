using System.Text.RegularExpressions;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using YamlDotNet.RepresentationModel;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// The content's patient-addressed lines as a caregiver reads them: "You should be seen in hospital today" becomes
/// "She should be seen in hospital today" for a daughter writing about her mother. The wording is content
/// (Content/caregiver.yaml, beside the lines it words, under their citations); this finds each patient line in a
/// rendered text, with the values its placeholders took, and puts the caregiver line in its place. Loaded and checked
/// once at start-up: a line that speaks to "you" with no caregiver wording fails it, naming the line.
/// </summary>
public sealed partial class CaregiverWording
{
    private const string WordingFile = "caregiver.yaml";

    private readonly IReadOnlyList<(Regex Patient, string Caregiver, string[] Slots)> _lines;

    private CaregiverWording(IReadOnlyList<(Regex, string, string[])> lines) => _lines = lines;

    public static CaregiverWording Default { get; } = Load(KnowledgeBase.EmbeddedSources());

    /// <summary>How many patient lines have caregiver wording.</summary>
    public int Count => _lines.Count;

    /// <summary><paramref name="text"/> with every patient line in it worded for a caregiver, pronouns by the patient's sex.</summary>
    public string Reword(string text, Sex? sex)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (patient, caregiver, slots) in _lines)
        {
            text = patient.Replace(text, match => Conversation.ConversationTexts.Default.AboutThePatient(
                slots.Aggregate(caregiver, (line, slot) => line.Replace("{" + slot + "}", match.Groups[slot].Value, StringComparison.Ordinal)), sex));
        }

        return text;
    }

    /// <summary>The wording checked against the content files (name to YAML text); fails naming the first bad line.</summary>
    internal static CaregiverWording Load(IReadOnlyDictionary<string, string> contentFiles)
    {
        if (!contentFiles.TryGetValue(WordingFile, out var wordingYaml))
        {
            throw new InvalidDataException($"Content/{WordingFile} is missing.");
        }

        var patientLines = contentFiles.Where(f => f.Key != WordingFile).SelectMany(f => PatientLines(f.Value)).ToHashSet(StringComparer.Ordinal);
        var lines = new List<(Regex, string, string[])>();
        var worded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (patient, caregiver) in Entries(wordingYaml))
        {
            if (!patientLines.Contains(patient))
            {
                throw new InvalidDataException($"Content/{WordingFile}: \"{patient}\" is no patient line of the content.");
            }

            var slots = Slots(patient);
            if (!slots.ToHashSet().SetEquals(Slots(caregiver).Where(s => !Pronoun(s))) || Slots(caregiver).Any(s => !Pronoun(s) && !slots.Contains(s)))
            {
                throw new InvalidDataException($"Content/{WordingFile}: the caregiver line for \"{patient}\" must keep its placeholders ({string.Join(", ", slots)}) and add only {{he}}, {{him}}, {{his}}.");
            }

            worded.Add(patient);
            lines.Add((PatternOf(patient, slots), caregiver, slots));
        }

        if (patientLines.FirstOrDefault(line => SpeaksToYou().IsMatch(line) && !worded.Contains(line)) is { } missing)
        {
            throw new InvalidDataException($"Content/{WordingFile}: no caregiver wording for the patient line \"{missing}\".");
        }

        // Longest first: a line that holds a shorter one is worded whole.
        return new CaregiverWording(lines.OrderByDescending(l => l.Item2.Length).ToList());
    }

    private static bool Pronoun(string slot) => slot is "he" or "him" or "his" or "He" or "Him" or "His";

    private static string[] Slots(string template) => Slot().Matches(template).Select(m => m.Groups[1].Value).Distinct().ToArray();

    // The patient line as written, its placeholders matching whatever they were filled with.
    private static Regex PatternOf(string patient, IReadOnlyCollection<string> slots)
    {
        var pattern = Regex.Escape(patient);
        foreach (var slot in slots)
        {
            pattern = pattern.Replace(Regex.Escape("{" + slot + "}"), $"(?<{slot}>.+?)", StringComparison.Ordinal);
        }

        return new Regex(pattern, RegexOptions.CultureInvariant);
    }

    private static IEnumerable<(string Patient, string Caregiver)> Entries(string yaml)
    {
        var root = Root(yaml);
        if (root.Children.TryGetValue(new YamlScalarNode("entries"), out var entries) && entries is YamlSequenceNode list)
        {
            foreach (var entry in list.OfType<YamlMappingNode>())
            {
                var patient = Scalar(entry, "patient");
                var caregiver = Scalar(entry, "caregiver");
                if (string.IsNullOrWhiteSpace(patient) || string.IsNullOrWhiteSpace(caregiver))
                {
                    throw new InvalidDataException($"Content/{WordingFile}: every entry needs patient and caregiver lines (\"{patient ?? caregiver}\").");
                }

                yield return (patient, caregiver);
            }
        }
    }

    // Every `patient:` line anywhere in a content file, whatever the shape of the entry that holds it.
    private static IEnumerable<string> PatientLines(string yaml)
    {
        var found = new List<string>();
        Walk(Root(yaml));
        return found;

        void Walk(YamlNode node)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children)
                    {
                        if (key is YamlScalarNode { Value: "patient" } && value is YamlScalarNode { Value: { Length: > 0 } line })
                        {
                            found.Add(line);
                        }

                        Walk(value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence)
                    {
                        Walk(child);
                    }

                    break;
            }
        }
    }

    private static YamlMappingNode Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root ? root : new YamlMappingNode();
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    [GeneratedRegex(@"\{([A-Za-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Slot();

    [GeneratedRegex(@"\b(?:you|your|yours|yourself)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpeaksToYou();
}
