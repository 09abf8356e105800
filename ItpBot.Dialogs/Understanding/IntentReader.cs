using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// Commands ("help", "start over", "I'm a patient") and clinical questions ("dose of danazol?", "romiplostim vs
/// eltrombopag", "what is refractory ITP?"). A plain answer to a pending question ("12", "yes", "eltrombopag",
/// "side effects too bad") is neither: a question needs a question's shape and a question's subject.
/// </summary>
public sealed partial class IntentReader
{
    private readonly TherapyRecognizer therapies;
    private readonly IReadOnlyList<(string Term, Regex Pattern)> terms;

    private readonly CommandReader commands;

    /// <param name="reading">The reading lexicon whose <c>command</c> phrases are the commands; the shipped one by default.</param>
    public IntentReader(TherapyRecognizer therapies, ITherapyLexicon lexicon, ReadingLexicon? reading = null)
    {
        ArgumentNullException.ThrowIfNull(therapies);
        ArgumentNullException.ThrowIfNull(lexicon);
        this.therapies = therapies;
        commands = new CommandReader(reading ?? ReadingLexicon.Default);
        terms = lexicon.DefinitionTerms
            .Select(t => (Term: t, Key: UnderstandingText.Normalize(t)))
            .Where(t => t.Key.Length > 0)
            .OrderByDescending(t => t.Key.Length)
            .Select(t => (t.Term, new Regex(@"\b" + Regex.Escape(t.Key).Replace(@"\ ", @"[\s-]+", StringComparison.Ordinal) + @"\b",
                RegexOptions.CultureInvariant)))
            .ToList();
    }

    /// <param name="weightKg">Known weight, passed on for weight-based doses.</param>
    /// <param name="audience">Who is asking, passed on for the wording of the answer.</param>
    /// <param name="asks">
    /// Whether the message reader's question grammar (question.yaml) found a question in the message; without it a
    /// question's shape is only its first words and its question mark.
    /// </param>
    public Intent? Read(string? text, double? weightKg = null, Audience audience = Audience.Clinician, bool? asks = null) =>
        Read(MessageText.Of(text), weightKg, audience, asks);

    /// <summary>As <see cref="Read(string?, double?, Audience, bool?)"/>, from the message's reading.</summary>
    internal Intent? Read(MessageText text, double? weightKg = null, Audience audience = Audience.Clinician, bool? asks = null)
    {
        var normalized = text.Normalized;
        if (normalized.Length == 0)
        {
            return null;
        }

        if (ReadCommand(normalized) is { } command)
        {
            return new CommandIntent(command);
        }

        return ReadQuestion(normalized, text.Therapies(therapies), weightKg, audience, asks);
    }

    // The words are commands.yaml's; a lone "?" asks for help.
    private Command? ReadCommand(string normalized) =>
        normalized.Trim() == "?" ? Command.Help : commands.Read(normalized) ?? commands.ReadOpening(normalized);

    /// <summary>The therapies named in a normalised text, where they are.</summary>
    internal IReadOnlyList<TherapyMention> Therapies(MessageText text) => text.Therapies(therapies);

    /// <summary>"romiplostim dose", "IVIG onset": a therapy and what is wanted of it, in a few words, is a question too.</summary>
    private static bool IsTerseQuestion(string normalized, IReadOnlyList<string> therapyIds) =>
        therapyIds.Count > 0
        && (UnderstandingText.WordCount(normalized) <= 4
            && (DoseCue().IsMatch(normalized) || OnsetCue().IsMatch(normalized) || MonitoringCue().IsMatch(normalized)
                || SideEffectCue().IsMatch(normalized) || PregnancyCue().IsMatch(normalized) || ResponseCue().IsMatch(normalized))
            || IsHeadlineQuestion(normalized));

    /// <summary>
    /// "eltrombopag dose for East Asian patient": a therapy and a dose, onset or monitoring cue, with a few words of
    /// context, is a question even though it also states a fact. Not when it reads as history: a number ("on
    /// eltrombopag dose 50 mg, plt 20") or how a treatment went ("dose reduced, then relapsed").
    /// </summary>
    private static bool IsHeadlineQuestion(string normalized) =>
        UnderstandingText.WordCount(normalized) <= 8
        && (DoseCue().IsMatch(normalized) || OnsetCue().IsMatch(normalized) || MonitoringCue().IsMatch(normalized))
        && !normalized.Any(char.IsDigit)
        && Outcomes.Recognize(normalized) is null;

