using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>Pregnant or not, and the gestation in weeks when written.</summary>
public sealed record PregnancyStatus(bool Pregnant, int? GestationWeeks = null);

/// <summary>"pregnant", "28 weeks pregnant", "28/40", "not pregnant", "postpartum".</summary>
public sealed partial class PregnancyRecognizer
{
    public const int MaxGestationWeeks = 44;

    public PregnancyStatus? FindInText(string? text) => FindInText(Reading.MessageText.Of(text));

    internal PregnancyStatus? FindInText(Reading.MessageText text)
    {
        var normalized = text.Normalized;
        if (NotPregnant().IsMatch(normalized))
        {
            return new PregnancyStatus(false);
        }

        var weeks = GestationWeeks(normalized);
        foreach (Match match in Pregnant().Matches(normalized))
        {
            // "could still get pregnant", "trying to fall pregnant": an ability or a plan, not a pregnancy now.
            if (BecomingBefore().IsMatch(normalized.AsSpan(0, match.Index)))
            {
                continue;
            }

            if (Negation.IsNegated(normalized, match.Index, match.Length, maxWordsBetween: 2))
            {
                return new PregnancyStatus(false);
            }

            return new PregnancyStatus(true, weeks);
        }

        // "planned C-section at 39 weeks": a delivery to come is a pregnancy, and its weeks are the plan's, not today's.
        return weeks is not null ? new PregnancyStatus(true, weeks)
            : DeliveryAtWeeks().IsMatch(normalized) || DeliveryToCome().IsMatch(normalized) ? new PregnancyStatus(true)
            : null;
    }

    // A lone "36 weeks" in a case is a gestation only from 20 weeks (below, it is as often a course of treatment).
    private const int MinWeeksWithoutPregnancyWord = 20;

    // "I'm 14 weeks" is a pregnancy; "she's 2 weeks" is more often two weeks into a treatment.
    private const int MinWeeksOfPerson = 5;

    /// <summary>
    /// The answer to "is she pregnant?", where the question supplies the word "pregnant": "yes, 28 weeks",
    /// "yes 12 wks", "28 weeks". Null when the text is not such an answer (a bare "yes"/"no" is the yes/no reader's).
    /// </summary>
    public PregnancyStatus? ReadAnswer(string? text)
    {
        if (FindInText(text) is { } stated)
        {
            return stated;
        }

        var normalized = UnderstandingText.Normalize(text);
        if (WeeksAnswer().Match(normalized) is { Success: true } match
            && int.TryParse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture, out var weeks)
            && weeks is >= 1 and <= MaxGestationWeeks)
        {
            return new PregnancyStatus(true, weeks);
        }

