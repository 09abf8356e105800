using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// The profile's bleeding grade from the signs of one message, by the lexicon's grade rules (signs.yaml): the worst
/// grade whose signs are all current and about the patient. Denied bleeding, or "asymptomatic", is none; a past or
/// a relative's bleed is not said at all.
/// </summary>
internal sealed class BleedingGrader(ReadingLexicon lexicon)
{
    private static readonly string[] BleedingTags = ["bleeding", "mucosal", "skin-bleed", "explicit-critical", "explicit-severe"];

    private readonly IReadOnlyList<BleedingGradeRule> grades = lexicon.Grades;

    public BleedingFinding? Grade(IReadOnlyList<SignFinding> signs)
    {
        var present = signs.Where(s => s.Context.IsCurrentAboutPatient).ToList();
        var names = present.SelectMany(s => s.Sign.Tags.Append(s.Sign.Meaning)).ToHashSet(StringComparer.Ordinal);
        foreach (var grade in grades)
        {
            foreach (var condition in grade.When)
            {
                if (condition.All(names.Contains))
                {
                    var decisive = present.Last(s => condition.Any(n => n == s.Sign.Meaning || s.Sign.Tags.Contains(n)));
                    return new BleedingFinding(grade.Grade, decisive.Evidence);
                }
            }
        }

        var aboutBleeding = signs.Where(s => BleedingTags.Any(s.Sign.Tags.Contains)).ToList();
        var denied = names.Contains("bleeding-denied")
            || aboutBleeding.Any(s => s.Context is { Status: FindingStatus.Negated, Experiencer: Experiencer.Patient })
            // "nothing now" is itself a denial, so it is looked for in any context.
            || (signs.Any(s => s.Sign.Tags.Contains("nothing-now")) && aboutBleeding.Count > 0);
        return denied ? new BleedingFinding(Bleeding.None, null) : null;
    }
}