    private static readonly TreatmentOutcomeRecognizer Outcomes = new();

    private QuestionIntent? ReadQuestion(string normalized, IReadOnlyList<TherapyMention> mentions, double? weightKg, Audience audience, bool? asks)
    {
        var ids = mentions.SelectMany(m => m.TherapyIds).Distinct().ToList();
        var classes = mentions.Where(m => m.IsClass).Select(m => m.ClassName ?? m.Text).Distinct().ToList();
        // The grammar knows "could get pregnant" states and "plt 60, is avatrombopag risky" asks; first words do not.
        var isQuestion = (asks ?? QuestionShape().IsMatch(normalized)) || Versus().IsMatch(normalized) || CueFirst().IsMatch(normalized)
            || IsTerseQuestion(normalized, ids);
        if (!isQuestion)
        {
            return null;
        }

        QuestionIntent Ask(QuestionKind kind, IReadOnlyList<string> therapyIds, string? term = null, bool whyNot = false) =>
            new(new ClinicalQuestion(kind, therapyIds, term, weightKg, audience), whyNot, classes.Count > 0 ? classes : null);

        if (WhyNot().IsMatch(normalized) && ids.Count > 0)
        {
            return Ask(QuestionKind.Overview, ids, whyNot: true);
        }

        if (mentions.Count >= 2 && Comparison().IsMatch(normalized))
        {
            return Ask(QuestionKind.Comparison, ids);
        }

        var definedTerm = DefinitionCue().IsMatch(normalized) ? DefinedTerm(normalized, mentions) : null;
        var kind = PregnancyCue().IsMatch(normalized) ? QuestionKind.PregnancySafety
            : DoseCue().IsMatch(normalized) ? QuestionKind.Dose
            : OnsetCue().IsMatch(normalized) ? QuestionKind.Onset
            : MonitoringCue().IsMatch(normalized) ? QuestionKind.Monitoring
            : ResponseCue().IsMatch(normalized) ? QuestionKind.ResponseRate
            : SideEffectCue().IsMatch(normalized) ? QuestionKind.SideEffects
            : (QuestionKind?)null;
        // "what is complete response?" asks for a term the content defines; "what is the response rate?" does not.
        if (kind is null && definedTerm is not null)
        {
            return Ask(QuestionKind.Definition, [], definedTerm);
        }

        if (kind is not null)
        {
            return Ask(kind.Value, ids);
        }

        // A term the content may not hold needs an explicit ask ("define X"); "what's next?" is no definition.
        if (ExplicitDefinition().IsMatch(normalized) && ids.Count == 0)
        {
            var term = FreeTerm(normalized);
            return string.IsNullOrWhiteSpace(term) ? null : Ask(QuestionKind.Definition, [], term);
        }

        return ids.Count > 0 && OverviewCue().IsMatch(normalized) ? Ask(QuestionKind.Overview, ids) : null;
    }

    // A term the content defines, unless the question also names a therapy outside it ("corticosteroid
    // dependence" names a class inside the term; "what is romiplostim" asks about the drug).
    private string? DefinedTerm(string normalized, IReadOnlyList<TherapyMention> mentions)
    {
        foreach (var (term, pattern) in terms)
        {
            var match = pattern.Match(normalized);
            if (match.Success && mentions.All(m => m.Start >= match.Index && m.End <= match.Index + match.Length))
            {
                return term;
            }
        }

        return null;
    }

    // The words after "what is" when the content has no such term: the content then says it has nothing on it.
    private static string? FreeTerm(string normalized)
    {
        var term = DefinitionCue().Replace(normalized, string.Empty);
        term = Trailing().Replace(term, string.Empty).Trim();
        term = Regex.Replace(term, @"^(?:an?|the)\s+|\s+(?:mean|means)$", string.Empty, RegexOptions.CultureInvariant).Trim();
        term = Regex.Replace(term, @"^(?:by|of)\s+", string.Empty, RegexOptions.CultureInvariant).Trim();
        return term.Length == 0 ? null : term;
    }

