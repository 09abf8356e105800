using ItpBot.Knowledge.Questions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>What a message asks the bot to do, apart from answering the pending question.</summary>
public abstract record Intent;

public enum Command
{
    Help,
    Cancel,
    /// <summary>Start over, new patient: the profile is cleared.</summary>
    StartOver,
    /// <summary>Delete what is stored about the user.</summary>
    ForgetMe,
    SwitchToPatient,
    SwitchToClinician,
    /// <summary>"show me the summary again", "print the plan": the case so far, or the plan once it is made.</summary>
    ShowCase,
    /// <summary>"change my answer about her weight": the case so far, and how to set a value right.</summary>
    ChangeAnswer,
}

public sealed record CommandIntent(Command Command) : Intent;

/// <param name="Question">For the knowledge content.</param>
/// <param name="WhyNot">"Why not X?": explain X's absence from the assessment first (its avoid reason), then X.</param>
/// <param name="AmbiguousClasses">Classes the question named ("TPO-RAs"), already spread into their therapies.</param>
public sealed record QuestionIntent(ClinicalQuestion Question, bool WhyNot = false, IReadOnlyList<string>? AmbiguousClasses = null) : Intent;
