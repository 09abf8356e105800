using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// The patient's own descriptors told inside a question ("is it safe for her to fly with a count of 28?", "what dose of
/// romiplostim for a 95kg man?"): read from the question's words, which the statement reading sets aside because a
/// question names what it asks about. Only descriptors are taken, never what is asked about: no drug the question
/// names ("should she start romiplostim?", "how long before calling eltrombopag a failure?"), nothing supposed ("what
/// if", "say she"), nothing of someone else. A count, a sex, a sign or a condition is taken only when the question is
/// about this patient (a word for them, a person described by age or weight, or facts stated beside it): "is a count of
/// 30 safe for a dental extraction?" asks a threshold. A condition is taken only as had ("with CKD 4"), a drug only as
/// owned ("her rivaroxaban"). The conversation lets these fill only what it does not know yet.
/// </summary>
internal sealed class QuestionFactReader
{
    private readonly LexiconMatcher supposing;
    private readonly HashSet<string> patientWords;
    private readonly HashSet<string> owners;
    private readonly HashSet<string> having;
    private readonly LexiconMatcher conditions;
    private readonly LexiconMatcher treatmentChoice;

    public QuestionFactReader(ReadingLexicon lexicon)
    {
        var meanings = lexicon.Category("question-fact");
        supposing = new LexiconMatcher(meanings.Where(m => m.Meaning == "supposes"));
        owners = Words(meanings, "owns");
        having = Words(meanings, "has");
        conditions = new LexiconMatcher(lexicon.Category("comorbidity"));
        treatmentChoice = new LexiconMatcher(meanings.Where(m => m.Meaning == "treatment-choice"));
        patientWords = Words(meanings, "about-patient").Union(owners).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The words of the questions asked, without what is supposed or someone else's part; empty when none.</summary>
    public QuestionWords Read(MessageTokens tokens, IReadOnlyList<QuestionSpan> asked, IReadOnlyList<LexiconMatch> triggers)
    {
        var parts = new List<string>();
        var aboutPatient = false;
        var had = new HashSet<string>(StringComparer.Ordinal);
        var named = conditions.FindAll(tokens);
        var supposed = supposing.FindAll(tokens);
        var relatives = SelfContrast.Default.RelativeWords(tokens, triggers);
        foreach (var question in asked.Where(q => !q.Answered))
        {
            var first = question.First;
            while (first < question.End)
            {
                // One comma-separated part at a time: a supposition or someone else's words end with their part.
                var end = first + 1;
                while (end < question.End && !tokens[end].CommaBefore)
                {
                    end++;
                }

                var stop = Math.Min(
                    supposed.Where(s => s.First >= first && s.First < end).Select(s => s.First).DefaultIfEmpty(end).Min(),
                    triggers.Where(t => t.First >= first && t.First < end && IsSomeoneElse(t.Meaning)).Select(t => t.First).DefaultIfEmpty(end).Min());
                stop = Math.Min(stop, relatives.Where(r => r.First >= first && r.First < end).Select(r => r.First).DefaultIfEmpty(end).Min());
                if (stop > first)
                {
                    parts.Add(tokens.Span(first, stop));
                    aboutPatient |= Enumerable.Range(first, stop - first).Any(i => patientWords.Contains(tokens[i].Word));
                    had.UnionWith(named.Where(c => c.First > 0 && c.First >= first && c.First < stop
                            && (having.Contains(tokens[c.First - 1].Word) || owners.Contains(tokens[c.First - 1].Word)))
                        .Select(c => c.Meaning.Meaning));
                }

                first = end;
            }
        }

        return new QuestionWords(string.Join(", ", parts), aboutPatient, had);
    }

    /// <summary>
    /// What the question's words tell of the patient, as profile fields (only those <paramref name="known"/> leaves
    /// empty). <paramref name="aboutPatient"/>: the question or the message around it is about this patient.
    /// </summary>
    public PatientProfile Descriptors(
        CaseSummary read, QuestionWords words, IReadOnlyList<Finding> drugsOwned, IReadOnlyList<ProcedureKind> procedures, PatientProfile known, bool aboutPatient)
    {
        var told = read.Profile;
        // A person described by age or weight ("a 79 year old with heart failure", "a 95kg man") is the one asked
        // about; "a pregnant woman" or "women" alone is anyone.
        var described = told.AgeYears is not null || told.WeightKg is not null;
        var ofPatient = aboutPatient || described;
        var conditions = told.Comorbidities?
            .Where(c => words.ConditionsHad.Any(name => ContractCodes<Comorbidity>.ByName.TryGetValue(name, out var code) && code == c)).ToList();
        var drugs = drugsOwned.Select(f => f.Evidence).Distinct(StringComparer.Ordinal).ToList();
        var procedure = known.Procedure is null && ofPatient && procedures.Count > 0 ? procedures.Max() : (ProcedureKind?)null;
        return new PatientProfile
        {
            AgeYears = known.AgeYears is null ? told.AgeYears : null,
            Sex = known.Sex is null && ofPatient ? told.Sex : null,
            WeightKg = known.WeightKg is null ? told.WeightKg : null,
            PlateletCount = known.PlateletCount is null && ofPatient ? told.PlateletCount : null,
            MonthsSinceDiagnosis = known.MonthsSinceDiagnosis is null && ofPatient ? told.MonthsSinceDiagnosis : null,
            Bleeding = known.Bleeding is null && ofPatient ? told.Bleeding : null,
            Comorbidities = known.Comorbidities is null && ofPatient && conditions is { Count: > 0 } ? conditions : null,
            Pregnant = known.Pregnant is null && ofPatient && told.Pregnant == true ? true : null,
            GestationWeeks = known.GestationWeeks is null && ofPatient && told.Pregnant == true ? told.GestationWeeks : null,
            CurrentDrugs = known.CurrentDrugs is null && drugs.Count > 0 ? drugs : null,
            Antithrombotics = known.Antithrombotics is null && drugs.Count > 0 ? told.Antithrombotics : null,
            PriorTreatments = known.PriorTreatments is null && ofPatient ? History(told.PriorTreatments) : null,
            Procedure = procedure,
            UpcomingProcedure = procedure is null ? null : true,
        };
    }

    /// <summary>
    /// The procedures a question asks about for the patient ("can she have a dental extraction with a count of 38?",
    /// "what count for her epidural?"): a procedure the patient faces is still to come, so its target count applies.
    /// Not one supposed ("what if she needs surgery"), someone else's, denied, past or only a possibility ("when should
    /// we consider splenectomy"); nor a splenectomy asked about as a treatment ("is splenectomy worth it at 70?"), which
    /// is a choice among treatments, not an operation booked. Whether the question is about this patient is
    /// <see cref="Descriptors"/>' call.
    /// </summary>
    public IReadOnlyList<ProcedureKind> ProceduresAsked(
        MessageTokens tokens, IReadOnlyList<Finding> findings, IReadOnlyList<QuestionSpan> asked, QuestionWords words) =>
        findings.Where(f => f.Field == ProfileFields.Procedure
                && f.Context.Experiencer == Experiencer.Patient
                && f.Context.Status is FindingStatus.Current or FindingStatus.Planned or FindingStatus.Hypothetical
                && !treatmentChoice.FindAll(MessageTokens.Read(f.Evidence, MaxProcedureWords)).Any()
                && words.Text.Contains(f.Evidence, StringComparison.Ordinal)
                && asked.Any(q => !q.Answered && f.Start >= tokens[q.First].Start && f.Start < tokens[q.End - 1].End)
                && !ContextualFacts.Tentative(f, tokens.Text))
            .Select(f => Enum.TryParse<ProcedureKind>(f.Value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind) ? kind : (ProcedureKind?)null)
            .OfType<ProcedureKind>()
            .ToList();

    private const int MaxProcedureWords = 8;

    /// <summary>
    /// The drugs the question says the patient takes now: owned ("hold her rivaroxaban") and not supposed. A drug
    /// named bare is what the question asks about ("is ibuprofen ok?", "can he go back on aspirin?").
    /// </summary>
    public IReadOnlyList<Finding> DrugsOwned(MessageTokens tokens, IReadOnlyList<Finding> findings, IReadOnlyList<QuestionSpan> asked) =>
        findings.Where(f => f.Field == ProfileFields.CurrentDrugs && f.Value != "none"
                && f.Context is { Experiencer: Experiencer.Patient, Status: FindingStatus.Current }
                && WordAt(tokens, f.Start) is { } word && word > 0 && owners.Contains(tokens[word - 1].Word)
                && asked.Any(q => !q.Answered && word >= q.First && word < q.End))
            .ToList();

    // A single drug's outcome inside a question is most often what is asked ("how long before calling eltrombopag a
    // failure?", "is that the stop rule for eltrombopag?"), so it is not taken. A history is: a dependence ("what's
    // realistic for a steroid-dependent 40F?") or one outcome told of two drugs or more ("after eltrombopag and
    // romiplostim have both failed"), which no one asks about. History told beside the question is read as it stands.
    private static List<PriorTreatment>? History(IReadOnlyList<PriorTreatment>? told)
    {
        var had = told?.Where(t => t.Outcome is not (TreatmentOutcome.Unknown or TreatmentOutcome.Ongoing)).ToList() ?? [];
        var history = had.Count >= 2 ? had : had.Where(t => t.Outcome == TreatmentOutcome.Dependent).ToList();
        return history.Count > 0 ? history : null;
    }

    private static int? WordAt(MessageTokens tokens, int start)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Start == start)
            {
                return i;
            }
        }

        return null;
    }

    private static bool IsSomeoneElse(LexiconMeaning trigger) =>
        trigger.Tags.Contains("experiencer") && !trigger.Tags.Contains("self-contrast");

    private static HashSet<string> Words(IReadOnlyList<LexiconMeaning> meanings, string meaning) =>
        meanings.Where(m => m.Meaning == meaning).SelectMany(m => m.Phrases).Select(p => p.Source).ToHashSet(StringComparer.Ordinal);
}

/// <summary>The words of a message's questions that may describe the patient.</summary>
/// <param name="AboutPatient">A word for the patient is among them ("her", "my", "pt").</param>
/// <param name="ConditionsHad">Comorbidity codes named as had ("with CKD 4", "his high blood pressure").</param>
internal sealed record QuestionWords(string Text, bool AboutPatient, IReadOnlySet<string> ConditionsHad);
