using System.Globalization;
using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>Age and sex as written in a case ("52M", "52 yo female", "F 34", "a 52-year-old man").</summary>
public sealed record AgeAndSex(int? AgeYears, Sex? Sex);

/// <summary>
/// Age in years and sex. Ages outside 16-120 are not an adult's age and are not understood. The person words and the
/// sex each gives are the lexicon's (persons.yaml); the age-and-sex grammar is here.
/// </summary>
public sealed partial class DemographicsRecognizer
{
    public const int MinAge = 16;
    public const int MaxAge = 120;

    /// <summary>Age and/or sex stated in a message; null when it states neither.</summary>
    public AgeAndSex? FindInText(string? text) => FindInText(MessageText.Of(text));

    internal AgeAndSex? FindInText(MessageText text)
    {
        var normalized = text.Normalized;
        int? age = null;
        Sex? sex = null;

        if (AgeThenSex().Match(normalized) is { Success: true } compact)
        {
            age = Age(compact.Groups["age"].Value);
            sex = SexOf(compact.Groups["sex"].Value);
        }
        else if (SexThenAge().Match(normalized) is { Success: true } reversed)
        {
            age = Age(reversed.Groups["age"].Value);
            sex = SexOf(reversed.Groups["sex"].Value);
        }

        age ??= AgeFromModel(normalized) ?? (AgedPhrase().Match(normalized) is { Success: true } aged ? Age(aged.Groups["age"].Value) : null);
        age ??= PersonIsAge().Match(normalized) is { Success: true } stated ? Age(stated.Groups["age"].Value) : null;
        if (age is null && PersonThenAge().Match(normalized) is { Success: true } apposed)
        {
            // "gent in side room 3, 74": a word that says the sex beside the age says it too.
            age = Age(apposed.Groups["age"].Value);
            sex ??= apposed.Groups["sex"].Success ? SexOf(apposed.Groups["sex"].Value) : null;
        }

        if (age is null && Words.Value.AgeEvent.Match(normalized) is { Success: true } turned)
        {
            // "a gent of 81" says the sex too.
            age = Age(turned.Groups["age"].Value);
            sex ??= turned.Groups["sex"].Success ? SexOf(turned.Groups["sex"].Value) : null;
        }

        sex ??= Words.Value.SexField.Match(normalized) is { Success: true } field ? SexOf(field.Groups["sex"].Value) : null;
        sex ??= Words.Value.OnlySex.Match(normalized) is { Success: true } only ? SexOf(only.Groups["sex"].Value) : null;
        sex ??= Words.Value.SelfIsSex.Match(normalized) is { Success: true } self ? SexOf(self.Groups["sex"].Value) : null;
        sex ??= SexWord().Match(normalized) is { Success: true } word ? SexOf(word.Value) : null;

        return age is null && sex is null ? null : new AgeAndSex(age, sex);
    }

    /// <summary>The answer to "how old?": a bare number is an age here.</summary>
    public int? RecognizeAge(string? text)
    {
        var normalized = UnderstandingText.Normalize(text);
        if (FindInText(normalized)?.AgeYears is { } age)
        {
            return age;
        }

        var numbers = TextModels.Number.Parse(normalized).Select(TextModels.ValueOf).Distinct().ToList();
        return numbers is [{ } only] && only == Math.Floor(only) && only is >= MinAge and <= MaxAge ? (int)only : null;
    }

    /// <summary>The answer to "sex?": "m", "female", "woman", ...</summary>
    public Sex? RecognizeSex(string? text)
    {
        var normalized = UnderstandingText.Normalize(text).Trim('.', '!', ' ');
        return normalized is "m" or "f" ? SexOf(normalized) : FindInText(normalized)?.Sex;
    }

    private static int? AgeFromModel(string normalized)
    {
        // Every message is read for an age, and the age model is slow: it runs only when an age word is written
        // ("years old", "52-year-old", "aged", "52 yo").
        if (!AgeWord().IsMatch(normalized))
        {
            return null;
        }

        foreach (var result in TextModels.Age.Parse(normalized))
        {
            if (TextModels.UnitOf(result) == "Year" && TextModels.ValueOf(result) is { } value)
            {
                return Age(value.ToString(CultureInfo.InvariantCulture));
            }
        }

        return null;
    }

    private static int? Age(string digits) =>
        (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || TensInWords(digits, out value))
        && value == Math.Floor(value) && value is >= MinAge and <= MaxAge
            ? (int)value
            : null;

    // "fifty-six", "seventy eight", "eighty": an adult's age written in words.
    private static bool TensInWords(string words, out double value)
    {
        value = 0;
        var parts = words.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        var tens = parts.Length is 1 or 2 ? Array.IndexOf(Tens, parts[0]) : -1;
        var units = parts.Length == 2 ? Array.IndexOf(Units, parts[1]) + 1 : 0;
        if (tens < 0 || units < 0 || (parts.Length == 2 && units == 0))
        {
            return false;
        }

        value = ((tens + 2) * 10) + units;
        return true;
    }

