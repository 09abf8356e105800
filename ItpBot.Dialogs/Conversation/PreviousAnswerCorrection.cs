using System.Globalization;
using System.Text.RegularExpressions;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Conversation;

/// <summary>A correction of an answer already given: the field it sets right, and the case with it set right.</summary>
public sealed record AnswerCorrected(IntakeField Field, PatientProfile Profile, PatientProfile Update);

/// <summary>
/// "I meant 18 months", "sorry, 45 not 54", "no wait, it was 30", "make that romiplostim": a correction that names no
/// field. The reader cannot place it; the conversation can, because it knows which answer came last and what the case
/// holds. "45 not 54" sets right the number the case holds as 54 (the last answer first, if both could be it); a
/// correction cue with a bare value sets right the last answer when the value fits it, or the one field that has a
/// value and that it fits. The new value replaces the last answer's (a list loses what that answer added).
/// </summary>
public sealed partial class PreviousAnswerCorrection(PendingAnswerReader answers)
{
    // The numbers a case holds, read and written by the intake field that asks for them.
    private static readonly Dictionary<IntakeField, (Func<PatientProfile, double?> Get, Func<PatientProfile, double, PatientProfile> Set)> Numbers = new()
    {
        [IntakeField.PlateletCount] = (p => p.PlateletCount, (p, v) => p with { PlateletCount = v }),
        [IntakeField.TimeSinceDiagnosis] = (p => p.MonthsSinceDiagnosis, (p, v) => p with { MonthsSinceDiagnosis = v }),
        [IntakeField.Age] = (p => p.AgeYears, (p, v) => v == Math.Floor(v) ? p with { AgeYears = (int)v } : p),
        [IntakeField.Weight] = (p => p.WeightKg, (p, v) => p with { WeightKg = v }),
        [IntakeField.Haemoglobin] = (p => p.Haemoglobin, (p, v) => p with { Haemoglobin = v }),
        [IntakeField.Alt] = (p => p.AltTimesUpperLimit, (p, v) => p with { AltTimesUpperLimit = v }),
    };

