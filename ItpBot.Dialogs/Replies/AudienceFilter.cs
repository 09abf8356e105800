using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Content text as one audience should read it: unchanged for clinicians, without doses for patients, and for a
/// caregiver the patient's lines worded about the patient ("She should be seen in hospital today").
/// </summary>
internal readonly record struct AudienceFilter(Audience Audience, Conversation.Addressee? To = null)
{
    public bool IsPatient => Audience == Audience.Patient;

    public string? Text(string? text) =>
        IsPatient ? ForCaregiver(PatientLanguage.WithoutDoses(text)) : string.IsNullOrWhiteSpace(text) ? null : text;

    public IReadOnlyList<string> Texts(IEnumerable<string> texts)
    {
        if (!IsPatient)
        {
            return texts.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        }

        var plain = PatientLanguage.WithoutDoses(texts);
        return To is { IsCaregiver: true } caregiver ? plain.Select(t => CaregiverWording.Default.Reword(t, caregiver.Sex)).ToList() : plain;
    }

    private string? ForCaregiver(string? text) =>
        To is { IsCaregiver: true } caregiver && text is not null ? CaregiverWording.Default.Reword(text, caregiver.Sex) : text;
}
