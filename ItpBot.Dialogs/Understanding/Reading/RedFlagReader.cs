using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Red flags from clinical signs: the lexicon's <c>sign</c> phrases are found with their context, and the current
/// signs about the patient (with the current platelet count) are tested against the lexicon's combination rules,
/// in file order. A sign that is denied, past, hypothetical or about someone else raises nothing.
/// </summary>
internal sealed class RedFlagReader
{
    private readonly IReadOnlyList<RedFlagRule> rules;

    public RedFlagReader(ReadingLexicon lexicon) => rules = lexicon.Rules;

    /// <param name="signs">Sign findings with their context.</param>
    /// <param name="plateletCount">The current count, when the message gives one.</param>
    public IReadOnlyList<RedFlag> Read(IReadOnlyList<SignFinding> signs, double? plateletCount)
    {
        var present = signs.Where(s => s.Context.IsCurrentAboutPatient
            || (s.Sign.Tags.Contains("event") && s.Context is { Status: FindingStatus.Historical, Experiencer: Experiencer.Patient })).ToList();
        if (present.Count == 0)
        {
            return [];
        }

        var names = present.SelectMany(s => s.Sign.Tags.Append(s.Sign.Meaning)).ToHashSet(StringComparer.Ordinal);
        var flags = new List<RedFlag>();
        foreach (var rule in rules)
        {
            foreach (var condition in rule.When)
            {
                if (!condition.All.All(names.Contains)
                    || (condition.PlateletsBelow is { } below && !(plateletCount < below)))
                {
                    continue;
                }

                var used = present.Where(s => condition.All.Any(n => n == s.Sign.Meaning || s.Sign.Tags.Contains(n))).ToList();
                flags.Add(new RedFlag(
                    rule.Id,
                    rule.Grade,
                    rule.Site,
                    used.Select(s => s.Sign.Meaning).Distinct().ToList(),
                    string.Join(", ", used.Select(s => s.Evidence).Distinct())));
                break;
            }
        }

        return flags.OrderByDescending(f => f.Grade).ToList();
    }
}
