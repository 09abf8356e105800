using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>How much of one message the reader looks at: enough for any real case, bounded for any input.</summary>
public sealed record ReadingLimits
{
    /// <summary>Words read for signs, context and cues.</summary>
    public int MaxWords { get; init; } = 1500;

    /// <summary>Characters handed to the fact recognisers (their number and date models cost most).</summary>
    public int MaxFactCharacters { get; init; } = 2000;

    public static ReadingLimits Default { get; } = new();
}

/// <summary>
/// The one reading pass: a message becomes a <see cref="TurnReading"/> (findings with their context, the profile of
/// current facts about the patient, intent, red flags, audience cues, an everyday answer). Thread-safe; build once.
/// </summary>
public sealed class MessageReader
{
    private readonly CaseSummaryReader summaries;
    private readonly IntentReader intents;
    private readonly CorrectionReader corrections;
    private readonly ReadingLimits limits;
    private readonly FindingReader findingReader;
    private readonly RedFlagReader redFlags;
    private readonly EverydayAnswerReader answers;
    private readonly QuestionReader questions;
    private readonly QuestionFactReader questionFacts;
    private readonly ReferredTherapy referred;
    private readonly CorrectionCue correcting;
    private readonly StatementCue statements;
    private readonly PatientSexReader patientSex;
    private readonly LexiconMatcher clinicalWords;
    private readonly LexiconMatcher recency;
    private readonly LexiconMatcher caring;
    private readonly BleedingGrader bleeding;
    private readonly bool readsAsFactRecognizers;

    public MessageReader(
        CaseSummaryReader summaries, IntentReader intents, CorrectionReader corrections, ReadingLexicon? lexicon = null, ReadingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(corrections);
        lexicon ??= ReadingLexicon.Default;
        this.summaries = summaries;
        this.intents = intents;
        this.corrections = corrections;
        this.limits = limits ?? ReadingLimits.Default;
        findingReader = new FindingReader(lexicon);
        redFlags = new RedFlagReader(lexicon);
        answers = new EverydayAnswerReader(lexicon);
        questions = new QuestionReader(lexicon);
        questionFacts = new QuestionFactReader(lexicon);
        referred = new ReferredTherapy(lexicon);
        correcting = new CorrectionCue(lexicon);
        statements = new StatementCue(lexicon);
        patientSex = new PatientSexReader(lexicon);
        bleeding = new BleedingGrader(lexicon);
        readsAsFactRecognizers = ReferenceEquals(lexicon, ReadingLexicon.Default);
        caring = new LexiconMatcher(lexicon.Category("care"));
        recency = new LexiconMatcher(lexicon.Category("recency"));
        clinicalWords = new LexiconMatcher(lexicon.Category("comorbidity").Concat(lexicon.Category("antithrombotic")));
    }

