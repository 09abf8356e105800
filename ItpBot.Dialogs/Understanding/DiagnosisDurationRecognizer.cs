using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DataTypes.TimexExpression;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// Months since diagnosis from a duration ("for 8 months", "3y"), a past date ("2 years ago", "diagnosed March
/// 2024") or a period ("since 2021", "last year"). A year or a month counts whole years or calendar months from its
/// end, the lower bound, so chronicity is never overstated; other periods count from their middle. Future dates are not
/// understood. The words of the grammar are in Lexicon/diagnosis.yaml.
/// </summary>
public sealed partial class DiagnosisDurationRecognizer(TimeProvider clock)
{
    private const double DaysPerMonth = 365.25 / 12;
    private const double MaxMonths = 100 * 12;
    // Characters of a diagnosis clause the date model reads before and after the cue ("in March 2021 she was
    // diagnosed", "diagnosed with ITP in the spring of 2021"), and the most clauses it reads in one message.
    private const int ModelWindowBefore = 60;
    private const int ModelWindowAfter = 100;
    private const int MaxModelCalls = 3;

    /// <summary>Months, when the whole answer is a time since diagnosis; otherwise null.</summary>
    public double? RecognizeMonths(string? text) => WholeMonths(RawMonths(text));

    private double? RawMonths(string? text)
    {
        var normalized = Prepare(UnderstandingText.Normalize(text));
        if (normalized.Length == 0)
        {
            return null;
        }

        if (BareYear().Match(normalized) is { Success: true } year)
        {
            return SinceYear(int.Parse(year.Groups["year"].Value, CultureInfo.InvariantCulture));
        }

        return PlainDuration(normalized) ?? ModelMonths(normalized);
    }

    /// <summary>What the date model makes of the text (first usable reading); the plain forms must agree with it.</summary>
    internal double? ModelMonths(string prepared) => Candidates(prepared).Select(c => c.Months).FirstOrDefault(m => m is not null);

    /// <summary>Months inside a longer message, only from a clause that speaks of the diagnosis or the disease.</summary>
    /// <param name="text">The message.</param>
    /// <param name="ageYears">The patient's age now, when the message says it: "diagnosed at 30" then counts from that age.</param>
    public double? FindInText(string? text, int? ageYears = null) => FindInText(Reading.MessageText.Of(text), ageYears);

    internal double? FindInText(Reading.MessageText text, int? ageYears)
    {
        var normalized = text.Normalized;
        if (DiagnosedAtAge().Match(normalized) is { Success: true } atAge)
        {
            // "since he was 12" with "he is 19": the years between the two ages. Without today's age it says nothing.
            var then = int.Parse(atAge.Groups["age"].Value, CultureInfo.InvariantCulture);
            if (ageYears is { } now && now >= then && now - then <= MaxMonths / 12)
            {
                return WholeMonths((now - then) * 12.0);
            }

            // An age at diagnosis is never a time since it ("diagnosed at 30" is not 30 months).
            normalized = string.Concat(normalized.AsSpan(0, atAge.Index), new string(' ', atAge.Length), normalized.AsSpan(atAge.Index + atAge.Length));
        }

        return WholeMonths(FindInPrepared(Prepare(normalized)));
    }

