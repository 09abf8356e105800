using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// The case as the user gave it, one line per field (label and value from the field registry), for the confirmation and for "Noted: ...". The values
/// are the user's own, echoed back (escaped), never clinical claims.
/// </summary>
public sealed class CaseSummaryText(ITherapyLexicon lexicon)
{
    private readonly IReadOnlyDictionary<string, string> _names =
        lexicon.Therapies.ToDictionary(t => t.TherapyId, t => t.Name, StringComparer.Ordinal);

    public IReadOnlyList<string> Lines(PatientProfile profile, IEnumerable<IntakeField> fields) =>
        fields.Distinct().Select(field => Line(profile, field)).OfType<string>().ToList();

    public IReadOnlyList<string> Lines(PatientProfile profile) =>
        Lines(profile, FieldRegistry.Known(profile));

    private string? Line(PatientProfile profile, IntakeField field)
    {
        var entry = FieldRegistry.Get(field);
        return entry.Show(profile, Name) is { } value ? $"{entry.Label}: {MarkdownText.Escape(value)}" : null;
    }

    /// <summary>The therapy's name as the lexicon spells it ("Eltrombopag").</summary>
    public string Name(string therapyId) => _names.TryGetValue(therapyId, out var name) ? name : therapyId;
}
