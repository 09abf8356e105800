using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Conversation.Fields;

/// <summary>
/// Fields a clinician asks about in one breath ("Is she pregnant, or planning a pregnancy?"): asked as one question
/// when two or more of them are still wanted, and the reply read for each of them by its own reader. The question's
/// words live in ConversationTexts.yaml under <c>groups</c>, by <see cref="Id"/>.
/// </summary>
public sealed record QuestionGroup
{
    public required string Id { get; init; }

    /// <summary>The fields asked together, in the registry's order.</summary>
    public required IReadOnlyList<IntakeField> Fields { get; init; }

    /// <summary>
    /// What a bare "no", "none", "neither" or "nothing like that" answers, field by field: only the fields where that
    /// is clinically sound (no pregnancy and no plans; no preferences and everything available). A field it leaves
    /// unset is asked on its own. Null for a group a bare negative answers nothing of (age, sex and weight).
    /// </summary>
    public required PatientProfile? BareNegative { get; init; }

    /// <summary>
    /// Once one field of the group is wanted, its other fields still unknown are asked with it, even those that alone
    /// would not be asked yet: a clinician who asks whether she is pregnant asks about plans in the same breath, and
    /// the second half of the question costs no turn. Off, a field joins only when it is wanted in its own right.
    /// </summary>
    public bool AskedWhole { get; init; }

    /// <summary>What "no particular preference" or "whatever works" answers; null when it answers nothing here.</summary>
    public PatientProfile? NoPreference { get; init; }

    /// <summary>
    /// Fields outside the group that its question invites the user to volunteer ("say too if she cannot become
    /// pregnant"): once the group's fields are known, an invited field the answer left unsaid keeps the advisor's
    /// default (she could become pregnant, the cautious reading) and is not asked on its own: one question settles
    /// both wherever the answer does.
    /// </summary>
    public IReadOnlyList<IntakeField> Invites { get; init; } = [];

    /// <summary>
    /// Fields asked in another field's part of the question rather than in a part of their own ("medicines taken now,
    /// including any anticoagulant, antiplatelet or NSAID" asks the current drugs and the blood thinners at once). Such
    /// a field joins the group's question whenever the group is asked and it is still open, and only the first time:
    /// asked in a part the question has anyway, it costs no turn.
    /// </summary>
    public IReadOnlyList<SharedPart> SharedParts { get; init; } = [];

    /// <summary>The field whose part of the question asks <paramref name="field"/>: the field itself, unless it shares one.</summary>
    public IntakeField PartOf(IntakeField field) => SharedParts.FirstOrDefault(s => s.Field == field)?.Part ?? field;

    /// <summary>
    /// The parts of the question that asks <paramref name="asked"/>, in the question's order, each with the fields it
    /// answers: a shared field stands in its part's place, with that field when it is asked too, or alone ("any other
    /// medicines now?" once the summary gave the thinners).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<IntakeField>> Parts(IReadOnlyList<IntakeField> asked) =>
        asked.GroupBy(f => asked.Contains(PartOf(f)) ? PartOf(f) : f)
            .OrderBy(part => Position(PartOf(part.Key)))
            .Select(part => (IReadOnlyList<IntakeField>)part.ToList())
            .ToList();

    private int Position(IntakeField field)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i] == field)
            {
                return i;
            }
        }

        return Fields.Count;
    }
}

/// <summary>
/// <paramref name="Field"/> is asked in the part of the group's question that asks <paramref name="Part"/>. It joins
/// the question while <paramref name="StillOpen"/> holds of the case (unknown, or known only in part), unless it was
/// asked already.
/// </summary>
public sealed record SharedPart(IntakeField Field, IntakeField Part, Func<PatientProfile, bool> StillOpen);
