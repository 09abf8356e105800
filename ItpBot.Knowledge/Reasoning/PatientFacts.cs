using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning;

/// <summary>The profile read once, with the look-ups the rules share. Unknown stays null.</summary>
internal sealed class PatientFacts
{
    private static readonly IReadOnlyList<PriorTreatment> NoPriors = [];

    public PatientFacts(PatientProfile profile, KnowledgeBase knowledge)
    {
        Profile = profile;
        Audience = profile.Audience ?? Audience.Clinician;
        Priors = profile.PriorTreatments ?? NoPriors;
        Knowledge = knowledge;
    }

    public PatientProfile Profile { get; }
    public KnowledgeBase Knowledge { get; }
    public Audience Audience { get; }
    public IReadOnlyList<PriorTreatment> Priors { get; }

    public double? Count => Profile.PlateletCount;
    public bool Pregnant => Profile.Pregnant == true;
    public bool SplenectomyDone => Profile.Splenectomy == true || HadTherapy(TherapyIds.Splenectomy);

    public bool CountBelow(double threshold) => Count is { } c && c < threshold;

    public bool Has(Comorbidity comorbidity) => Profile.Comorbidities?.Contains(comorbidity) == true;

    public bool Takes(Antithrombotic antithrombotic) => Profile.Antithrombotics?.Contains(antithrombotic) == true;

    public bool Prefers(Preference preference) => Profile.Preferences?.Contains(preference) == true;

    public bool HadTherapy(string therapyId)
    {
        foreach (var p in Priors) if (p.Therapy == therapyId) return true;
        return false;
    }

    public bool Had(string therapyId, TreatmentOutcome outcome)
    {
        foreach (var p in Priors) if (p.Therapy == therapyId && p.Outcome == outcome) return true;
        return false;
    }

    /// <summary>The content entry of a prior treatment, or null for an id the content does not know.</summary>
    public Therapy? TherapyOf(PriorTreatment prior) =>
        Knowledge.TryGetTherapy(prior.Therapy, out var therapy) ? therapy : null;

    /// <summary>No response, loss of response or dependence: the treatment did not control the disease.</summary>
    public static bool IsFailure(TreatmentOutcome outcome) =>
        outcome is TreatmentOutcome.NoResponse or TreatmentOutcome.Relapsed or TreatmentOutcome.Dependent;

    /// <summary>Distinct treatments beyond first line that failed.</summary>
    public int FailedTreatmentsBeyondFirstLine()
    {
        var count = 0;
        for (var i = 0; i < Priors.Count; i++)
        {
            var p = Priors[i];
            if (!IsFailure(p.Outcome) || TherapyOf(p) is not { Line: LineOfTherapy.Second or LineOfTherapy.Third }) continue;
            var seenBefore = false;
            for (var j = 0; j < i; j++)
                if (Priors[j].Therapy == p.Therapy && IsFailure(Priors[j].Outcome)) seenBefore = true;
            if (!seenBefore) count++;
        }
        return count;
    }
}
