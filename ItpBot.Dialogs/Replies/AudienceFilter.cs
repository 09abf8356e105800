using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Replies;

/// <summary>Content text as one audience should read it: unchanged for clinicians, without doses for patients.</summary>
internal readonly record struct AudienceFilter(Audience Audience)
{
    public bool IsPatient => Audience == Audience.Patient;

    public string? Text(string? text) =>
        IsPatient ? PatientLanguage.WithoutDoses(text) : string.IsNullOrWhiteSpace(text) ? null : text;

    public IReadOnlyList<string> Texts(IEnumerable<string> texts) =>
        IsPatient ? PatientLanguage.WithoutDoses(texts) : texts.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
}