    private static readonly string[] Tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] Units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    // An age in words, for the grammar below ("he's seventy-eight", "aged eighty one").
    private const string AgeInWords =
        @"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]?(?:one|two|three|four|five|six|seven|eight|nine)\b)?";

    private static Sex? SexOf(string word) => Words.Value.SexOf(word.Trim());

    private static Regex AgeThenSex() => Words.Value.AgeThenSex;

    private static Regex SexThenAge() => Words.Value.SexThenAge;

    private static Regex PersonIsAge() => Words.Value.PersonIsAge;

    private static Regex PersonThenAge() => Words.Value.PersonThenAge;

    private static Regex SexWord() => Words.Value.SexWord;

    private static readonly Lazy<PersonWords> Words = new(() => new PersonWords(ReadingLexicon.Default));

    /// <summary>The age-and-sex grammar, with its person words and their sex from the lexicon (persons.yaml).</summary>
    private sealed class PersonWords
    {
        private readonly Dictionary<string, Sex> sexes = new(StringComparer.Ordinal);

        public PersonWords(ReadingLexicon lexicon)
        {
            foreach (var meaning in lexicon.Category("person"))
            {
                Sex? sex = meaning.Tags.Contains("female") ? Sex.Female : meaning.Tags.Contains("male") ? Sex.Male : null;
                foreach (var phrase in meaning.Phrases)
                {
                    if (sex is { } known)
                    {
                        sexes[UnderstandingText.Normalize(phrase.Source)] = known;
                    }
                }
            }

            var withAge = LexiconWords.Alternation(LexiconWords.Of(lexicon, "person", m => m.Tags.Contains("with-age")));
            var person = LexiconWords.Alternation(LexiconWords.Of(lexicon, "person", m => m.Tags.Contains("person")));
            var statesSex = LexiconWords.Alternation(LexiconWords.Of(lexicon, "person", m => m.Tags.Contains("states-sex")));
            const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

            // "52M", "52 M", "52yo F", "52 yo female", "52-year-old man", "52/F"
            // ... and "67 y, F", "60 yrs, M", "43 M / PLT 31" (not a duration: "ITP for 20 years, F").
            AgeThenSex = new Regex(@"(?<![\d.])(?<!\b(?:for|itp|since|over|last|past|about|x)\s+)\b(?<age>\d{2,3})\s*(?:/|,)?\s*(?:-?\s*(?:yo|y/o|y\.o\.|yrs?|years?|yr|y)(?:[\s-]*old)?\s*,?)?[\s-]*(?<sex>" + withAge + @")\b(?!\s*(?:x|\*|/(?!\s)|mg|mcg|units?))", Options);

            // "F 34", "M/52", "female aged 34", "male, 67", "pt: F, 37"
            SexThenAge = new Regex(@"(?:^|[,;(:.]\s*|\b(?:a|an)\s+)(?<sex>" + withAge + @")\s*(?:/|,)?\s*(?:aged?\s+)?(?<age>\d{2,3})(?:\b|(?=(?:yo|yrs?|y)\b))(?!\s*(?:kg|lbs?|mg|k\b|x\b|%|weeks?|months?|days?))", Options);

            // "he's 71", "she is 38", "I'm 34", "my daughter is 17", "my aunt who is 82"
            // ... and "my son Tom is 22", "(she says 84)", "I'm Sam, 30".
            PersonIsAge = new Regex(@"\b(?:(?:i'm|im|i am|she's|he's|shes|hes|she is|he is|they're|they are|who is|who's)|(?:she|he|they) (?:says|said)(?: (?:she's|he's|she is|he is|they're))?|(?:i'm|im|i am) [a-z]+,|" + person + @"(?: [a-z]+)?(?:'s| is| was))\s+(?:now |only |just |nearly |almost |about |around |turning )?(?<age>\d{2,3}|" + AgeInWords + @")\b" + NotAUnit, Options);

            // "elderly lady, 88, platelets 27", "our son, 22, plt 30", "(my grandad, 84)"
            // ... and "my mum (78) has ITP", "Dad (80) - diagnosed July", "pt: 57 yrs, female".
            // ... and "gent in side room 3, 74", "lady in bay 4, 83", "lady in side room 2: 86, plt 17".
            PersonThenAge = new Regex(@"\b(?:(?<sex>" + withAge + @")|" + person + @")(?:\s+(?:in|on|at)\s+(?:[a-z]+\s+){0,2}\d{1,2}[a-z]?)?\s*(?:[,:]\s*(?<age>\d{2,3})\s*(?=,|;|\.|\)|$|\band\b)|\(\s*(?<age>\d{2,3})\s*\)|:\s*(?<age>\d{2,3})\s*(?:yo|y/o|yrs?|years?)\b(?!\s*(?:ago|since|of|with|post|after)\b))", Options);

            SexWord = new Regex(@"\b" + statesSex + @"\b", Options);

            var years = LexiconWords.Alternation(lexicon, "unit", "year");
            var titles = LexiconWords.Alternation(LexiconWords.Of(lexicon, "person", m => m.Meaning is "female-title" or "male-title"));
            var sexLabel = LexiconWords.Alternation(lexicon, "person", "sex-label");

            // An age said as an event, a person's age, or a case's title, name and age: "I turned 50 last month", "just
            // turning 70", "a lady of 63", "a 44 yr old Taiwanese woman", "Mr B, 77", "Mrs P (58)", "Ms L 35".
            AgeEvent = new Regex(
                @"\b(?:turned|turns|turning|just turned)\s+(?<age>\d{2,3})\b(?!\s*(?:weeks?|wks?|months?|days?|mg|kg|%|x\b|k\b|/|\.\d|times|doses?|units?))" +
                @"|\b(?<sex>" + person + @")\s+of\s+(?<age>\d{2,3})\b(?!\s*(?:weeks?|months?|days?|kg|%|x\b|k\b|/|\.\d))" +
                @"|\b(?<age>\d{2,3})\s*-?\s*" + years + @"\s*-?\s*old\b" +
                @"|\b" + titles + @"\.?\s+(?:[a-z]\.?\s+)?[a-z][a-z'-]*\.?\s*(?:\(\s*(?<age>\d{2,3})\s*\)|,?\s*(?<age>\d{2,3})(?=\s*(?:[,;.)]|$|\band\b|\bis\b|\bwith\b|\bon\b|\bhas\b|\bwho\b|\byo\b|\by/o\b|\byears?\b|\byrs?\b)))",
                Options);

            // A form's sex field: "sex: M", "gender - F", "sex female".
            SexField = new Regex(@"\b" + sexLabel + @"\b\s*(?:[:=-]|is)?\s*(?<sex>" + withAge + @")\b", Options);

            // The whole message is a sex ("M", "female", "a woman").
            OnlySex = new Regex(@"^(?:(?:i'm|im|i am|she's|he's|she is|he is)\s+)?(?:a\s+|an\s+)?(?<sex>" + withAge + @")[.!]?$", Options);

            // "I'm 31 and a guy", "I'm 48 and a woman", "she's a lady of 70": the person said to be a man or a woman.
            SelfIsSex = new Regex(@"\b(?:i'm|im|i am|she's|he's|she is|he is)\s+(?:\d{2,3}\s+and\s+)?(?:a|an)\s+(?<sex>" + withAge + @")\b(?<!\b[fm])", Options);
        }

        public Regex AgeThenSex { get; }

        public Regex SexThenAge { get; }

        public Regex PersonIsAge { get; }

        public Regex PersonThenAge { get; }

        public Regex SexWord { get; }

        public Regex AgeEvent { get; }

        public Regex SexField { get; }

        public Regex OnlySex { get; }

        public Regex SelfIsSex { get; }

        public Sex? SexOf(string word) => sexes.TryGetValue(word, out var sex) ? sex : null;
    }

    // "diagnosed aged 30, she's 45 now": an age at diagnosis or onset is not the age now.
    // ... and "age (yrs): 46", "aged eighty-one", "81 y/o"; a gestational age is no age ("gestational age 27 weeks").
    [GeneratedRegex(@"(?<!\b(?:diagnosed|dx|dx'd|diagnosis|since|from|at|onset|when|started|gestational)\s)\b(?:aged?|age)(?:\s*\(\s*(?:yrs?|years?|y)\s*\))?\s*(?:is|was|=|:|-|of|to|now|should be)?\s*(?<age>\d{2,3}\b|" + AgeInWords + @")(?!\s*(?:weeks?|wks?|w\b|months?|days?|\+\d))|\b(?<age>\d{2,3})\s*-?\s*(?:y/o|y\.o\.|yo\b|y-o\b)", RegexOptions.CultureInvariant)]
    private static partial Regex AgedPhrase();

    // A number after "is" is an age only when a person is the subject and no unit follows ("she's 20 weeks", "he's 90 kg").
    private const string NotAUnit =
        @"(?!\d|\s*(?:kg|kilos?|lbs?|pounds?|st\b|stone|weeks?|wks?|months?|days?|%|x\b|mg|k\b|/|cm|years? (?:ago|since)|\.\d))";

    [GeneratedRegex(@"year|yr|old|age|yo\b|y/o|y\.o", RegexOptions.CultureInvariant)]
    private static partial Regex AgeWord();
}
