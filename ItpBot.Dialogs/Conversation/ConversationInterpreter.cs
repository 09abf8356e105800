using System.Text.RegularExpressions;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Replies;
using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;
using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// Reads a message with the pending question in mind: a bare "12" means a platelet count only while the count is
/// being asked. Built once from the recognisers; thread-safe.
/// </summary>
public sealed partial class ConversationInterpreter : IConversationReader
{
    private readonly MessageReader _reader;
    private readonly PendingAnswerReader _answers;
    private readonly FieldReaders _fields;

    private readonly ConditionalWeakTable<ITurnContext, Dictionary<(string, IntakeField?, bool, bool), MessageMeaning>> _readings = new();

    // The one reading pass of a message, kept beside the message's own text for as long as the turn holds it.
    private readonly ConditionalWeakTable<string, TurnReading> _once = new();

    public ConversationInterpreter(
        MessageReader reader,
        PendingAnswerReader answers,
        FieldReaders fields)
    {
        _fields = fields;
        _reader = reader;
        _answers = answers;
    }

    // A case summary, not a remark: enough facts to judge its register by.
    private const int MinSummaryFields = 3;

    /// <summary>The message read once (facts with context, intent, audience cues, everyday answer), whoever asks.</summary>
    public TurnReading ReadOnce(string text) => _once.GetValue(text, t => _reader.Read(t));

    /// <summary>
    /// What this turn's message means with <paramref name="pending"/> in mind, read once per turn: the interruption
    /// layer, the prompt's validator and the step that stores the answer all ask, and reading is the costliest part
    /// of a turn.
    /// </summary>
    public MessageMeaning Read(ITurnContext turn, IntakeField? pending) =>
        Cached(turn, pending, full: true, text => Interpret(text, pending, pending is { } field ? ReadAnswer(turn, field) : ReadFacts(text)));

    /// <summary>This turn's message as the answer to <paramref name="pending"/>, read once per turn.</summary>
    public MessageMeaning ReadAnswer(ITurnContext turn, IntakeField pending) =>
        Cached(turn, pending, full: false, text => ReadAnswer(text, pending));

    /// <summary>This turn's message as the reply to a question group, read once per turn.</summary>
    public MessageMeaning ReadGroupAnswer(ITurnContext turn, IReadOnlyList<IntakeField> asked) =>
        Cached(turn, asked[0], full: false, group: true, text => ReadGroupAnswer(text, asked));

    /// <summary>This turn's message as a prior-treatments answer that leaves therapies to ask about; null if none.</summary>
    public PartialPriorTreatments? ReadPartialPriorTreatments(ITurnContext turn) =>
        _answers.ReadPartialPriorTreatments(turn.Activity.Text ?? string.Empty);

    /// <summary>This turn's message as the answer to "How did X go?" or "Which TPO-RA was it?".</summary>
    public OpenTreatment? ReadOpenTreatment(ITurnContext turn, OpenTreatment open) =>
        _answers.ReadOpenTreatment(turn.Activity.Text ?? string.Empty, open);

    /// <summary>This turn's message as the answer to "Is 52 the platelet count or the age?"; null if it says neither.</summary>
    public PatientProfile? ReadCountOrAge(ITurnContext turn, int number) =>
        _answers.ReadCountOrAge(turn.Activity.Text ?? string.Empty, number);

    private MessageMeaning Cached(ITurnContext turn, IntakeField? pending, bool full, Func<string, MessageMeaning> read) =>
        Cached(turn, pending, full, group: false, read);

    private MessageMeaning Cached(ITurnContext turn, IntakeField? pending, bool full, bool group, Func<string, MessageMeaning> read)
    {
        // Kept beside the turn rather than in TurnState, whose keys are hashed culture-aware (ICU) on every lookup.
        var text = turn.Activity.Text ?? string.Empty;
        var cache = _readings.GetOrCreateValue(turn);

        if (!cache.TryGetValue((text, pending, full, group), out var reading))
        {
            reading = read(text);
            cache[(text, pending, full, group)] = reading;
        }

        return reading;
    }

    /// <summary>Everything a message may mean, for the interruption layer.</summary>
    public MessageMeaning Read(string text, IntakeField? pending) =>
        Interpret(text, pending, pending is { } field ? ReadAnswer(text, field) : ReadFacts(text));