    /// <summary>
    /// "since I was 25", "diagnosed at 30": the age at diagnosis, which is a time since diagnosis only beside today's
    /// age; the conversation keeps it until the age is known.
    /// </summary>
    public static int? AgeAtDiagnosis(string? text) =>
        DiagnosedAtAge().Match(UnderstandingText.Normalize(text)) is { Success: true } atAge
            ? int.Parse(atAge.Groups["age"].Value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>
    /// Clinicians count the time since diagnosis in whole months; under two months the weeks still matter (a new
    /// diagnosis), so a decimal is kept there.
    /// </summary>
    private static double? WholeMonths(double? months) =>
        months is { } value && value >= 2 ? Math.Round(value, MidpointRounding.AwayFromZero) : months;

    private double? FindInPrepared(string normalized)
    {
        if (DiagnosedInYear().Match(normalized) is { Success: true } year)
        {
            return SinceYear(int.Parse(year.Groups["year"].Value, CultureInfo.InvariantCulture));
        }

        // The date model is the costliest recogniser by far, and its cost grows with the text: it reads only the
        // clauses that speak of the diagnosis, each with the clause after it, because a date can run on past a comma
        // ("diagnosed in March, 2021"). A date counts only if it starts in the diagnosis clause.
        var clauses = UnderstandingText.Clauses(normalized);
        var modelCalls = 0;
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            var clauseText = normalized.Substring(clause.Start, clause.Length);
            if (PhaseThenDuration().IsMatch(clauseText) && PlainDuration(clauseText) is { } phase)
            {
                // "chronic 5y", "persistent 7 months": the phase of ITP names the disease.
                return phase;
            }

            if (!DiagnosisCue().IsMatch(clauseText))
            {
                continue;
            }

            // Most summaries say it plainly ("chronic ITP 3y", "diagnosed 18 months ago"): no model needed.
            if ((PlainDuration(clauseText) ?? CueThenDuration(clauseText)) is { } plain)
            {
                return plain;
            }

            // "persistent ITP, 7 months in": the duration is the whole next clause.
            // Weeks alone after a comma are more often a gestation ("ITP, 24 weeks"), so only months and years count.
            if (i + 1 < clauses.Count && !clauseText.Any(char.IsDigit)
                && normalized.Substring(clauses[i + 1].Start, clauses[i + 1].Length) is var nextText
                && !nextText.Contains("week", StringComparison.Ordinal)
                && PlainDuration(nextText) is { } next)
            {
                return next;
            }

            // The model's cost grows faster than the square of its input (one 2,000-character clause of dates took
            // 11 s): it reads a window around the cue, where a diagnosis date is written, and only a few clauses.
            if (++modelCalls > MaxModelCalls)
            {
                break;
            }

            var end = i + 1 < clauses.Count ? clauses[i + 1].Start + clauses[i + 1].Length : clause.Start + clause.Length;
            var cue = DiagnosisCue().Match(normalized, clause.Start, clause.Length);
            var from = Math.Max(clause.Start, cue.Index - ModelWindowBefore);
            var to = Math.Min(end, cue.Index + cue.Length + ModelWindowAfter);
            foreach (var candidate in Candidates(normalized[from..to]))
            {
                if (from + candidate.Start < clause.Start + clause.Length && candidate.Months is not null)
                {
                    return candidate.Months;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// "3y", "for 8 months", "diagnosed 18 months ago", "chronic ITP 2 years": a number and a unit, with nothing else
    /// in the clause but words about the diagnosis, read without the date model (which reads them the same way, see
    /// the tests, at a thousand times the cost). Anything else (dates, "since", "last year", words) is left to the model.
    /// </summary>
    internal static double? PlainDuration(string preparedClause)
    {
        if (PlainDurationClause().Match(preparedClause.Trim()) is not { Success: true } match)
        {
            return null;
        }

        var n = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return MonthsOf(n, match.Groups["unit"].Value);
    }

    /// <summary>"my husband was diagnosed 5 months ago", "has had ITP for about 10 years": the cue, then the duration.</summary>
    private static double? CueThenDuration(string clause)
    {
        if (CueDuration().Match(clause) is not { Success: true } match)
        {
            return null;
        }

        var written = match.Groups["n"].Value;
        var n = Array.IndexOf(NumberWords, written) is var word and >= 0
            ? word + 1
            : written is "a" or "an" ? 1 : double.Parse(written, CultureInfo.InvariantCulture);
        // "a year and a half", "two and a half years"
        if (match.Groups["half"].Success)
        {
            n += 0.5;
        }

        return MonthsOf(n, match.Groups["unit"].Value);
    }

    private static readonly string[] NumberWords =
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    private static double? MonthsOf(double n, string unit)
    {
        var months = unit[0] switch
        {
            'y' => n * 12,
            'm' => n,
            'w' => n * 7 / DaysPerMonth,
            _ => n / DaysPerMonth,
        };
        return months is > 0 and <= MaxMonths ? Math.Round(months, 1) : null;
    }

    private IEnumerable<(int Start, double? Months)> Candidates(string normalized)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var result in TextModels.DateTime.Parse(normalized, now))
        {
            // "is 58 kg now": the present is never when the diagnosis was.
            if (result.Text.Trim() is "now" or "right now" or "currently" or "at present" or "presently")
            {
                continue;
            }

            yield return (result.Start, MonthsFrom(result, now));
        }
    }

    private static double? MonthsFrom(ModelResult result, DateTime now)
    {
        if (result.Resolution is null
            || !result.Resolution.TryGetValue("values", out var resolved)
            || resolved is not IEnumerable<Dictionary<string, string>> values)
        {
            return null;
        }

        // Some dates resolve both ways ("in March"): the latest one not in the future is meant.
        double? best = null;
        foreach (var value in values)
        {
            var months = value.GetValueOrDefault("type") switch
            {
                "duration" => FromDuration(value.GetValueOrDefault("timex")),
                "date" or "datetime" => FromDate(value.GetValueOrDefault("value"), now),
                // "since the start of 2021" names its own bound: only a plain period ("2021", "since 2021") is whole.
                "daterange" when value.GetValueOrDefault("Mod") is null or "since"
                                 && WholePeriod().Match(value.GetValueOrDefault("timex") ?? "") is { Success: true } period =>
                    SincePeriod(period, now) ?? (period.Groups["month"].Success ? FromRange(value, now) : -1),
                "daterange" or "datetimerange" => FromRange(value, now),
                _ => null,
            };
            if (months is >= 0 and <= MaxMonths && (best is null || months < best))
            {
                best = months;
            }
        }

        return best is null ? null : Math.Round(best.Value, 1);
    }

    private static double? FromDuration(string? timex)
    {
        // Hours and minutes are never a time since diagnosis ("52M" is a 52-year-old man, not 52 minutes).
        if (timex is null || timex.Contains('T', StringComparison.Ordinal))
        {
            return null;
        }

        var duration = new TimexProperty(timex);
        var months = (double)((duration.Years ?? 0) * 12 + (duration.Months ?? 0))
                     + (double)((duration.Weeks ?? 0) * 7 + (duration.Days ?? 0)) / DaysPerMonth;
        return months > 0 ? months : null;
    }

    private static double? FromDate(string? value, DateTime now) =>
        Parse(value) is { } date && date <= now ? (now - date).TotalDays / DaysPerMonth : null;

    private static double? FromRange(Dictionary<string, string> value, DateTime now)
    {
        if (Parse(value.GetValueOrDefault("start")) is not { } start || start > now)
        {
            return null;
        }

        var isSince = value.GetValueOrDefault("Mod") is "since" or "after";
        var end = Parse(value.GetValueOrDefault("end"));
        if (isSince || end is null)
        {
            return (now - start).TotalDays / DaysPerMonth;
        }

        var last = end.Value < now ? end.Value : now;
        var middle = start + (last - start) / 2;
        return (now - middle).TotalDays / DaysPerMonth;
    }

    /// <summary>
    /// A bare year ("diagnosed 2022", "ITP since 2019") counts whole years, (this year - that year) x 12: the lower
    /// bound of the possible range (December of that year), so a chronic phase is never claimed that the words do not
    /// support. The current year alone gives nothing (it may be days or eleven months): the bot asks.
    /// </summary>
    private double? SinceYear(int year)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return year < 1900 || year >= now.Year ? null : (now.Year - year) * 12.0;
    }

    /// <summary>A named month ("diagnosed March 2024", "last month"): whole calendar months since it, the same lower bound.</summary>
    private static double? SinceMonth(int year, int month, DateTime now)
    {
        var months = (now.Year - year) * 12 + now.Month - month;
        return months > 0 ? months : null;
    }

    // A year counts whole years; a month or a season ("the spring of 2024", which the model leaves unresolved)
    // calendar months from its last month. The current year or month gives null.
    private static double? SincePeriod(Match period, DateTime now)
    {
        var year = int.Parse(period.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (period.Groups["month"].Success)
        {
            return SinceMonth(year, int.Parse(period.Groups["month"].Value, CultureInfo.InvariantCulture), now);
        }

        return period.Groups["season"].Value switch
        {
            "SP" => SinceMonth(year, 5, now),
            "SU" => SinceMonth(year, 8, now),
            "FA" => SinceMonth(year, 11, now),
            "WI" => SinceMonth(year + 1, 2, now),
            _ => year < now.Year ? (now.Year - year) * 12.0 : null,
        };
    }

    private static DateTime? Parse(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    // Clinicians' abbreviations the date model does not read: "8 mo", "8 mths", "3 yrs".
    internal static string Prepare(string normalized)
    {
        // An age is no duration ("a 58-year-old woman with ITP for 7 years"): blanked, offsets kept.
        var text = AgePhrase().Replace(normalized, m => new string(' ', m.Length));
        // "chronic (9y)": brackets around a duration are no words.
        text = text.Replace('(', ' ').Replace(')', ' ');
        // "ITP 2/12", "x 3/52", "5/7": clinicians' months, weeks and days as fractions of a year, a year and a week.
        text = Fraction().Replace(text, m => m.Groups["n"].Value + (m.Groups["of"].Value switch { "12" => " months", "52" => " weeks", _ => " days" }));
        text = MonthAbbreviation().Replace(text, "${n} months");
        // "dx'd Feb 21", "diagnosed Mar '19": a month then two digits is a month and year in a diagnosis date.
        text = MonthShortYear().Replace(text, "${month} 20${yy}");
        return YearAbbreviation().Replace(text, "${n} years");
    }

    [GeneratedRegex(@"(?<![\d/.])\b(?<n>\d{1,2})/(?<of>12|52|7)\b(?![/.]?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Fraction();

    // A year ("2019", "last year"), a month ("2024-03", "last month") or a season ("2024-SP") as the date model writes it.
    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?<month>\d{2})|-(?<season>SP|SU|FA|WI))?$", RegexOptions.CultureInvariant)]
    private static partial Regex WholePeriod();

    [GeneratedRegex(@"\b\d{1,3}\s*-?\s*(?:years?|yrs?|y)\s*-?\s*old\b|\b\d{1,3}\s*(?:yo|y/o|y\.o\.)(?=\s|,|$)|\baged?\s+\d{1,3}\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgePhrase();


    [GeneratedRegex(@"\b(?<n>\d+(?:\.\d+)?)\s*(?:mo|mos|mth|mths|mnth|mnths|months?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthAbbreviation();

    [GeneratedRegex(@"\b(?<n>\d+(?:\.\d+)?)\s*(?:yr|yrs|years?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearAbbreviation();




    // "hx of PE 2020" is a history, not the diagnosis: only words about the diagnosis or ITP itself count. "had it since
    // Nov 2018", "first found to have low platelets in August 2019": the start of the disease too. Words: diagnosis.yaml.
    private static Regex DiagnosisCue() => Words.Value.Cue;

    // "chronic 5y", "persistent, 7 months": a phase of ITP before a plain duration.
    private static Regex PhaseThenDuration() => Words.Value.Phase;

    private static Regex CueDuration() => Words.Value.CueDuration;

    private static Regex PlainDurationClause() => Words.Value.PlainDurationClause;

    private static Regex BareYear() => Words.Value.BareYear;

    // "dx 2019", "ITP diagnosed in 2019", "had it since 2020": a bare year the date model would count from its middle.
    private static Regex DiagnosedInYear() => Words.Value.DiagnosedInYear;

    // "diagnosed at 30", "diagnosed aged 30", "first diagnosed when she was 30", "has had ITP since he was 12".
    private static Regex DiagnosedAtAge() => Words.Value.DiagnosedAtAge;

    private static readonly Lazy<DiagnosisWords> Words = new(() => new DiagnosisWords(Reading.ReadingLexicon.Default));

    /// <summary>The diagnosis-clause grammar, with its words from the lexicon (diagnosis.yaml).</summary>
    private sealed class DiagnosisWords(Reading.ReadingLexicon lexicon)
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;


        public Regex Cue { get; } = new(
            @"(?<!\w)" + Alternation(lexicon, "cue", "first-found") + @"(?!\w)" +
            @"|\b" + Alternation(lexicon, "cue-beginning") + @"\w*" +
            $@"|\b(?:{Alternation(lexicon, "has-had")} )?had {Alternation(lexicon, "the-disease", "cue")} (?:for|since)\b|\b(?:has|have|having) {Alternation(lexicon, "the-disease", "cue")} since\b" +
            @"|\b\d+(?:\.\d+)?\s*(?:years?|months?)\s+(?:hx|history)\b",
            Options);

        // "diagnosed about 2 years ago", "had it for the last 18 months", "has had ITP for two and a half years".
        public Regex CueDuration { get; } = new(
            $@"(?:\b(?:diagnos\w*|dx|dx'd|{Alternation(lexicon, "cue")})|\b(?:{Alternation(lexicon, "has-had")} )?had {Alternation(lexicon, "the-disease", "cue")})(?!\w)" +
            $@"(?:\s+{Alternation(lexicon, "lead")}(?!\w))*" +
            @"\s+(?<n>\d{1,3}(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?<half>\s+and a half)?\s*(?<unit>years?|months?|weeks?|days?)(?<half>\s+and a half)?(?:\s+ago)?\b",
            Options);

        public Regex PlainDurationClause { get; } = new(
            $@"^(?:{Alternation(lexicon, "plain-lead", "cue", "phase", "lead")}\s*)*(?<n>\d{{1,3}}(?:\.\d+)?)\s*(?<unit>y|years?|months?|weeks?|wks?|days?)(?:\s+{Alternation(lexicon, "plain-tail", "year-lead")})?$",
            Options);

        public Regex BareYear { get; } = new(
            $@"^(?:(?:{Alternation(lexicon, "cue")}|{Alternation(lexicon, "year-lead", "lead")})\s+)*(?<year>(?:19|20)\d\d)$", Options);

        // The year must stand alone: not a month's ("dx March 2019" is read by the model) nor a dose ("2000 units").
        public Regex DiagnosedInYear { get; } = new(
            $@"(?:\b(?:diagnosed|dx|dx'd|{Alternation(lexicon, "cue")})|\b(?:{Alternation(lexicon, "has-had")} )?had {Alternation(lexicon, "the-disease", "cue")})(?:\s+{Alternation(lexicon, "year-lead", "lead")})*\s+(?<year>(?:19|20)\d\d)\b(?!\s*(?:mg|units|x|k\b|-\d|/\d))",
            Options);

        public Regex DiagnosedAtAge { get; } = new(
            $@"\b(?:diagnos\w*|dx'd|dx|since)\s+(?:{Alternation(lexicon, "age-lead")}|(?:(?:when|as)\s+)?(?:she|he|i|they|you) (?:was|were)(?: aged?)?)\s+(?<age>\d{{1,2}})\b(?!\s*(?:months?|weeks?|days?|mg|kg|x|%))",
            Options);

        private static string Alternation(Reading.ReadingLexicon lexicon, params string[] meanings) =>
            Reading.LexiconWords.Alternation(lexicon, "diagnosis", meanings);

        public Regex Phase { get; } = new(@"^\s*" + Alternation(lexicon, "phase") + @"\b", Options);
    }


    [GeneratedRegex(@"\b(?<month>jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?\s+'?(?<yy>\d\d)\b(?!\s*(?:st|nd|rd|th|\d|:|mg|kg|x|years?|months?|weeks?|days?)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex MonthShortYear();
}
