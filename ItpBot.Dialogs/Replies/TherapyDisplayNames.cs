using ItpBot.Knowledge.Questions;

namespace ItpBot.Dialogs.Replies;

/// <summary>The name a reader sees for a therapy id: the lexicon's display name, or the id made readable.</summary>
public sealed class TherapyDisplayNames
{
    private readonly IReadOnlyDictionary<string, string> names;

    public TherapyDisplayNames(ITherapyLexicon? lexicon = null)
    {
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var therapy in lexicon?.Therapies ?? [])
        {
            if (!string.IsNullOrWhiteSpace(therapy.Name)) byId.TryAdd(therapy.TherapyId, therapy.Name);
        }
        names = byId;
    }

    public string Name(string therapyId) =>
        names.TryGetValue(therapyId, out var name) ? name : Humanize.KebabId(therapyId);

    /// <summary>Therapies given together: "IVIg + Methylprednisolone".</summary>
    public string Combination(IEnumerable<string> therapyIds) => string.Join(" + ", therapyIds.Select(Name));
}