    private MessageMeaning Interpret(string text, IntakeField? pending, MessageMeaning facts)
    {
        var once = ReadOnce(text);
        var caregiver = once.Speaker == Speaker.Caregiver;
        var reading = facts with
        {
            // The turn's one reading decides the emergency, as it decides everything else: a sign told as a drug's harm
            // ("pred intol (delirium)") is set aside there, and the corpus measures that same reading.
            Emergency = once.WorstRedFlag?.Grade,
            AnsweringHistory = once.RedFlagsAnsweringHistory.FirstOrDefault()?.Grade is var asHistory && asHistory != once.WorstRedFlag?.Grade
                ? new EmergencyAnsweringHistory(asHistory) : null,
            SwitchAudience = once.Audience,
            AboutSomeoneElse = caregiver ? true : null,
        };

        // A case summary in everyday words that names nobody else as the patient: the patient typing, tersely.
        if (once.Speaker is Speaker.Unknown or Speaker.Clinician && facts.FactFields.Count >= MinSummaryFields
            && WriterRegister.WrittenByThePatient(text))
        {
            reading = reading with { SwitchAudience = Audience.Patient, AudienceGuessed = true };
        }

        if (WelcomeReply.AudienceFrom(text) is { } chosen)
        {
            return reading with { SwitchAudience = chosen, AudienceStated = true, AboutSomeoneElse = caregiver };
        }

        // A plain answer to the pending question is never a command or a question ("no", "12", "eltrombopag"); one
        // that asks something about a named therapy is ("eltrombopag dose for East Asian patient" to the ancestry question).
        var intent = once.CommandOrQuestion;
        var answersPending = pending is not null && facts.FactFields.Contains(pending.Value);

        // Facts, then a question the question reader cannot place ("plt 12, what next?"): the facts are taken and the
        // question kept for the plan, even when the facts are just the pending answer.
        if (intent is null && facts.FactFields.Count > 0 && LooksLikeQuestion(text) && !IsLoneQuestion(text))
        {
            return WithQuestionForPlan(reading, text);
        }

        if (answersPending && facts.FactFields.Count == 1
            && intent is not QuestionIntent { Question.Therapies.Count: > 0, Question.Kind: not QuestionKind.Overview })
        {
            return reading;
        }

        return intent switch
        {
            CommandIntent { Command: Command.SwitchToPatient } => reading with { SwitchAudience = Audience.Patient, AudienceStated = true, AboutSomeoneElse = caregiver },
            CommandIntent { Command: Command.SwitchToClinician } => reading with { SwitchAudience = Audience.Clinician, AudienceStated = true },
            CommandIntent command => reading with { Command = command.Command },
            QuestionIntent { WhyNot: true } why when why.Question.Therapies.Count > 0 => AskedBesideFacts(reading, text) with { WhyNot = why.Question.Therapies[0] },
            // "what is the best diet for ITP?" names a defined term but asks about something else.
            QuestionIntent { Question: { Kind: QuestionKind.Definition, Term: { } term } } when AsksBeyondTerm(text, term) => AskedBesideFacts(reading, text) with { OpenQuestion = text.Trim() },
            QuestionIntent question => AskedBesideFacts(reading, text) with { Question = question.Question },
            _ when answersPending || !LooksLikeQuestion(text) => reading,
            // "what count do we need for an epidural?": what a lone question names is its subject, not a fact about
            // the patient, so it is answered rather than noted.
            _ when IsLoneQuestion(text) => reading with { Facts = new PatientProfile(), FactFields = [], OpenQuestion = text.Trim() },
            // Facts with a question ("52M, plt 12, what next?"): the facts are taken, and the question kept for the plan.
            _ when facts.FactFields.Count > 0 => WithQuestionForPlan(reading, text),
            _ => reading with { OpenQuestion = text.Trim() },
        };
    }

    /// <summary>
    /// A question keeps the facts stated beside it in clauses of their own ("28 weeks pregnant with plt 35 - which
    /// treatments are safe?"). A question that is the whole message keeps none: what a headline question names
    /// ("eltrombopag dose for East Asian patient") or a lone question asks about is its subject, not a fact.
    /// </summary>
    private static MessageMeaning AskedBesideFacts(MessageMeaning reading, string text) =>
        LooksLikeQuestion(text) && !IsLoneQuestion(text) ? reading : reading with { Facts = new PatientProfile(), Corrections = [], FactFields = [] };

    private static MessageMeaning WithQuestionForPlan(MessageMeaning reading, string text) => reading with
    {
        Facts = reading.Facts with { Question = text.Trim() },
        FactFields = [.. reading.FactFields, IntakeField.Question],
    };

