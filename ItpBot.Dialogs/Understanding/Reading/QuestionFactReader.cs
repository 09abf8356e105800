using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// The patient's own descriptors told inside a question ("is it safe for her to fly with a count of 28?", "what dose of
/// romiplostim for a 95kg man?"): read from the question's words, which the statement reading sets aside because a
/// question names what it asks about. Only descriptors are taken, never what is asked about: no drug the question
/// names without how it went ("should she start romiplostim?"), nothing supposed ("what if", "say she"), nothing of
/// someone else. A count, a sign, a condition, a past treatment or a drug taken now is taken only when the question is
/// about this patient (a word for them, a described person, or facts stated beside it): "is a count of 30 safe for a
/// dental extraction?" asks a threshold. The conversation lets these fill only what it does not know yet.
/// </summary>
internal sealed class QuestionFactReader
{
    private readonly LexiconMatcher supposing;
    private readonly HashSet<string> patientWords;
    private readonly HashSet<string> owners;

    public QuestionFactReader(ReadingLexicon lexicon)
    {
        var meanings = lexicon.Category("question-fact");
        supposing = new LexiconMatcher(meanings.Where(m => m.Meaning == "supposes"));
        owners = Words(meanings, "owns");
        patientWords = Words(meanings, "about-patient").Union(owners).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The words of the questions asked, without what is supposed or someone else's part; empty when none.</summary>
    public (string Text, bool AboutPatient) Read(MessageTokens tokens, IReadOnlyList<QuestionSpan> asked, IReadOnlyList<LexiconMatch> triggers)
    {
        var parts = new List<string>();
        var aboutPatient = false;
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
                }

                first = end;
            }
        }

        return (string.Join(", ", parts), aboutPatient);
    }

    /// <summary>
    /// What the question's words tell of the patient, as profile fields (only those <paramref name="known"/> leaves
    /// empty). <paramref name="aboutPatient"/>: the question or the message around it is about this patient.
    /// </summary>
    public PatientProfile Descriptors(CaseSummary read, IReadOnlyList<Finding> drugsOwned, PatientProfile known, bool aboutPatient)
    {
        var told = read.Profile;
        // A described person ("a 79 year old with heart failure", "a 95kg man") is the one asked about.
        var described = told.AgeYears is not null || told.WeightKg is not null || told.Sex is not null;
        var ofPatient = aboutPatient || described;
        var history = told.PriorTreatments?
            .Where(t => t.Outcome is not (TreatmentOutcome.Unknown or TreatmentOutcome.Ongoing) && !read.TherapiesWithoutOutcome.Contains(t.Therapy))
            .ToList();
        var drugs = drugsOwned.Select(f => f.Evidence).Distinct(StringComparer.Ordinal).ToList();
        return new PatientProfile
        {
            AgeYears = known.AgeYears is null ? told.AgeYears : null,
            Sex = known.Sex is null ? told.Sex : null,
            WeightKg = known.WeightKg is null ? told.WeightKg : null,
            PlateletCount = known.PlateletCount is null && ofPatient ? told.PlateletCount : null,
            MonthsSinceDiagnosis = known.MonthsSinceDiagnosis is null && ofPatient ? told.MonthsSinceDiagnosis : null,
            Bleeding = known.Bleeding is null && ofPatient ? told.Bleeding : null,
            Comorbidities = known.Comorbidities is null && ofPatient ? told.Comorbidities : null,
            Pregnant = known.Pregnant is null && ofPatient && told.Pregnant == true ? true : null,
            GestationWeeks = known.GestationWeeks is null && ofPatient && told.Pregnant == true ? told.GestationWeeks : null,
            PriorTreatments = known.PriorTreatments is null && ofPatient && history is { Count: > 0 } ? history : null,
            CurrentDrugs = known.CurrentDrugs is null && drugs.Count > 0 ? drugs : null,
            Antithrombotics = known.Antithrombotics is null && drugs.Count > 0 ? told.Antithrombotics : null,
        };
    }

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