        return null;
    }

    private static int? GestationWeeks(string normalized)
    {
        var pregnancyWord = Pregnant().IsMatch(normalized);
        foreach (var pattern in new[] { WeeksPregnant(), WeeksOfForty(), PregnantAtWeeks(), PersonAtWeeks(), AtWeeksPlusDays(), WeeksPlusDays(), NotWeeksButWeeks(), LoneWeeks() })
        {
            // "yes, 28 weeks" answers the question asked (ReadAnswer knows when that was the pregnancy); only a case
            // that states it ("36 weeks, plt 48") says so unasked.
            if ((pattern == LoneWeeks() && YesOrNoFirst().IsMatch(normalized)) || (pattern == WeeksPlusDays() && !pregnancyWord))
            {
                continue;
            }

            if (pattern.Match(normalized) is { Success: true } match)
            {
                var number = match.Groups["n"].Value;
                var value = TextModels.Number.Parse(number).Select(TextModels.ValueOf).FirstOrDefault();
                // Beside a pregnancy word ("second trimester, 18 weeks") a lone figure of weeks is its gestation.
                var least = pattern == LoneWeeks() && !pregnancyWord ? MinWeeksWithoutPregnancyWord
                    : pattern == LoneWeeks() || pattern == PersonAtWeeks() || pattern == NotWeeksButWeeks() || pattern == AtWeeksPlusDays() ? MinWeeksOfPerson : 1;
                if (value >= least && value <= MaxGestationWeeks)
                {
                    return (int)value.Value;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:pregnan\w*|pregn[ae]nt\w*|pregant\w*|pregnat\w*|preggers|preggo|gravid|(?:urine |serum |blood |beta[- ]?)?b?hcg (?:is |was |came back )?(?:positive|pos|\+ve)|(?:positive|\+ve) (?:urine |serum |beta[- ]?)?(?:b?hcg|pregnancy test|upt)|g\d{1,2}\s*p\d{1,2}|expecting (?:a baby|twins)|antenatal|primip(?:s|ara\w*)?|multip(?:s|ara\w*)?|primigravid\w*|multigravid\w*|iup|ga(?=\s*\d{1,2}\s*(?:\+|weeks?|wks?|w\b))|(?:first|second|third|1st|2nd|3rd) trimester|gestation\w*)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pregnant();

    [GeneratedRegex(@"\b(?:post-? ?partum|post-? ?natal|delivered|gave birth|had (?:the|her) baby|not (?:currently )?pregnant|(?:isn't|isnt|is not|not|she's not|not currently) expecting(?! (?:a |to |much|any|it))|isn't pregnant|is not pregnant|no longer pregnant|(?:pregnancy test|preg test|upt|(?:urine |serum |blood |beta[- ]?)?b?hcg)(?: today| this morning)? (?:was |is |came back |has come back )?(?:negative|neg|-ve)|(?:negative|neg|-ve) (?:urine |serum |beta[- ]?)?(?:pregnancy test|preg test|upt|b?hcg))(?!\w)",
        RegexOptions.CultureInvariant)]
    private static partial Regex NotPregnant();

    // "28 weeks pregnant", "twenty-eight weeks' gestation", "28 wks pregnant", "28+3 weeks"
    [GeneratedRegex(@"\b(?<n>\d{1,2}|[a-z]+(?:[- ][a-z]+)?)\s*(?:\+\s*\d\s*)?(?:weeks?|wks?|w)'?\s*(?:\+\s*\d\s*(?:days?|d)?\s*)?(?:pregnant|pregn[ae]nt|gestation\w*|of pregnancy|pg|preg|along|gone|\(pregnant\)|into (?:the |her |my |this |your )?pregnancy|with (?:her|my|our|their) (?:first|second|third|1st|2nd|3rd)(?! (?:dose|course|line|cycle|infusion|treatment))(?: baby| child)?)(?!\w)(?! (?:of|since|after|ago|into)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex WeeksPregnant();

    // "yes, 28 weeks", "yes - 12 wks", "28 weeks": the whole answer, nothing else.
    [GeneratedRegex(@"^\s*(?:(?:yes|yeah|yep|y)\b\s*[,;:-]?\s*(?:at|about|around)?\s*)?(?<n>\d{1,2})\s*(?:weeks?|wks?|w)\s*[.!]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex WeeksAnswer();

    [GeneratedRegex(@"\b(?<n>\d{1,2})\s*(?:\+\s*\d\s*)?/\s*40\b", RegexOptions.CultureInvariant)]
    private static partial Regex WeeksOfForty();

    // "pregnant, 24 weeks", "pregnant with twins, 24 weeks", "expecting, about 30 wks", "preg 20wks"
    [GeneratedRegex(@"\b(?:pregnan\w*|pregn[ae]nt|pregant|pregnat|preg|g\d{1,2}\s*p\d{1,2}|expecting|gestation(?:al age)?|gest|ga)(?:\s+(?:with|a|an|her|his|their|first|second|third|twins|triplets|baby|child|\d(?:st|nd|rd|th)))*\s*(?:[,(:-]\s*)?(?:(?:at|about|around|approx\w*|roughly|nearly|almost)\.?\s*)?(?<n>\d{1,2})\s*(?:\+\s*\d\s*)?(?:weeks?|wks?|w)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PregnantAtWeeks();

    // "I'm 14 weeks", "she's about 30 wks now": a woman said to be so many weeks is that far into a pregnancy.
    [GeneratedRegex(@"\b(?:i'm|im|i am|she's|shes|she is|you're|(?:wife|daughter|partner|girlfriend|fiancee|patient|pt) is|(?:just |now )?(?:hit|reached|turned))\s+(?:(?:now|only|just|about|around|nearly|almost|roughly|at|over)\s+){0,2}(?<n>\d{1,2})\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\b(?!\s+(?:of|on|after|since|post|ago|into|off|out|later|now since|in|old)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PersonAtWeeks();

    // "pregnant, 28+3": weeks and days of gestation without the word "weeks", only beside a pregnancy word.
    [GeneratedRegex(@"(?:^|[,;(:]\s*|\s)(?<n>\d{1,2})\s*\+\s*[0-6](?:\s*(?:d|days?))?(?=\s*(?:$|[,;.)]))", RegexOptions.CultureInvariant)]
    private static partial Regex WeeksPlusDays();

    // "planned C-section at 39 weeks", "induction booked for 38 weeks"
    [GeneratedRegex(@"\b(?:c-? ?section|ca?esarean(?: section)?|delivery|induction|birth|labou?r)\b[\w\s]{0,20}?\b(?:at|for|by)\s+(?<n>\d{2})\s*(?:weeks?|wks?|w)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DeliveryAtWeeks();

    // "to be induced next week", "booked for a section on Monday": a birth to come is a pregnancy now.
    [GeneratedRegex(@"\b(?:(?:to be|being|getting|will be|is being|due to be|booked to be|going to be) induced|(?:planned|elective|booked|scheduled|upcoming) (?:c-? ?section|ca?esarean(?: section)?|induction|delivery)|(?:c-? ?section|ca?esarean(?: section)?|induction(?: of labou?r)?) (?:is )?(?:planned|booked|scheduled|next|tomorrow|on)|due to (?:deliver|give birth)|due date (?:is )?(?:next|in|soon|on))\b", RegexOptions.CultureInvariant)]
    private static partial Regex DeliveryToCome();

    // "she is at 36+2", "GA 24+5": weeks and days after "at" or a person are a gestation without the word "weeks".
    [GeneratedRegex(@"\b(?:at|i'm|im|she's|shes|is)\s+(?:(?:about|around|now)\s+)?(?<n>\d{1,2})\s*\+\s*[0-6]\b(?!\s*(?:mg|mcg|ml|x|/|\d))", RegexOptions.CultureInvariant)]
    private static partial Regex AtWeeksPlusDays();

    // "not 28 weeks, 18": a gestation set right, the wrong figure first.
    [GeneratedRegex(@"(?:^|[,;.:]\s*)(?:(?:sorry|no|oops|edit|correction)\b\s*[,:-]?\s*)?not\s+\d{1,2}\s*(?:weeks?|wks?|w)\s*[,;:-]?\s*(?:(?:but|it's|its|it is|she's|i'm)\s+)?(?<n>\d{1,2})(?:\s*(?:weeks?|wks?|w))?\s*(?=$|[,;.!])", RegexOptions.CultureInvariant)]
    private static partial Regex NotWeeksButWeeks();

    [GeneratedRegex(@"\b(?:get|getting|become|becoming|fall|falling)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex BecomingBefore();

    [GeneratedRegex(@"^\s*(?:yes|yeah|yep|y|no|nope|n)\b", RegexOptions.CultureInvariant)]
    private static partial Regex YesOrNoFirst();

    // "36 weeks, plt 48": a gestation said alone as a clause of a case.
    // "30 weeks not 13": a gestation set right in the same words.
    [GeneratedRegex(@"(?:^|[,;.:]\s*)(?:(?:sorry|edit|correction|oops|actually|i mean|i meant|make that)\b\s*[,:-]?\s*)?(?:(?:about|around|nearly|almost|roughly|approx\w*)\s+)?(?<n>\d{2})\s*(?:\+\s*\d\s*)?(?:weeks?|wks?|w)(?:\s*,?\s*(?:not|rather than|instead of|not the)\s+\d{1,2}(?:\s*(?:weeks?|wks?|w))?)?(?:\s+now)?\s*(?=$|[,;.!])", RegexOptions.CultureInvariant)]
    private static partial Regex LoneWeeks();
}