    /// <summary>Words a definition question may hold besides its term ("what is the meaning of ..."): definition-words.yaml.</summary>
    private static readonly Lazy<IReadOnlySet<string>> DefinitionWords = new(() =>
        LexiconWords.Of(ReadingLexicon.Default, "definition-word", _ => true).ToHashSet(StringComparer.Ordinal));

    private static bool AsksBeyondTerm(string text, string term)
    {
        var termWords = UnderstandingText.Words(UnderstandingText.Normalize(term)).Select(w => w.Word).ToHashSet(StringComparer.Ordinal);
        return UnderstandingText.Words(UnderstandingText.Normalize(text)).Select(w => w.Word)
            .Any(w => w.Length >= 3 && !termWords.Contains(w) && !DefinitionWords.Value.Contains(w));
    }

    /// <summary>One clause that opens with a question word: nothing in it is stated about the patient.</summary>
    private static bool IsLoneQuestion(string text)
    {
        var normalized = UnderstandingText.Normalize(text).Trim();
        return QuestionOpening().IsMatch(normalized)
            && normalized.TrimEnd('?', ' ', '!').IndexOfAny(ClauseBreaks) < 0;
    }

    private static readonly char[] ClauseBreaks = [',', ';', '.', '\n'];

    // The words are question-openings.yaml's; where they count is the grammar here.
    private static readonly Lazy<(Regex Opening, Regex Shape)> QuestionWords = new(() =>
    {
        string Words(params string[] meanings) => LexiconRegex.Alternation(ReadingLexicon.Default, "question-opening", meanings);
        const RegexOptions options = RegexOptions.CultureInvariant | RegexOptions.Compiled;
        return (
            new Regex(@"^" + Words("wh-word", "whether", "auxiliary", "must") + @"\b", options),
            new Regex(@"\?\s*$|^" + Words("wh-word", "whether") + @"\b|^" + Words("auxiliary", "must") + @"\s|^" + Words("request", "any-advice") + @"\b", options));
    });

    private static Regex QuestionOpening() => QuestionWords.Value.Opening;

    /// <summary>A question's shape (a question mark, or a question word first), with at least a few words.</summary>
    private static bool LooksLikeQuestion(string text)
    {
        var normalized = UnderstandingText.Normalize(text).Trim();
        return UnderstandingText.WordCount(normalized) >= 3 && QuestionShape().IsMatch(normalized);
    }

    private static Regex QuestionShape() => QuestionWords.Value.Shape;

    /// <summary>"don't know", "skip", "I don't know her weight": the way out of any question.</summary>
    public bool SaysNotKnown(ITurnContext turn) =>
        ReadOnce(turn.Activity.Text ?? string.Empty).Answer is { Kind: EverydayAnswerKind.DontKnow or EverydayAnswerKind.Skip }
        || EverydayAnswers.SaysNotKnown(turn.Activity.Text);

    /// <summary>The answer to <paramref name="pending"/>, plus whatever else the message says about the patient.</summary>
    public MessageMeaning ReadAnswer(string text, IntakeField pending)
    {
        var summary = ReadFacts(text);
        var answer = NotNow(text, pending) ? NoNowThenPlan(text, pending) : _answers.Read(text, pending);

        // "platelets are actually 25" while unavailable drugs are asked corrects the count; it does not name an
        // unavailable drug ("platelets"). A correction by name answers its own field, not the pending one.
        var correctsAnotherField = summary.Corrections.Count > 0
            && summary.Corrections.All(c => IntakeFields.FromContractName(c.Field) != pending);
        if (answer is null || correctsAnotherField)
        {
            return summary;
        }

        return summary with
        {
            Facts = FieldRegistry.Merge(summary.Facts, answer),
            FactFields = [pending, .. summary.FactFields.Where(f => f != pending)],
        };
    }