    /// <summary>Reads <paramref name="text"/> once. Never throws for any text; cancelling stops before the costly models.</summary>
    public TurnReading Read(string? text, CancellationToken cancellationToken = default)
    {
        var normalized = UnderstandingText.Normalize(text);
        if (normalized.Length == 0)
        {
            return TurnReading.Empty;
        }

        var flags = new List<ReadingFlag>();
        var tokens = MessageTokens.Read(normalized, limits.MaxWords);
        var asked = questions.Read(tokens);
        var lexical = findingReader.Read(tokens);
        var relativeWords = SelfContrast.Default.RelativeWords(tokens, lexical.Triggers);
        var ownFindings = AsRelatives(lexical.Findings, tokens, relativeWords);
        var findings = AsAsked(ownFindings, tokens, asked);

        cancellationToken.ThrowIfCancellationRequested();
        var factText = ClauseSelection.FactText(tokens, lexical.Triggers, asked, limits.MaxFactCharacters);
        if (lexical.Truncated || normalized.Length > limits.MaxFactCharacters)
        {
            flags.Add(ReadingFlag.TooDense);
        }

        // The fact recognisers read the message's own words when the fact text is the whole message (the usual case).
        var message = MessageText.OfNormalized(normalized);
        LexiconTokens.Share(tokens, limits.MaxWords);
        factText = referred.Resolve(factText, tokens, asked, intents.Therapies(message), lexical.Triggers);
        var factMessage = string.Equals(factText, normalized, StringComparison.Ordinal) ? message : MessageText.Of(factText);
        var summary = ReadsWholeMessage(factText, normalized, lexical)
            ? summaries.Read(factMessage, bleeding.Grade(lexical.Signs)?.Grade)
            : summaries.Read(factText);
        var fixes = corrections.Read(factText);
        var answer = answers.Read(tokens);
        // "I don't know how much he weighs": an everyday answer holds a question's words but asks nothing.
        var intent = intents.Read(
            normalized.Length > limits.MaxFactCharacters ? MessageText.Of(normalized[..limits.MaxFactCharacters]) : message,
            asks: answer is null && asked.Any(q => !q.Answered));
        var (facts, filled) = ContextualFacts.Apply(summary.Profile, summary.Filled, findings, factText);
        if (facts.CurrentDrugs is { Count: > 0 } drugs
            && (facts.PriorTreatments is { Count: > 0 } || drugs.Any(d => summaries.TherapyIdOf(d) is not null)))
        {
            // "ciclosporin - no effect", "Aza + MMF + ciclosporin together", "eltrombopag plus cyclosporin": an ITP drug
            // is a treatment, told with its outcome or not, never a medicine taken besides.
            var now = drugs.Where(d => summaries.TherapyIdOf(d) is null).ToList();
            facts = facts with { CurrentDrugs = now.Count > 0 ? now : null };
            filled = filled.Where(f => f != ProfileFields.CurrentDrugs || now.Count > 0).ToList();
        }

        // "Promacta gave him terrible headaches": a symptom the speaker puts down to a drug is its harm, not a new sign.
        var drugsNamed = intents.Therapies(message);
        var signsNow = DrugHarmSigns.Without(lexical.Signs, tokens, drugsNamed);
        var flagsFound = redFlags.Read(signsNow, facts.PlateletCount);
        var flagsAnsweringHistory = AnsweringHistory(signsNow, tokens, facts.PlateletCount, flagsFound);
        // "half - my mum is Chinese": a parent named for the family's origin is neither the patient nor a sign that a
        // carer is typing, so a patient's own answer about ancestry keeps their voice and their sex.
        var cues = filled.Count > 0 && filled.All(f => f == ProfileFields.EastAsianAncestry)
            ? lexical.Cues.Where(c => !(c.Speaker == Speaker.Caregiver && c.PatientSex is not null)).ToList()
            : lexical.Cues;
        var speakerNow = SpeakerOf(cues);
        // "my husband's diabetic but I'm the one with ITP": a relative set against the speaker is not the patient.
        var contrast = SelfContrast.Default.IsIn(tokens, lexical.Triggers);
        var relativeSex = facts.Sex is null && !contrast ? patientSex.Read(cues, speakerNow, tokens) : null;
        var asks = asked.Any(q => !q.Answered);
        if (intent is QuestionIntent && !asks && !normalized.Contains('?', StringComparison.Ordinal)
            && filled.Contains(ProfileFields.PriorTreatments))
        {
            // "fostamatinib stopped - LFTs deranged": a therapy and a monitoring word, unasked, with how it went, is history.
            intent = null;
        }

        var notes = contrast || findings.Count > 0 || clinicalWords.FindAll(tokens).Count > 0 || drugsNamed.Count > 0;
        // "scratch that, she's not on apixaban anymore": a value taken back sets the case right though it fills nothing.
        var takesBack = findings.Any(f => f.Field != "sign" && f.Context is { Status: FindingStatus.Negated, Experiencer: Experiencer.Patient });
        var corrects = correcting.IsIn(tokens) && (fixes.Count > 0 || filled.Count > 0 || takesBack || CorrectionCue.HasShortValue(tokens));
        var states = filled.Count > 0 || fixes.Count > 0 || relativeSex is not null;
        // "no idea, haven't had a blood test in months", "don't mind, whatever the doctor thinks": an everyday answer that
        // opens the message, with only its reason after it (nothing filled, asked or named), is still that answer.
        var opening = answer ?? (!states && !asks && intent is null && drugsNamed.Count == 0 ? answers.Opening(tokens) : null);
        var messageIntent = IntentOf(flagsFound, intent, asks, corrects, states, notes, opening, cues);
        if (messageIntent == MessageIntent.Unclear && statements.IsIn(tokens))
        {
            // "healthy otherwise", "her mother had ITP too": said in words, so a statement, though it fills nothing.
            messageIntent = MessageIntent.Facts;
        }

        // "is it safe for her to fly with a count of 28?": the patient's own descriptors told inside a question. They
        // fill only what the statements beside them leave empty, and are kept apart so the conversation lets them
        // fill only what it does not know yet (a general "and for a 70 kg adult?" never replaces a known weight).
        var toldInQuestion = new PatientProfile();
        if (messageIntent == MessageIntent.Question)
        {
            (toldInQuestion, facts, filled) = QuestionFacts(tokens, asked, lexical.Triggers, ownFindings, facts, filled);
        }

        // Who the patient is ("my dad", "I'm his wife") gives the sex only with something said about the patient
        // ("my dad has ITP"), not from a question or a greeting alone ("can my mum have the flu jab", "I'm her carer"),
        // nor beside a relative's own history ("my sister also has ITP", "her mum had hepatitis B"). A carer who says
        // whom they care for by a relative's word ("I'm a carer for my husband", care.yaml) names the patient; worry
        // alone ("just worried about my son") does not.
        var namesPatient = intent is CommandIntent { Command: Command.SwitchToPatient } && cues.Any(c => c.PatientSex is not null)
            && caring.FindAll(tokens).Count > 0;
        if (relativeSex is { } sex
            && (filled.Count > 0 || namesPatient
                || (messageIntent == MessageIntent.Facts && !lexical.Triggers.Any(t => t.Meaning.Tags.Contains("experiencer")))))
        {
            facts = facts with { Sex = sex };
            filled = ProfileFields.Filled(facts).Union(filled).ToList();
        }
        else if (facts.Sex is null && !contrast
            && (filled.Count > 0
                || (messageIntent is MessageIntent.Facts or MessageIntent.Correction && tokens.Count > ShortReplyWords)
                || (messageIntent == MessageIntent.Question && tokens.Count > ShortReplyWords && (notes || intent is QuestionIntent || tokens.Count > LongQuestionWords)))
            && patientSex.FromPronouns(tokens, lexical.Triggers) is { } told)
        {
            // "she failed eltrombopag", "his count is 12", "is it safe for her to fly?", "scratch that, she's off apixaban":
            // a pronoun about the patient, in what is said or asked of them clinically (a reply of a few words that points
            // at the patient, "that's his age", "it's her count", or a question of nothing clinical, "can he see you",
            // says nothing of them).
            facts = facts with { Sex = told };
            filled = ProfileFields.Filled(facts).Union(filled).ToList();
        }

        if (facts.Sex is null && (facts.Pregnant is not null || facts.GestationWeeks is not null || facts.ChildbearingPotential is not null))
        {
            // "20/40, plt 60", "post-menopausal", "not pregnant": only a woman's pregnancy is spoken of so. A plan for a
            // baby is not enough ("we're trying to conceive" may be her partner typing about himself).
            facts = facts with { Sex = Knowledge.Model.Sex.Female };
            filled = ProfileFields.Filled(facts).Union(filled).ToList();
        }

        return new TurnReading
        {
            Findings = findings,
            Facts = facts,
            Filled = filled,
            QuestionFacts = toldInQuestion,
            TherapiesWithoutOutcome = summary.TherapiesWithoutOutcome,
            AmbiguousClasses = summary.AmbiguousClasses,
            Corrections = fixes,
            CommandOrQuestion = intent,
            Question = messageIntent == MessageIntent.Question ? text?.Trim() : null,
            RedFlags = flagsFound,
            RedFlagsAnsweringHistory = flagsAnsweringHistory,
            AudienceCues = cues,
            Speaker = speakerNow,
            Answer = answer,
            Flags = flags,
            Intent = messageIntent,
        };
    }

