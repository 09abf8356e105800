using System.Globalization;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// The case as the user gave it, one line per intake question, for the confirmation and for "Noted: ...". The values
/// are the user's own, echoed back (escaped), never clinical claims.
/// </summary>
public sealed class CaseSummaryText(ITherapyLexicon lexicon)
{
    private readonly IReadOnlyDictionary<string, string> _names =
        lexicon.Therapies.ToDictionary(t => t.TherapyId, t => t.Name, StringComparer.Ordinal);

    public IReadOnlyList<string> Lines(PatientProfile profile, IEnumerable<IntakeField> fields) =>
        fields.Distinct().Select(field => Line(profile, field)).OfType<string>().ToList();

    public IReadOnlyList<string> Lines(PatientProfile profile) =>
        Lines(profile, Enum.GetValues<IntakeField>().Where(f => IntakePlan.IsKnown(profile, f)));

    private string? Line(PatientProfile p, IntakeField field)
    {
        var value = field switch
        {
            IntakeField.PlateletCount => p.PlateletCount is { } count ? $"{Number(count)} × 10⁹/L" : null,
            IntakeField.Bleeding => p.Bleeding is { } bleeding ? Kebab(bleeding) : null,
            IntakeField.TimeSinceDiagnosis => p.MonthsSinceDiagnosis is { } months ? $"{Number(months)} months" : null,
            IntakeField.PriorTreatments => p.PriorTreatments is { } prior
                ? prior.Count == 0 ? "none" : string.Join("; ", prior.Select(t => $"{Name(t.Therapy)}: {Kebab(t.Outcome)}"))
                : null,
            IntakeField.Splenectomy => YesNo(p.Splenectomy),
            IntakeField.Antithrombotics => List(p.Antithrombotics),
            IntakeField.Comorbidities => List(p.Comorbidities),
            IntakeField.Age => p.AgeYears?.ToString(CultureInfo.InvariantCulture),
            IntakeField.Sex => p.Sex is { } sex ? Kebab(sex) : null,
            IntakeField.Weight => p.WeightKg is { } kg ? $"{Number(kg)} kg" : null,
            IntakeField.Pregnancy => p.Pregnant is true && p.GestationWeeks is { } weeks ? $"yes, {weeks} weeks" : YesNo(p.Pregnant),
            IntakeField.Ancestry => YesNo(p.EastAsianAncestry),
            IntakeField.Preferences => List(p.Preferences),
            IntakeField.Unavailable => p.Unavailable is { } unavailable
                ? unavailable.Count == 0 ? "none" : string.Join(", ", unavailable.Select(Name))
                : null,
            _ => null,
        };

        return value is null ? null : $"{Label(field)}: {MarkdownText.Escape(value)}";
    }

    private static string Label(IntakeField field) => field switch
    {
        IntakeField.PlateletCount => "Platelet count",
        IntakeField.Bleeding => "Bleeding now",
        IntakeField.TimeSinceDiagnosis => "Since diagnosis",
        IntakeField.PriorTreatments => "Prior treatments",
        IntakeField.Splenectomy => "Splenectomy",
        IntakeField.Antithrombotics => "Antithrombotics",
        IntakeField.Comorbidities => "Comorbidities",
        IntakeField.Age => "Age",
        IntakeField.Sex => "Sex",
        IntakeField.Weight => "Weight",
        IntakeField.Pregnancy => "Pregnant",
        IntakeField.Ancestry => "East Asian ancestry",
        IntakeField.Preferences => "Preferences",
        IntakeField.Unavailable => "Not available",
        _ => field.ToString(),
    };

    /// <summary>The therapy's name as the lexicon spells it ("Eltrombopag").</summary>
    public string Name(string therapyId) => _names.TryGetValue(therapyId, out var name) ? name : therapyId;

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };

    private static string? List<T>(IReadOnlyList<T>? values) where T : struct, Enum =>
        values is null ? null : values.Count == 0 ? "none" : string.Join(", ", values.Select(v => Kebab(v)));

    private static string Kebab<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, ContractJson.Options).Trim('"').Replace('-', ' ');
}