    /// <summary>
    /// The reply to a question group: the message's context reading first (it knows a plan from a pregnancy), then,
    /// part by part, each asked field by its own words. A reply with one part per field answers them in order ("no,
    /// apixaban, none"; "38, female, 60 kg"), each part read as the answer to its own field's question; a part with a
    /// number and nothing else placed goes to the next field it answers ("52, 80 kg"). A part that is only a bare
    /// "no", "none" or "neither" answers what the group says a bare negative answers, for the fields nothing else in
    /// the message answered. A "not sure" part passes its field (by position, or by the field it names: "no idea of
    /// her weight"), or, naming none beside answers, every field the reply left unanswered.
    /// </summary>
    public MessageMeaning ReadGroupAnswer(string text, IReadOnlyList<IntakeField> asked)
    {
        var group = FieldRegistry.GroupOf(asked[0])
            ?? throw new InvalidOperationException($"{asked[0]} is in no question group.");
        var summary = ReadFacts(text);
        var facts = summary.Facts;
        var fields = summary.FactFields.ToList();
        var notKnownFields = new List<IntakeField>();
        var held = new List<IntakeField>();

        // The whole reply first ("no romiplostim, eltrombopag or rituximab here" is one list), then part by part.
        ReadStated(text);
        // A field that shares another's part ("medicines now, including any blood thinner") is answered in that part.
        var slots = group.Parts(asked);
        var parts = Joined(Clauses().Split(text).Where(c => c.Length > 0).ToList(), asked, slots.Count);
        var inOrder = parts.Count == slots.Count;
        var unplacedYes = false;
        var bareNegative = false;
        var noPreference = false;
        var notKnown = false;
        var numbers = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var stated = ReadStated(part);
            var once = ReadOnce(part);
            stated |= asked.Any(f => FieldRegistry.Get(f).ContractNames.Any(once.Filled.Contains));
            if (stated)
            {
                continue;
            }

            var kind = once.Answer?.Kind;
            var saysNotKnown = kind is EverydayAnswerKind.DontKnow or EverydayAnswerKind.Skip || EverydayAnswers.SaysNotKnown(part);
            var saysNo = kind is EverydayAnswerKind.No or EverydayAnswerKind.NoneOfThese || kind is null && EverydayAnswers.SaysNone(part);
            IReadOnlyList<IntakeField> slot = inOrder ? slots[i] : [];
            if (inOrder && !slot.Any(fields.Contains) && !slot.Any(notKnownFields.Contains) && UnderstandingText.WordCount(UnderstandingText.Normalize(part)) <= MaxWordsInOrder)
            {
                if (ReadPart(slot, part) is { Count: > 0 } partAnswered)
                {
                    fields.AddRange(partAnswered);

                    // "no, Mirena in place": the no answers its own part, and what the rest leaves unsaid as well.
                    bareNegative |= saysNo;
                    continue;
                }

                if (saysNotKnown)
                {
                    notKnownFields.AddRange(slot);
                    continue;
                }

                if (kind == EverydayAnswerKind.Yes)
                {
                    // "no, yes, none": the yes says there is something, not what; its part is asked on its own.
                    held.AddRange(slot);
                    continue;
                }
            }

            if (saysNotKnown && once.Answer?.Field is { } named && FieldRegistry.ForContractName(named) is { } namedField && asked.Contains(namedField.Id))
            {
                notKnownFields.Add(namedField.Id);
                continue;
            }

            bareNegative |= saysNo;
            unplacedYes |= kind == EverydayAnswerKind.Yes;
            noPreference |= kind == EverydayAnswerKind.NoPreference;
            notKnown |= saysNotKnown;
            if (kind is null && !saysNotKnown && part.Any(char.IsDigit))
            {
                numbers.Add(part);
            }
        }

        // "52, 80 kg": a number left unplaced answers the first field still open that reads it, in the asked order.
        var next = 0;
        foreach (var number in numbers)
        {
            for (; next < asked.Count; next++)
            {
                var field = asked[next];
                if (!fields.Contains(field) && !notKnownFields.Contains(field) && FieldRegistry.ReadAnswer(_fields, field, number) is { } answer)
                {
                    facts = FieldRegistry.Get(field).Merge(facts, answer);
                    fields.Add(field);
                    next++;
                    break;
                }
            }
        }

        ListedThinners();

        // "yes; none" to three questions: which part the yes answers is unknown, so the no cannot be said to answer the
        // rest either (it could set a spleen that is out as in place): the question is asked again.
        bareNegative &= !unplacedYes;

        // "no, no blood thinners, none": the thinners' own words answered their part, and a bare no beside them says
        // nothing of the other medicines asked in it.
        var answeredInWords = fields.ToList();
        foreach (var meaning in new[] { bareNegative ? group.BareNegative : null, noPreference ? group.NoPreference : null })
        {
            foreach (var field in asked.Where(f => meaning is not null && !fields.Contains(f) && !notKnownFields.Contains(f) && !held.Contains(f)
                && FieldRegistry.Get(f).IsKnown(meaning) && (group.PartOf(f) == f || !answeredInWords.Contains(group.PartOf(f)))))
            {
                facts = FieldRegistry.Get(field).Merge(facts, meaning!);
                fields.Add(field);
            }
        }

