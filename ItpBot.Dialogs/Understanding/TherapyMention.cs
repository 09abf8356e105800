namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// A therapy named in a message. One id for a therapy ("Nplate" -> romiplostim); several for a class named without
/// saying which ("TPO-RA", "steroids"), which the caller must ask about rather than guess.
/// </summary>
/// <param name="Text">The words as written (normalised).</param>
/// <param name="Start">Offset in the normalised message.</param>
/// <param name="TherapyIds">Contract therapy ids the words may mean.</param>
/// <param name="ClassName">For a class: its name (e.g. "TPO-RA").</param>
/// <param name="IsFuzzy">Matched despite a typo.</param>
public sealed record TherapyMention(
    string Text,
    int Start,
    int Length,
    IReadOnlyList<string> TherapyIds,
    string? ClassName = null,
    bool IsFuzzy = false)
{
    /// <summary>The one therapy meant, or null for a class.</summary>
    public string? TherapyId => TherapyIds.Count == 1 ? TherapyIds[0] : null;

    public bool IsClass => ClassName is not null || TherapyIds.Count > 1;

    public int End => Start + Length;
}
