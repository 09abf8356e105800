namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Therapies the patient cannot obtain are never offered, by this or any later rule.</summary>
internal sealed class AvailabilityRule : IAssessmentRule
{
    public string Name => "availability";

    public void Apply(AssessmentDraft draft)
    {
        foreach (var id in draft.Facts.Profile.Unavailable ?? []) draft.Block(id);
    }
}
