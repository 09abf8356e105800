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
        normalized.Trim() == "?" ? Command.Help : commands.Read(normalized);

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








    [GeneratedRegex(@"\?\s*$|^(?:what|what's|whats|how|which|when|why|who|where|is|are|can|could|does|do|should|shall|will|would|may|tell me|explain|define|describe|compare|give me|show me|list|any)\b|\b(?:vs\.?|versus)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex QuestionShape();

    [GeneratedRegex(@"\b(?:vs\.?|versus)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Versus();

    // "dose of danazol", "side effects of rituximab": a question written as a heading.
    [GeneratedRegex(@"^(?:the\s+)?(?:dose|dosing|dosage|side[- ]?effects?|adverse effects?|response rates?|onset|monitoring|pregnancy safety|safety|efficacy|overview|definition)\s+(?:of|for|on|with|in)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex CueFirst();

    [GeneratedRegex(@"^why\b[\w\s']{0,20}\b(?:not|no|isn't|wasn't|aren't|didn't|don't|wouldn't|shouldn't|avoid\w*|excluded)\b|^why\s+not\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhyNot();

    [GeneratedRegex(@"\b(?:vs\.?|versus|compare\w*|comparison|difference|differences|better|worse|or)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();

    [GeneratedRegex(@"\b(?:pregnan\w*|breast-? ?feed\w*|lactat\w*|conceiv\w*|trimester)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PregnancyCue();

    [GeneratedRegex(@"\b(?:dose|doses|dosing|dosage|how much|how many (?:mg|mcg|units|tablets|pills)|regimen|mg/kg|mcg/kg)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DoseCue();

    [GeneratedRegex(@"\b(?:how (?:fast|quickly|soon|long (?:does|do|will|until|before|to|for)|long till)|onset|time to (?:response|respond|effect|work|platelet)|kick in|start(?:s)? working|take effect)\b|\bwhen (?:does|do|will|should)\b.*\b(?:work|respond|kick in|rise|go up)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex OnsetCue();

    [GeneratedRegex(@"\b(?:monitor\w*|follow[- ]?up|blood tests?|labs?|lab tests|check(?:s|ed|ing)?|surveillance|lfts?|liver (?:function|tests)|what tests|screen\w*)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex MonitoringCue();

    [GeneratedRegex(@"\b(?:respon\w* rates?|rates? of response|how (?:often|well|effective|likely|good)|efficacy|effectiveness|success rates?|chances? of (?:response|success|working|remission)|does (?:it|\w+) work|" +
                    @"how many (?:patients|people) respond|remission rates?|cure rates?|how effective|does it help|likelihood of response)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ResponseCue();

    [GeneratedRegex(@"\b(?:side[- ]?effects?|adverse (?:effects?|events?|reactions?)|toxicit\w*|risks?|safety|safe|complications?|harm\w*|dangers?|dangerous|contraindicat\w*|interactions?)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex SideEffectCue();

    [GeneratedRegex(@"^(?:what(?:'s| is| are| does)|whats|define|definition of|meaning of|what do you mean by|what is meant by|explain)\b(?:\s+(?:an?|the)\b)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex DefinitionCue();

    [GeneratedRegex(@"^(?:define|definition of|meaning of|what do you mean by|what is meant by)\b|^what (?:does|do) .+ mean\b", RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitDefinition();

    [GeneratedRegex(@"\b(?:tell me (?:about|more)|what (?:is|are|about)|what's|info(?:rmation)? (?:on|about)|explain|describe|overview|more about|details (?:on|of|about)|how does \w+ work|summary of)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex OverviewCue();
}