    private (PatientProfile Told, PatientProfile Facts, IReadOnlyList<string> Filled) QuestionFacts(
        MessageTokens tokens, IReadOnlyList<QuestionSpan> asked, IReadOnlyList<LexiconMatch> triggers, IReadOnlyList<Finding> own,
        PatientProfile facts, IReadOnlyList<string> filled)
    {
        var words = questionFacts.Read(tokens, asked, triggers);
        if (words.Text.Length == 0)
        {
            return (new PatientProfile(), facts, filled);
        }

        // Facts stated beside the question make it this patient's ("Booked for 3 weeks' time. Is a hip OK at 70?").
        var read = summaries.Read(words.Text.Length > limits.MaxFactCharacters ? words.Text[..limits.MaxFactCharacters] : words.Text);
        var told = questionFacts.Descriptors(
            read, words, questionFacts.DrugsOwned(tokens, own, asked), questionFacts.ProceduresAsked(tokens, own, asked, words), facts,
            words.AboutPatient || filled.Count > 0);
        var added = ProfileFields.Filled(told);
        if (added.Count == 0)
        {
            return (told, facts, filled);
        }

        var merged = facts with
        {
            AgeYears = facts.AgeYears ?? told.AgeYears,
            Sex = facts.Sex ?? told.Sex,
            WeightKg = facts.WeightKg ?? told.WeightKg,
            PlateletCount = facts.PlateletCount ?? told.PlateletCount,
            MonthsSinceDiagnosis = facts.MonthsSinceDiagnosis ?? told.MonthsSinceDiagnosis,
            Bleeding = facts.Bleeding ?? told.Bleeding,
            Comorbidities = facts.Comorbidities ?? told.Comorbidities,
            Pregnant = facts.Pregnant ?? told.Pregnant,
            GestationWeeks = facts.GestationWeeks ?? told.GestationWeeks,
            CurrentDrugs = facts.CurrentDrugs ?? told.CurrentDrugs,
            Antithrombotics = facts.Antithrombotics ?? told.Antithrombotics,
            PriorTreatments = facts.PriorTreatments ?? told.PriorTreatments,
            Procedure = facts.Procedure ?? told.Procedure,
            UpcomingProcedure = facts.UpcomingProcedure ?? told.UpcomingProcedure,
        };
        return (told, merged, ProfileFields.Filled(merged).Union(filled).ToList());
    }