        // "tablets, but I'm not sure what's available": what was answered is kept, and the rest is passed, not asked again.
        var answered = asked.Any(fields.Contains) || notKnownFields.Count > 0;
        var passed = notKnown && answered ? asked.Where(f => !fields.Contains(f)) : notKnownFields;
        return summary with
        {
            Facts = facts,
            FactFields = fields,
            NotKnown = passed.Union(notKnownFields).Where(f => !fields.Contains(f)).ToList(),
        };

        // A part read as the answer to its own question: each field of the part by its reader (the medicines part fills
        // the thinners and the other medicines at once). The fields it answered.
        List<IntakeField> ReadPart(IReadOnlyList<IntakeField> slot, string part)
        {
            var answer = new PatientProfile();
            foreach (var field in slot)
            {
                if (FieldRegistry.ReadAnswer(_fields, field, part) is { } read)
                {
                    answer = FieldRegistry.Merge(answer, read);
                }
            }

            var answered = slot.Where(f => FieldRegistry.Get(f).IsKnown(answer)).ToList();
            foreach (var field in answered)
            {
                facts = FieldRegistry.Get(field).Merge(facts, answer);
            }

            return answered;
        }

        // Asked for every medicine taken now, thinners included, a reply that closes its list of medicines ("just", "only",
        // "nothing else") lists the thinners too: those among them, or none ("spleen in, just omeprazole and a statin,
        // blood pressure"). A list left open ("takes metformin") says nothing of the thinners.
        void ListedThinners()
        {
            if (!parts.Any(FieldReaders.ClosesTheList))
            {
                return;
            }

            foreach (var shared in group.SharedParts.Where(s => s.Part == IntakeField.Antithrombotics && asked.Contains(s.Field) && asked.Contains(s.Part)))
            {
                if (fields.Contains(shared.Field) && !fields.Contains(shared.Part) && !notKnownFields.Contains(shared.Part) && !held.Contains(shared.Part)
                    && facts.CurrentDrugs is { } drugs)
                {
                    facts = facts with { Antithrombotics = drugs.SelectMany(d => _fields.Antithrombotics.FindAll(d)).Distinct().ToList() };
                    fields.Add(shared.Part);
                }
            }
        }

