using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;
using K = ItpBot.Knowledge.Content.ContentKeys.ReasoningTexts;
using Q = ItpBot.Knowledge.Content.ContentKeys.QuestionKinds;

namespace ItpBot.Knowledge.Reasoning.Stages;

/// <summary>
/// Stage 5, the clinician's own question: classified by the content's question words and by the therapies it names,
/// and answered with the matching decisions and what the assessment says of each named therapy (first choice, why
/// not, avoided and why, interactions). Put first among the decisions.
/// </summary>
internal sealed class QuestionAnswerer
{
    // At most this many named therapies are discussed: a question names one or two.
    private const int MaxTherapies = 3;
    private static readonly HashSet<string> NotNamedByWord = [TherapyIds.Observation, TherapyIds.PlateletTransfusion, TherapyIds.ClinicalTrial];
    private readonly KnowledgeBase _kb;
    // Names and words lower-cased once: the question is lower-cased once and searched with ordinal comparisons.
    private readonly (Therapy Therapy, string[] Names)[] _therapyNames;
    private readonly (string Kind, string[] Words)[] _kinds;
    private readonly string[] _doseWords;

    public QuestionAnswerer(KnowledgeBase kb)
    {
        _kb = kb;
        _therapyNames = kb.TherapyCatalog.Where(t => !NotNamedByWord.Contains(t.Id))
            .Select(t => (t, t.Synonyms.Append(t.Name).Append(t.Id).Where(n => n.Length >= 3).Select(n => n.ToLowerInvariant()).Distinct().ToArray()))
            .ToArray();
        _kinds = kb.Reasoning.Questions.Where(q => q.Kind is not (Q.Adherence or Q.Dose)).Select(q => (q.Kind, q.Words.ToArray())).ToArray();
        _doseWords = kb.Reasoning.Questions.Where(q => q.Kind == Q.Dose).SelectMany(q => q.Words).ToArray();
    }

    public void Answer(AssessmentDraft draft, Candidate? first)
    {
        var kb = _kb;
        var asked = draft.Facts.Profile.Question;
        if (string.IsNullOrWhiteSpace(asked)) return;
        var question = asked.ToLowerInvariant();
        var parts = new List<string>();
        var citations = new List<string>();
        void Add(string? text, IEnumerable<string> cites)
        {
            if (text is not null) text = RuleRationale.WithoutRule(text);
            if (string.IsNullOrWhiteSpace(text) || parts.Contains(text)) return;
            parts.Add(text);
            citations.AddRange(cites);
        }
        void AddDecision(DecisionTopic topic)
        {
            if (draft.DecisionOf(topic) is { } d) Add(d.Answer, d.Citations);
        }

        // A question about the dose of a current TPO-RA is answered first by today's label titration step.
        var aboutDose = _doseWords.Length > 0 && AnyWord(question, _doseWords);
        if (aboutDose && draft.Titration is { } titration) Add(titration.Text, titration.Citations);

        foreach (var therapy in Named(question).Take(MaxTherapies))
        {
            if (draft.AvoidOf(therapy.Id) is { } avoid)
            {
                Add($"Not {therapy.Name}: {avoid.Reason}", avoid.Citations);
                continue;
            }
            var c = draft.Find(therapy.Id);
            if (draft.Facts.Profile.Unavailable?.Contains(therapy.Id) == true)
            {
                Add($"{therapy.Name} is not obtainable here, so it is not offered.", []);
                continue;
            }
            if (c is null)
            {
                if (!draft.Facts.IsCurrent(therapy.Id)) Add($"{therapy.Name} is not among the options for this situation.", []);
                continue;
            }
            if (c == first)
            {
                Add($"{therapy.Name} is the first choice.", []);
                foreach (var r in c.Rationale.TakeLast(2)) Add(r, c.CitationsOfText(r));
            }
            else
            {
                Add(first is null ? $"{therapy.Name} is an option." : $"{therapy.Name} is not the first choice ({first.Therapy.Name} is).", []);
                foreach (var r in c.Rationale.Skip(1).TakeLast(2)) Add(r, c.CitationsOfText(r));
            }
            foreach (var x in draft.Interactions)
                if (x.Drugs.Contains(therapy.Name)) Add(x.Text, x.Citations);
        }

        foreach (var kind in _kinds)
        {
            if (!AnyWord(question, kind.Words)) continue;
            switch (kind.Kind)
            {
                case Q.Refractory: AddDecision(DecisionTopic.RefractoryStatus); break;
                case Q.Antithrombotics: AddDecision(DecisionTopic.Antithrombotics); break;
                case Q.Stop:
                    if (draft.ReplacingCurrent is { } stop && draft.ReplacingReason is { } why)
                        Add(draft.Say(why, ("therapy", stop.Name)), why.Citations);
                    if (TransitionsStage.TaperingCurrentTpoRa(draft))
                    {
                        var taper = kb.Reasoning.Text(K.TpoTaper);
                        Add(draft.Say(taper), taper.Citations);
                    }
                    AddDecision(DecisionTopic.TreatNow);
                    break;
                case Q.NormalCount:
                    AddDecision(DecisionTopic.TreatNow);
                    var clots = kb.Reasoning.Text(K.TpoRaThrombosis);
                    Add(draft.Say(clots), clots.Citations);
                    break;
                case Q.Procedure: AddDecision(DecisionTopic.ProcedureCount); break;
                case Q.Pregnancy: AddDecision(DecisionTopic.Pregnancy); break;
                case Q.Setting: AddDecision(DecisionTopic.SettingOfCare); AddDecision(DecisionTopic.TreatNow); break;
                case Q.Choice: AddDecision(DecisionTopic.FirstChoice); break;
            }
        }
        // A question that names no therapy and no kind of question the content knows is not answered here: saying the
        // first choice to "how do I claim sick pay?" would pass a guess off as an answer.
        if (parts.Count == 0) return;
        draft.Decisions.Insert(0, new Decision(DecisionTopic.Question, AssessmentDraft.Capitalised(string.Join(" ", parts)), [], citations.Distinct().ToList()));
    }

