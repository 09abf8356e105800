namespace ItpBot.Dialogs.Replies;

/// <summary>
/// What a reader can ask for after the assessment's opening: the rest of the plan, one topic per reply, so the
/// opening stays short enough to read at the bedside.
/// </summary>
public enum AssessmentTopic
{
    /// <summary>Every step for today with all its reasons.</summary>
    Today,
    /// <summary>The options after the first choice, with the ranking criteria.</summary>
    Alternatives,
    /// <summary>The dosing of every option.</summary>
    Dosing,
    /// <summary>Response rates and onset of every option.</summary>
    Response,
    /// <summary>Alerts not given in the opening, cautions, and the steps on starting and on stopping each option.</summary>
    Safety,
    /// <summary>Interactions with the patient's drugs, and the drugs the content does not know.</summary>
    Interactions,
    /// <summary>What to avoid now, and why.</summary>
    Avoid,
    /// <summary>Every decision the situation raises, with its reasons.</summary>
    Decisions,
    /// <summary>Every reference behind the assessment.</summary>
    References,
}
