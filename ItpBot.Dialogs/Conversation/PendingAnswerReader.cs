using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Conversation;

/// <summary>Prior treatments answered in part: some can be recorded, some must be asked about.</summary>
/// <param name="Known">Therapies whose outcome was said: recorded at once.</param>
/// <param name="Open">Therapies or classes still to ask about.</param>
public sealed record PartialPriorTreatments(List<PriorTreatment> Known, List<OpenTreatment> Open);

/// <summary>
/// Reads a short answer to one intake question: "12" to the count, "no" to splenectomy, "none" to comorbidities.
/// Null when the text does not answer that question.
/// </summary>
public sealed class PendingAnswerReader(TherapyRecognizer therapies, TimeProvider clock)
{
    /// <summary>"Nothing to report", without the word "no": not an answer to "is this right?".</summary>
    private static readonly HashSet<string> NothingWords = new(StringComparer.Ordinal)
    {
        "none", "none yet", "nothing", "nil", "n/a", "not any", "none of them", "none of those",
    };

    private static readonly HashSet<string> NoneWords = new(NothingWords, StringComparer.Ordinal)
    {
        "no", "nope", "na", "neither", "no treatment", "no treatments", "untreated", "treatment naive", "all available",
        "everything is available", "no preference", "no preferences", "no comorbidities", "no drugs", "no medication",
    };

    private static readonly HashSet<string> NotKnownWords = new(StringComparer.Ordinal)
    {
        "not sure", "unsure", "don't know", "do not know", "dont know", "i don't know", "i do not know", "not known",
        "unknown", "no idea", "can't remember", "cannot remember", "don't remember", "i'm not sure", "i am not sure",
    };

    private readonly TreatmentOutcomeRecognizer _outcomes = new();
    private readonly PlateletCountRecognizer _platelets = new();
    private readonly BleedingRecognizer _bleeding = new();
    private readonly DiagnosisDurationRecognizer _duration = new(clock);
    private readonly PriorTreatmentReader _priorTreatments = new(therapies, new TreatmentOutcomeRecognizer());
    private readonly YesNoRecognizer _yesNo = new();
    private readonly SplenectomyRecognizer _splenectomy = new();
    private readonly AntithromboticRecognizer _antithrombotics = new();
    private readonly ComorbidityRecognizer _comorbidities = new();
    private readonly DemographicsRecognizer _demographics = new();
    private readonly WeightRecognizer _weight = new();
    private readonly PregnancyRecognizer _pregnancy = new();
    private readonly AncestryRecognizer _ancestry = new();
    private readonly PreferenceRecognizer _preferences = new();
    private readonly UnavailableTherapyRecognizer _unavailable = new(therapies);

    public PatientProfile? Read(string text, IntakeField field) => field switch
    {
        IntakeField.PlateletCount => _platelets.Recognize(text) is { } count ? new() { PlateletCount = count } : null,
        IntakeField.Bleeding => _bleeding.Recognize(text) is { } found ? new() { Bleeding = found.Grade } : null,
        IntakeField.TimeSinceDiagnosis => _duration.RecognizeMonths(text) is { } months ? new() { MonthsSinceDiagnosis = months } : null,
        IntakeField.PriorTreatments => PriorTreatments(text),
        IntakeField.Splenectomy => (_splenectomy.FindInText(text) ?? _yesNo.Recognize(text)) is { } done ? new() { Splenectomy = done } : null,
        IntakeField.Antithrombotics => List(text, _antithrombotics.FindAll(text), list => new() { Antithrombotics = list }),
        IntakeField.Comorbidities => List(text, _comorbidities.FindAll(text), list => new() { Comorbidities = list }),
        IntakeField.Age => _demographics.RecognizeAge(text) is { } age ? new() { AgeYears = age } : null,
        IntakeField.Sex => _demographics.RecognizeSex(text) is { } sex ? new() { Sex = sex } : null,
        IntakeField.Weight => _weight.Recognize(text) is { } kg ? new() { WeightKg = kg } : null,
        IntakeField.Pregnancy => Pregnancy(text),
        IntakeField.Ancestry => (_ancestry.FindInText(text) ?? _yesNo.Recognize(text)) is { } eastAsian ? new() { EastAsianAncestry = eastAsian } : null,
        IntakeField.Preferences => List(text, _preferences.FindAll(text), list => new() { Preferences = list }),
        IntakeField.Unavailable => List(text, Unavailable(text), list => new() { Unavailable = list }),
        _ => null,
    };

    private PatientProfile? PriorTreatments(string text)
    {
        if (IsNone(text))
        {
            return new() { PriorTreatments = [] };
        }

        // Every therapy named needs its outcome: a therapy without one is asked about again rather than guessed.
        var reading = _priorTreatments.Read(text);
        return reading.Treatments.Count > 0 && reading.WithoutOutcome.Count == 0 && reading.Classes.Count == 0
            ? new() { PriorTreatments = reading.Treatments }
            : null;
    }

    /// <summary>
    /// An answer to the prior-treatments question that names therapies without saying how each went, or names only a
    /// class: what can be recorded now, and what is left to ask. Null when nothing is left open.
    /// </summary>
    public PartialPriorTreatments? ReadPartialPriorTreatments(string text)
    {
        var reading = _priorTreatments.Read(text);
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
            var named = therapies.FindAll(text).Select(m => m.TherapyId).OfType<string>()
                .Where(open.Candidates.Contains).Distinct().ToList();
            return named.Count == 1
                ? new OpenTreatment { Therapy = named[0], Outcome = open.Outcome ?? _outcomes.Recognize(text) }
                : null;
        }

        return (_outcomes.Recognize(text) ?? (NotKnown(text) ? TreatmentOutcome.Unknown : null)) is { } outcome
            ? open with { Outcome = outcome }
            : null;
    }

    /// <summary>"not sure", "don't know": to "How did X go?", X was given and how it went is not known.</summary>
    private static bool NotKnown(string text) => NotKnownWords.Contains(Normalized(text));

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

    private PatientProfile? Pregnancy(string text)
    {
        if (_pregnancy.ReadAnswer(text) is { } status)
        {
            return new() { Pregnant = status.Pregnant, GestationWeeks = status.GestationWeeks };
        }

        return _yesNo.Recognize(text) is { } pregnant ? new() { Pregnant = pregnant } : null;
    }

    /// <summary>To "which are unavailable?", naming therapies is the answer; "no access to X" works too.</summary>
    private IReadOnlyList<string> Unavailable(string text)
    {
        var stated = _unavailable.FindAll(text);
        return stated.Count > 0
            ? stated
            : therapies.FindAll(text).Select(m => m.TherapyId).OfType<string>().Distinct().ToList();
    }

    private static PatientProfile? List<T>(string text, IReadOnlyList<T> found, Func<IReadOnlyList<T>, PatientProfile> profile) =>
        found.Count > 0 ? profile(found) : IsNone(text) ? profile([]) : null;

    private static bool IsNone(string text) => NoneWords.Contains(Normalized(text));

    /// <summary>"none", "nothing", "n/a": there is nothing to report (unlike "no", which also denies).</summary>
    public static bool SaysNothing(string text) => NothingWords.Contains(Normalized(text));

    private static string Normalized(string text) => UnderstandingText.Normalize(text).Trim(' ', '.', '!');
}