    /// <summary>The correction <paramref name="text"/> makes to an earlier answer; null when it makes none.</summary>
    public AnswerCorrected? Read(string text, IntakeState intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var normalized = UnderstandingText.Normalize(text).Trim().TrimEnd('.', '!');
        if (normalized.Length == 0 || normalized.Length > MaxLength || normalized.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        return InsteadOf(normalized, intake) ?? AfterCue(normalized, intake);
    }

    // A correction of one answer is short; a longer message is a case summary or a story, for the reader.
    private const int MaxLength = 80;

    /// <summary>"45 not 54", "sorry it's 18 months not 8", "not 54, 45": the number the case holds as the old one.</summary>
    private AnswerCorrected? InsteadOf(string text, IntakeState intake)
    {
        var match = NewNotOld().Match(text) is { Success: true } m ? m : OldThenNew().Match(text);
        if (!match.Success
            || !double.TryParse(match.Groups["old"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var old)
            || !double.TryParse(match.Groups["new"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var holding = Numbers.Where(n => n.Value.Get(intake.Profile) is { } held && Math.Abs(held - old) < 1e-9).Select(n => n.Key).ToList();
        var field = holding.Count == 1 ? holding[0] : holding.FirstOrDefault(f => intake.LastAnswered.Contains(f));
        if (!holding.Contains(field))
        {
            return null;
        }

        // "18 months" is read as its field reads it; a bare number is in the unit the case holds it in.
        var unit = match.Groups["unit"].Value;
        var update = unit.Length > 0 && answers.Read($"{match.Groups["new"].Value} {unit}", field) is { } read
            ? read
            : Numbers[field].Set(new PatientProfile(), value);
        return Corrected(field, update, intake);
    }

    /// <summary>"I meant 18 months", "no wait, it was 30", "make that romiplostim": the value after the cue.</summary>
    private AnswerCorrected? AfterCue(string text, IntakeState intake)
    {
        if (Cue().Match(text) is not { Success: true } cue)
        {
            return null;
        }

        var rest = text[(cue.Index + cue.Length)..].Trim(' ', ',', ':', '-');
        if (rest.Length == 0)
        {
            return null;
        }

        foreach (var field in intake.LastAnswered)
        {
            if (Reread(rest, field, intake) is { } update)
            {
                return Corrected(field, update, intake);
            }
        }

        // Not the last answer: the one answered field a number fits ("I meant 18 months" after two more questions).
        if (!rest.Any(char.IsDigit))
        {
            return null;
        }

        var fits = FieldRegistry.Known(intake.Profile).Where(f => !intake.LastAnswered.Contains(f))
            .Select(f => (Field: f, Update: Reread(rest, f, intake))).Where(x => x.Update is not null).ToList();
        return fits.Count == 1 ? Corrected(fits[0].Field, fits[0].Update!, intake) : null;
    }

    private PatientProfile? Reread(string rest, IntakeField field, IntakeState intake)
    {
        if (answers.Read(rest, field) is { } update)
        {
            return update;
        }

        // "make that romiplostim" after "eltrombopag, it did nothing": the drug is set right, what was said of it stays.
        return field == IntakeField.PriorTreatments
            && intake.LastAnswer?.PriorTreatments is [var last]
            && answers.ReadPartialPriorTreatments(rest) is { Known.Count: 0, Open: [{ Therapy: { } therapy }] }
            && therapy != last.Therapy
                ? new PatientProfile { PriorTreatments = [new PriorTreatment(therapy, last.Outcome)] }
                : null;
    }

    private static AnswerCorrected? Corrected(IntakeField field, PatientProfile update, IntakeState intake)
    {
        var entry = FieldRegistry.Get(field);
        if (!entry.IsKnown(update) || entry.Validate(update) is not null)
        {
            return null;
        }

        // A list keeps what other answers gave it and loses what the answer set right had added.
        var current = intake.Profile;
        if (entry.Remove is { } remove && intake.LastAnswered.Contains(field) && intake.LastAnswer is { } last && entry.IsKnown(last))
        {
            current = remove(current, last);
        }

        return new AnswerCorrected(field, entry.Merge(current, update), update);
    }

    private const string Number = @"\d+(?:\.\d+)?";

    private const string Unit = @"(?:kg|kgs|kilos?|kilograms?|months?|mths?|years?|yrs?|weeks?|wks?|stone|st|lbs?|pounds)\b";

    [GeneratedRegex(@"(?<new>" + Number + @")\s*(?<unit>" + Unit + @")?\s*,?\s*(?:not|rather than|instead of)\s+(?<old>" + Number + @")\b(?!\s*%|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NewNotOld();

    [GeneratedRegex(@"\bnot\s+(?<old>" + Number + @")\s*(?:" + Unit + @")?\s*(?:,|;|-|but|it's|its|it is|it was)+\s*(?<new>" + Number + @")\s*(?<unit>" + Unit + @")?", RegexOptions.CultureInvariant)]
    private static partial Regex OldThenNew();

    // Words that say the last answer was wrong, after any "sorry", "oops" or "no": a bare "sorry, 12" stays an answer.
    [GeneratedRegex(@"^(?:(?:sorry|oops|oh|ah|no|nope|ok|okay|um|erm|my bad|my mistake)\b[\s,!.]*)*(?:i meant|i mean|meant|make that|make it|no wait|wait|hang on|hold on|correction|scratch that|typo|i should have said|should have said|should be|should have been|it should be|that should be|i got that wrong)\b[\s,:!.-]*(?:(?:it was|it's|its|it is|that's|that is|was|is|actually|to say)\b\s*)*",
        RegexOptions.CultureInvariant)]
    private static partial Regex Cue();
}