    /// <summary>
    /// Whether the fact text is the whole message as its signs were read (no clause set aside, no label rewritten, no
    /// word left unread, the fact recognisers' lexicon): then the signs already read give the bleeding grade the case
    /// summary would read again, exactly. Otherwise the summary reads the fact text's own signs, as before.
    /// </summary>
    private const int ShortReplyWords = 3;

    // A question of this many words or more about "her" or "him" speaks of the patient even with no clinical word the
    // reader knows ("does she need to stop the pill"); a short one may not ("hello, can he see you").
    private const int LongQuestionWords = 6;

    private bool ReadsWholeMessage(string factText, string normalized, LexiconFindings lexical) =>
        readsAsFactRecognizers && !lexical.Truncated && string.Equals(factText, normalized, StringComparison.Ordinal);

    // A caregiver or patient cue outweighs clinical shorthand: the safer wording for an emergency.
    private static Speaker SpeakerOf(IReadOnlyList<AudienceCue> cues) =>
        cues.Count == 0 ? Speaker.Unknown
        : cues.Any(c => c.Speaker == Speaker.Caregiver) ? Speaker.Caregiver
        : cues.Any(c => c.Speaker == Speaker.Patient) ? Speaker.Patient
        : Speaker.Clinician;

    /// <summary>
    /// The red flags of a reply to a question about past conditions: "had a stroke" or "TIA" answering it is the
    /// history asked for, not today's sign. Only a sign tagged "history-when-asked" (a stroke or TIA named as such) is
    /// set aside, and only when no word makes it recent ("this morning", "having", "again": recency.yaml); any other
    /// sign in the reply ("stroke, and now her face droops") still raises its flag.
    /// </summary>
    private IReadOnlyList<RedFlag> AnsweringHistory(
        IReadOnlyList<SignFinding> signs, MessageTokens tokens, double? plateletCount, IReadOnlyList<RedFlag> asTold)
    {
        if (asTold.Count == 0 || !signs.Any(IsHistoryWhenAsked) || recency.FindAll(tokens).Count > 0)
        {
            return asTold;
        }

        return redFlags.Read(signs.Where(s => !IsHistoryWhenAsked(s)).ToList(), plateletCount);
    }

