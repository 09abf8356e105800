using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Conversation;

/// <summary>Prior treatments answered in part: some can be recorded, some must be asked about.</summary>
/// <param name="Known">Therapies whose outcome was said: recorded at once.</param>
/// <param name="Open">Therapies or classes still to ask about.</param>
public sealed record PartialPriorTreatments(List<PriorTreatment> Known, List<OpenTreatment> Open);

/// <summary>
/// Reads a short answer to one intake question: "12" to the count, "no" to splenectomy, "none" to comorbidities
/// (each field's reader is its entry in <see cref="FieldRegistry"/>), and the answers to the intake's own follow-up
/// questions ("How did X go?", "count or age?"). Null when the text does not answer the question.
/// </summary>
public sealed class PendingAnswerReader(FieldReaders readers)
{
    public PatientProfile? Read(string text, IntakeField field) => FieldRegistry.ReadAnswer(readers, field, text);

    /// <summary>
    /// An answer to the prior-treatments question that names therapies without saying how each went, or names only a
    /// class: what can be recorded now, and what is left to ask. Null when nothing is left open.
    /// </summary>
    public PartialPriorTreatments? ReadPartialPriorTreatments(string text)
    {
        var reading = readers.PriorTreatments.Read(text);
        var open = reading.WithoutOutcome.Select(id => new OpenTreatment { Therapy = id }).ToList();
        open.AddRange(reading.Classes.Select((mention, i) => new OpenTreatment
        {
            ClassName = mention.ClassName,
            Candidates = mention.TherapyIds.ToList(),
            Outcome = i < reading.ClassOutcomes.Count ? reading.ClassOutcomes[i] : null,
        }));
        return open.Count > 0 ? new PartialPriorTreatments(reading.Treatments.ToList(), open) : null;
    }

    /// <summary>
    /// The answer to "How did X go?" or "Which TPO-RA was it?": the therapy with what the answer adds, or null when
    /// it adds nothing (a class member not named, or no outcome).
    /// </summary>
    public OpenTreatment? ReadOpenTreatment(string text, OpenTreatment open)
    {
        if (open.Therapy is null)
        {
            var named = readers.Therapies.FindAll(text).Select(m => m.TherapyId).OfType<string>()
                .Where(open.Candidates.Contains).Distinct().ToList();
            return named.Count == 1
                ? new OpenTreatment { Therapy = named[0], Outcome = open.Outcome ?? readers.Outcomes.Recognize(text) }
                : null;
        }

        // "pred relapsed, nplate did nothing" (to "How did prednisone and romiplostim go?"): each therapy named with
        // its own outcome takes that one; an answer that names no therapy ("neither did much") speaks of them all.
        var told = readers.PriorTreatments.Read(text).Treatments;
        if (told.Count > 0)
        {
            return told.FirstOrDefault(t => t.Therapy == open.Therapy) is { } own ? open with { Outcome = own.Outcome } : null;
        }

        return (readers.Outcomes.Recognize(text) ?? (EverydayAnswers.SaysNotKnown(text) ? TreatmentOutcome.Unknown : null)) is { } outcome
            ? open with { Outcome = outcome }
            : null;
    }

    /// <summary>
    /// The answer to "Is 52 the platelet count or the age?": the number as whichever the answer names ("Platelet
    /// count", "the age", "platelets"); null when it names neither, or both.
    /// </summary>
    public PatientProfile? ReadCountOrAge(string text, int number)
    {
        var words = UnderstandingText.Words(Normalized(text)).Select(w => w.Word).ToList();
        var count = words.Any(CountWords.Contains);
        var age = words.Any(AgeWords.Contains);
        return count == age ? null : count ? new() { PlateletCount = number } : new() { AgeYears = number };
    }

    private static readonly HashSet<string> CountWords = new(StringComparer.Ordinal)
    {
        "platelet", "platelets", "plt", "plts", "count", "counts",
    };

    private static readonly HashSet<string> AgeWords = new(StringComparer.Ordinal)
    {
        "age", "aged", "old", "years", "year", "yrs",
    };

    /// <summary>"none", "nothing", "n/a": there is nothing to report (unlike "no", which also denies).</summary>
    public static bool SaysNothing(string text) => EverydayAnswers.SaysNothing(text);

    private static string Normalized(string text) => UnderstandingText.Normalize(text).Trim(' ', '.', '!');
}
