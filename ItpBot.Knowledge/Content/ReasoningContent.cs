using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Content;

/// <summary>How an interaction bears on an option: the label says avoid the pairing, it raises a risk, or it changes dose or timing.</summary>
public enum InteractionSeverity { Avoid, Major, Adjust }

/// <summary>A drug a clinician may write in <see cref="PatientProfile.CurrentDrugs"/>, with the classes the reasoning reads.</summary>
public sealed record KnownDrug(string Name, IReadOnlyList<string> Synonyms, IReadOnlySet<string> Classes, IReadOnlyList<string> Citations);

/// <summary>An option that interacts with every current drug of a class.</summary>
public sealed record InteractionRule(string Therapy, string DrugClass, InteractionSeverity Severity, CitedText Text);

/// <summary>The count a kind of procedure needs, with its source.</summary>
public sealed record ProcedureTarget(ProcedureKind Procedure, double CountFrom, CitedText Text);

/// <summary>A TPO-RA's label titration: thresholds in × 10⁹/L, step and maximum in <see cref="Unit"/>.</summary>
public sealed record Titration(
    string Therapy, string Unit, double Step, double Max, double IncreaseBelow, double ReduceFrom, double HoldAbove,
    CitedText Increase, CitedText Reduce, CitedText Hold);

/// <summary>How an option weighs for a typical patient before this patient's facts (see reasoning.yaml, grades).</summary>
public sealed record OptionGrade(
    string Therapy, double? Durable, string? ComparableTo, double? FavourableDurable, CitedText DurableText,
    FitGrade Durability, FitGrade Onset, FitGrade Burden);

/// <summary>Safety steps when an option starts and when it stops or is switched.</summary>
public sealed record Transition(string Therapy, IReadOnlyList<CitedText> OnStart, IReadOnlyList<CitedText> OnStop);

/// <summary>Words that classify a clinician's question into a kind the reasoning answers.</summary>
public sealed record QuestionKind(string Kind, IReadOnlyList<string> Words);

/// <summary>The v2 reasoning's content (reasoning.yaml), validated at start-up.</summary>
public sealed record ReasoningContent(
    IReadOnlyDictionary<string, CitedText> Texts,
    IReadOnlyList<KnownDrug> Drugs,
    IReadOnlyList<InteractionRule> Interactions,
    IReadOnlyDictionary<ProcedureKind, ProcedureTarget> ProcedureTargets,
    IReadOnlyDictionary<string, Titration> Titrations,
    IReadOnlyDictionary<string, OptionGrade> Grades,
    IReadOnlyDictionary<string, Transition> Transitions,
    IReadOnlyList<QuestionKind> Questions)
{
    public CitedText Text(string id) => Texts[id];

    /// <summary>The durable response used to compare options: its own figure, or that of the option it is comparable to.</summary>
    public double? DurableOf(string therapy)
    {
        if (!Grades.TryGetValue(therapy, out var grade)) return null;
        if (grade.Durable is { } d) return d;
        return grade.ComparableTo is { } other && Grades.TryGetValue(other, out var g) ? g.Durable : null;
    }
}