    private static bool IsHistoryWhenAsked(SignFinding sign) => sign.Sign.Tags.Contains("history-when-asked");

    // A fact inside a question is asked about, not stated ("is it ok to give aspirin", "what vaccines before splenectomy?").
    // Signs keep their own context: a patient who asks about her own severe headache still raises the alarm.
    private static IReadOnlyList<Finding> AsAsked(IReadOnlyList<Finding> findings, MessageTokens tokens, IReadOnlyList<QuestionSpan> asked)
    {
        if (asked.Count == 0)
        {
            return findings;
        }

        return findings.Select(f => f.Field != "sign" && f.Context.Status != FindingStatus.Hypothetical && InQuestion(f.Start)
            ? f with { Context = new FindingContext(FindingStatus.Hypothetical, f.Context.Experiencer) }
            : f).ToList();

        bool InQuestion(int start) => asked.Any(q => start >= tokens[q.First].Start && start < tokens[q.End - 1].End);
    }

    // "my brother is on warfarin, not me": a fact in the relative's words is the relative's. Signs keep their own
    // reading: an emergency is one whoever has it.
    private static IReadOnlyList<Finding> AsRelatives(IReadOnlyList<Finding> findings, MessageTokens tokens, IReadOnlyList<(int First, int End)> relative)
    {
        if (relative.Count == 0)
        {
            return findings;
        }

        return findings.Select(f => f.Field != "sign" && relative.Any(r => f.Start >= tokens[r.First].Start && f.Start < tokens[r.End - 1].End)
            ? f with { Context = new FindingContext(f.Context.Status, Experiencer.FamilyMember) }
            : f).ToList();
    }

    private static MessageIntent IntentOf(
        IReadOnlyList<RedFlag> flags, Intent? intent, bool asks, bool corrects, bool states, bool notes,
        EverydayAnswer? answer, IReadOnlyList<AudienceCue> cues) => true switch
    {
        _ when flags.Count > 0 => MessageIntent.Emergency,
        _ when intent is CommandIntent { Command: Command.SwitchToPatient or Command.SwitchToClinician } => MessageIntent.Audience,
        _ when intent is CommandIntent => MessageIntent.Command,
        _ when intent is QuestionIntent => MessageIntent.Question,
        // A question the content may not answer is still a question (the conversation then says it is not covered).
        _ when asks && answer is null => MessageIntent.Question,
        // Only a message that says it sets a value right is a correction; "platelet count is 18" is a fact.
        _ when corrects => MessageIntent.Correction,
        _ when answer is not null && !states => MessageIntent.Answer,
        _ when states => MessageIntent.Facts,
        // Denied, past, planned, imagined or someone else's ("no history of clots", "her mum had hepatitis B", "we
        // might move to romiplostim"): facts that fill nothing now, to be acknowledged, not called not understood.
        _ when notes => MessageIntent.Facts,
        _ when cues.Count > 0 => MessageIntent.Audience,
        _ => MessageIntent.Unclear,
    };
}