    /// <summary>The therapies a question names (by name or synonym), in the order it names them.</summary>
    private IEnumerable<Therapy> Named(string question)
    {
        var found = new List<(int At, Therapy Therapy)>();
        foreach (var (t, names) in _therapyNames)
        {
            var at = int.MaxValue;
            foreach (var name in names)
            {
                var i = IndexOfWord(question, name);
                if (i >= 0 && i < at) at = i;
            }
            if (at != int.MaxValue) found.Add((at, t));
        }
        return found.OrderBy(f => f.At).Select(f => f.Therapy);
    }

    private static bool AnyWord(string question, string[] words)
    {
        foreach (var w in words)
        {
            var i = question.IndexOf(w, StringComparison.Ordinal);
            while (i >= 0)
            {
                if (i == 0 || !char.IsLetterOrDigit(question[i - 1])) return true;
                i = question.IndexOf(w, i + 1, StringComparison.Ordinal);
            }
        }
        return false;
    }

    private static int IndexOfWord(string text, string word)
    {
        var start = 0;
        while (true)
        {
            var i = text.IndexOf(word, start, StringComparison.Ordinal);
            if (i < 0) return -1;
            var end = i + word.Length;
            if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (end == text.Length || !char.IsLetter(text[end]))) return i;
            start = i + 1;
        }
    }
}

/// <summary>The bottom line: at most 80 words, what to do now and the first choice, in the order a clinician acts.</summary>
internal static class BottomLine
{
    public const int MaxWords = 80;

    public static void Write(AssessmentDraft draft, Candidate? first)
    {
        var sentences = new List<string>();
        foreach (var step in draft.Today) sentences.Add(FirstSentence(step.Action));
        if (first is not null && first.Therapy.Id != TherapyIds.Observation)
            sentences.Add(draft.Audience == Audience.Patient ? $"Main treatment: {first.Therapy.Name}." : $"First choice: {first.Therapy.Name}.");
        else if (draft.DecisionOf(DecisionTopic.TreatNow) is { } treat)
            sentences.Add(FirstSentence(treat.Answer));
        var words = 0;
        var kept = new List<string>();
        // The first choice always makes it in: keep room for it.
        var last = sentences.Count > 0 ? sentences[^1] : "";
        var reserve = Count(last);
        for (var i = 0; i < sentences.Count - 1; i++)
        {
            var n = Count(sentences[i]);
            if (words + n + reserve > MaxWords || kept.Count >= 3) continue;
            kept.Add(sentences[i]);
            words += n;
        }
        if (last.Length > 0 && words + reserve <= MaxWords) kept.Add(last);
        var line = string.Join(" ", kept);
        if (Count(line) > MaxWords) line = string.Join(" ", line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxWords));
        draft.BottomLine = line.Length == 0 ? null : line;
    }

    private static int Count(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string FirstSentence(string text)
    {
        // A sentence ends at ". " followed by a capital, not inside "e.g. TH2".
        var end = -1;
        for (var i = text.IndexOf(". ", StringComparison.Ordinal); i >= 0; i = text.IndexOf(". ", i + 1, StringComparison.Ordinal))
        {
            if (i + 2 < text.Length && char.IsUpper(text[i + 2]) && !text[..i].EndsWith("e.g", StringComparison.Ordinal)) { end = i; break; }
        }
        var sentence = end > 0 ? text[..(end + 1)] : text;
        return sentence.EndsWith('.') ? sentence : sentence + ".";
    }
}