    [GeneratedRegex(@"[\s?.!,;:]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Trailing();

    // The words are the lexicon's (question-kinds.yaml, question-openings.yaml); where they count is the grammar here.
    private static readonly Lazy<QuestionWords> Words = new(() => new QuestionWords(ReadingLexicon.Default));

    private static Regex QuestionShape() => Words.Value.Shape;

    private static Regex Versus() => Words.Value.Versus;

    // "dose of danazol", "side effects of rituximab": a question written as a heading.
    private static Regex CueFirst() => Words.Value.Heading;

    private static Regex WhyNot() => Words.Value.WhyNot;

    private static Regex Comparison() => Words.Value.Comparison;

    private static Regex PregnancyCue() => Words.Value.Pregnancy;

    private static Regex DoseCue() => Words.Value.Dose;

    private static Regex OnsetCue() => Words.Value.Onset;

    private static Regex MonitoringCue() => Words.Value.Monitoring;

    private static Regex ResponseCue() => Words.Value.Response;

    private static Regex SideEffectCue() => Words.Value.SideEffects;

    private static Regex DefinitionCue() => Words.Value.Definition;

    private static Regex ExplicitDefinition() => Words.Value.ExplicitDefinition;

    private static Regex OverviewCue() => Words.Value.Overview;

    private sealed class QuestionWords(ReadingLexicon lexicon)
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

        private static string Kind(ReadingLexicon source, params string[] meanings) => LexiconRegex.Alternation(source, "question-kind", meanings);

        private static string Opening(ReadingLexicon source, params string[] meanings) => LexiconRegex.Alternation(source, "question-opening", meanings);

        private static Regex Anywhere(string words) => new(@"\b" + words + @"\b", Options);

        public Regex Shape { get; } = new(@"\?\s*$|^" + Opening(lexicon, "wh-word", "auxiliary", "request", "request-more") + @"\b|\b" + Kind(lexicon, "versus") + @"\b", Options);

        public Regex Versus { get; } = Anywhere(Kind(lexicon, "versus"));

        public Regex Heading { get; } = new(@"^(?:the\s+)?" + Kind(lexicon, "heading", "explicit-definition") + @"\b", Options);

        public Regex WhyNot { get; } = new(@"^why\b[\w\s']{0,20}\b" + Kind(lexicon, "why-not") + @"\b|^why\s+not\b", Options);

        public Regex Comparison { get; } = Anywhere(Kind(lexicon, "versus", "comparison"));

        public Regex Pregnancy { get; } = Anywhere(Kind(lexicon, "pregnancy"));

        public Regex Dose { get; } = Anywhere(Kind(lexicon, "dose"));

        public Regex Onset { get; } = new(@"\b" + Kind(lexicon, "onset") + @"\b|\b" + Kind(lexicon, "onset-when") + @"\b.*\b" + Kind(lexicon, "onset-change") + @"\b", Options);

        public Regex Monitoring { get; } = Anywhere(Kind(lexicon, "monitoring"));

        // "does eltrombopag work": any one word between.
        public Regex Response { get; } = new(@"\b(?:" + Kind(lexicon, "response-rate") + @"|does\s+\w+\s+work)\b", Options);

        public Regex SideEffects { get; } = Anywhere(Kind(lexicon, "side-effects"));

        // In this order: "what is meant by" is read as "what is" and its words, as it always was.
        public Regex Definition { get; } = new(@"^" + Kind(lexicon, "what-is", "definition", "explicit-definition") + @"\b(?:\s+(?:an?|the)\b)?", Options);

        public Regex ExplicitDefinition { get; } = new(@"^" + Kind(lexicon, "explicit-definition") + @"\b|^what (?:does|do) .+ mean\b", Options);

        public Regex Overview { get; } = new(@"\b(?:" + Kind(lexicon, "overview", "what-is") + @"|how does \w+ work)\b", Options);
    }
}