        // Whether the part states any asked field in its own words (kept when not known yet).
        bool ReadStated(string part)
        {
            var stated = false;
            foreach (var field in asked)
            {
                var entry = FieldRegistry.Get(field);
                if (!NotNow(text, field) && entry.ReadInGroup?.Invoke(_fields, part) is { } found && entry.Validate(found) is null)
                {
                    stated = true;
                    if (!fields.Contains(field))
                    {
                        facts = entry.Merge(facts, found);
                        fields.Add(field);
                    }
                }
            }

            return stated;
        }
    }

    /// <summary>
    /// "yes, in 2016; none; none": a part that answers nothing of its own (no everyday answer, no field's words, no
    /// value any asked field reads) after a bare yes qualifies that yes, and is read with it, while the reply has more
    /// parts than questions asked.
    /// </summary>
    private List<string> Joined(List<string> parts, IReadOnlyList<IntakeField> asked, int questions)
    {
        var joined = new List<string>();
        var extra = parts.Count - questions;
        foreach (var part in parts)
        {
            var qualifies = extra > 0 && joined.Count > 0 && ReadOnce(joined[^1]).Answer?.Kind == EverydayAnswerKind.Yes && ReadOnce(part).Answer is null && !EverydayAnswers.SaysNotKnown(part)
                && asked.All(f => FieldRegistry.Get(f).ReadInGroup?.Invoke(_fields, part) is null && FieldRegistry.ReadAnswer(_fields, f, part) is null);
            if (qualifies)
            {
                joined[^1] = joined[^1] + ", " + part;
                extra--;
            }
            else
            {
                joined.Add(part);
            }
        }

        return joined;
    }

    // A reply that answers a group part by part is terse: "no", "apixaban", "about 60 kg", "not sure".
    private const int MaxWordsInOrder = 4;

    private static readonly YesNoRecognizer YesNo = new();

    /// <summary>
    /// "no, but we'd like to try for a baby": a clear no to a question true only now, then a plan. The no answers the
    /// question; the plan is read from the whole message as a plan. A yes with a plan after it stays unread.
    /// </summary>
    private PatientProfile? NoNowThenPlan(string text, IntakeField pending)
    {
        var lead = Clauses().Split(text.Trim()).FirstOrDefault(c => c.Length > 0);
        return lead is not null && lead.Length < text.Trim().Length && YesNo.Recognize(lead) == false
            ? _answers.Read(lead, pending)
            : null;
    }

    /// <summary>A correction is a plain reading too: "she's planning a pregnancy" sets no pregnancy right.</summary>
    private IReadOnlyList<ProfileCorrection> CurrentOnly(IReadOnlyList<ProfileCorrection> corrections, string text) =>
        corrections.Where(c => IntakeFields.FromContractName(c.Field) is not { } field || !NotNow(text, field)).ToList();

    /// <summary>
    /// A field true only now ("pregnant") that the message names only as a plan or a hypothetical ("planning a
    /// pregnancy", "what if she gets pregnant"): the context reading wins over the field's plain reader.
    /// </summary>
    private bool NotNow(string text, IntakeField field)
    {
        var entry = FieldRegistry.Get(field);
        if (!entry.NowOnly)
        {
            return false;
        }

        var findings = ReadOnce(text).Findings;
        var mentions = findings.Where(f => entry.ContractNames.Contains(f.Field)).ToList();
        if (mentions.Count == 0)
        {
            return entry.PlannedAs is { } planned && findings.Any(f => f.Field == planned);
        }

        return mentions.All(f => f.Context.Status is FindingStatus.Planned or FindingStatus.Hypothetical
            || f.Context.Experiencer != Experiencer.Patient);
    }

    // Where one part of a reply ends and the next begins: "not pregnant, but planning one", "tablets and all available".
    [GeneratedRegex(@"\s*(?:[,;]|\.(?=\s|$)|\bbut\b|\band\b|\balthough\b|\bthough\b)\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Clauses();

    private MessageMeaning ReadFacts(string text)
    {
        var once = ReadOnce(text);
        var corrections = once.Corrections.Count == 0 ? once.Corrections : CurrentOnly(once.Corrections, text);
        var (more, moreFields) = FieldRegistry.FindInText(_fields, text);
        // What a question told is kept apart: it fills only what the case does not know (MessageMeaning.ApplyTo).
        var toldInQuestion = ProfileFields.Filled(once.QuestionFacts);
        var facts = FieldRegistry.Merge(StatedOnly(once.Facts, once.QuestionFacts), more);

        // A field true only now that the reading names without a value ("planning a pregnancy" names pregnancy) is no
        // answer to it: it is still to be asked.
        var fields = once.Filled.Where(name => !toldInQuestion.Contains(name))
            .Where(name => FieldRegistry.ForContractName(name) is not { NowOnly: true } field || field.IsKnown(facts))
            .Concat(corrections.Select(c => c.Field))
            .Select(IntakeFields.FromContractName)
            .OfType<IntakeField>()
            .Concat(moreFields)
            .Distinct()
            .ToList();
        return new MessageMeaning { Facts = facts, QuestionFacts = once.QuestionFacts, Corrections = corrections, FactFields = fields };
    }

    // The reading's facts without those told inside a question (each of those fills a field the statements left empty).
    private static PatientProfile StatedOnly(PatientProfile facts, PatientProfile told) => facts with
    {
        AgeYears = told.AgeYears is null ? facts.AgeYears : null,
        Sex = told.Sex is null ? facts.Sex : null,
        WeightKg = told.WeightKg is null ? facts.WeightKg : null,
        PlateletCount = told.PlateletCount is null ? facts.PlateletCount : null,
        MonthsSinceDiagnosis = told.MonthsSinceDiagnosis is null ? facts.MonthsSinceDiagnosis : null,
        Bleeding = told.Bleeding is null ? facts.Bleeding : null,
        Comorbidities = told.Comorbidities is null ? facts.Comorbidities : null,
        Pregnant = told.Pregnant is null ? facts.Pregnant : null,
        GestationWeeks = told.GestationWeeks is null ? facts.GestationWeeks : null,
        CurrentDrugs = told.CurrentDrugs is null ? facts.CurrentDrugs : null,
        Antithrombotics = told.Antithrombotics is null ? facts.Antithrombotics : null,
        PriorTreatments = told.PriorTreatments is null ? facts.PriorTreatments : null,
        Procedure = told.Procedure is null ? facts.Procedure : null,
        UpcomingProcedure = told.UpcomingProcedure is null ? facts.UpcomingProcedure : null,
    };
}
