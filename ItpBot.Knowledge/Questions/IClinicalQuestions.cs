using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Questions;

/// <summary>What a clinician may ask at any point of a conversation.</summary>
public enum QuestionKind
{
    Dose,
    ResponseRate,
    SideEffects,
    Onset,
    Monitoring,
    PregnancySafety,
    /// <summary>Two therapies side by side ("romiplostim vs eltrombopag").</summary>
    Comparison,
    /// <summary>A term ("what is refractory ITP?", "corticosteroid dependence").</summary>
    Definition,
    /// <summary>Everything the content holds on one therapy.</summary>
    Overview,
}

/// <param name="Therapies">Therapy ids the question names (two for a comparison).</param>
/// <param name="Term">For definitions: the term as recognised (e.g. "refractory", "chronic", "response").</param>
/// <param name="WeightKg">Known weight, for weight-based doses.</param>
public sealed record ClinicalQuestion(
    QuestionKind Kind,
    IReadOnlyList<string> Therapies,
    string? Term = null,
    double? WeightKg = null,
    Audience Audience = Audience.Clinician);

/// <summary>
/// An answer from the knowledge content. <paramref name="Paragraphs"/> are plain sentences (no Markdown) in which
/// citations are reference ids in <paramref name="Citations"/>; the Dialogs layer numbers and renders them.
/// </summary>
public sealed record ClinicalAnswer(
    string Title,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Citations,
    IReadOnlyList<Reference> References)
{
    /// <summary>
    /// The reference ids each paragraph rests on, one list per paragraph (same order), so a reply can cite paragraph
    /// by paragraph; empty when unknown, and then the answer-level citations are shown together.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> ParagraphCitations { get; init; } = [];
}

public interface IClinicalQuestions
{
    /// <summary>Null when the content has nothing on it (unknown therapy or term).</summary>
    ClinicalAnswer? Answer(ClinicalQuestion question);
}

/// <summary>The names a user may type for a therapy: used by the Dialogs layer to recognise therapies in text.</summary>
public sealed record TherapyName(string TherapyId, string Name, IReadOnlyList<string> Synonyms);

public interface ITherapyLexicon
{
    /// <summary>One entry per contract therapy id: display name and every brand, abbreviation and spelling.</summary>
    IReadOnlyList<TherapyName> Therapies { get; }

    /// <summary>Definition terms the content holds (e.g. "refractory", "chronic", "corticosteroid dependence").</summary>
    IReadOnlyList<string> DefinitionTerms { get; }
}
