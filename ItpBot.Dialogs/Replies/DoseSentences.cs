using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// The shorter forms of a dosing text for the opening, fullest first: the whole; the start and this patient's dose
/// ("For 80 kg: ...", which the content writes when the weight is known); this patient's dose alone. The full
/// titration is one question away.
/// </summary>
internal static partial class DoseSentences
{
    public static IReadOnlyList<string> Forms(string dosing)
    {
        var sentences = SentenceEnd().Split(dosing.Trim()).Where(sentence => sentence.Length > 0).ToList();
        var forms = new List<string> { dosing };
        if (sentences.Count < 2) return forms;
        var forWeight = sentences.FirstOrDefault(sentence => ForWeight().IsMatch(sentence));
        if (forWeight is null)
        {
            forms.Add(sentences[0]);
            return forms;
        }
        if (!ReferenceEquals(forWeight, sentences[0])) forms.Add($"{sentences[0]} {forWeight}");
        forms.Add(forWeight);
        return forms;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\p{Lu})")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^For \d+(?:[.,]\d+)? ?kg\b")]
    private static partial Regex ForWeight();
}
