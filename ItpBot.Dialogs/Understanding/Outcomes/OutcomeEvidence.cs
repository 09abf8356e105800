using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Outcomes;

/// <summary>What the structure of a drug's clause says about how it went.</summary>
internal enum EvidenceKind
{
    /// <summary>The drug as the agent of a harm ("gave her a serum sickness reaction"), a harm had on it, or the
    /// drug stopped because of something that is not a count, response, time, cost, supply, choice or plan.</summary>
    Harm,

    /// <summary>The count held only by going on: doses again and again to keep it up, a fall when a dose is missed.</summary>
    Dependence,

    /// <summary>The count went up (or the drug worked), then came down; or it came down once the drug was stopped
    /// for a reason that is no harm (cost, pregnancy, choice, supply): a response lost either way.</summary>
    UpThenDown,

    /// <summary>A response with a length that has ended ("worked for ten days", "good short-term").</summary>
    ResponseWithLength,

    /// <summary>A response that runs to now ("has kept me fine for 2 years", "did well and still does").</summary>
    ResponseToNow,

    /// <summary>A course begun a short while ago ("began 10 days ago", "since last month").</summary>
    RecentStart,
}

/// <param name="Kind">What was found.</param>
/// <param name="Start">Where the frame starts in the normalised text.</param>
/// <param name="Length">How long it is.</param>
internal readonly record struct OutcomeEvidence(EvidenceKind Kind, int Start, int Length)
{
    /// <summary>
    /// The outcome this evidence says, by the contract's definitions. When a drug's clause holds several pieces of
    /// evidence (or cue words), <see cref="TreatmentOutcomeRecognizer.Rank"/> decides, in one place: a harm that
    /// stopped the drug &gt; dependence &gt; up-then-down (relapsed) &gt; no rise &gt; rise (response) &gt; ongoing.
    /// </summary>
    public TreatmentOutcome Outcome => Kind switch
    {
        EvidenceKind.Harm => TreatmentOutcome.Intolerant,
        EvidenceKind.Dependence => TreatmentOutcome.Dependent,
        EvidenceKind.UpThenDown or EvidenceKind.ResponseWithLength => TreatmentOutcome.Relapsed,
        EvidenceKind.ResponseToNow => TreatmentOutcome.Response,
        _ => TreatmentOutcome.Ongoing,
    };

    public int End => Start + Length;
}
