using System.Globalization;
using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Conversation.Fields;

/// <summary>
/// The recognisers the field registry's readers use, built once. The contract-v2 readers here are the grammar for
/// short answers and cue-led statements ("Hb 8.2", "HBsAg negative", "on apixaban and omeprazole"), kept until the
/// shared lexicon reads them.
/// </summary>
public sealed partial class FieldReaders(TherapyRecognizer therapies, TimeProvider clock)
{
    public TherapyRecognizer Therapies { get; } = therapies;
    public TreatmentOutcomeRecognizer Outcomes { get; } = new();
    public PlateletCountRecognizer Platelets { get; } = new();
    public BleedingRecognizer Bleeding { get; } = new();
    public DiagnosisDurationRecognizer Duration { get; } = new(clock);
    public PriorTreatmentReader PriorTreatments { get; } = new(therapies, new TreatmentOutcomeRecognizer());
    public YesNoRecognizer YesNo { get; } = new();
    public SplenectomyRecognizer Splenectomy { get; } = new();
    public AntithromboticRecognizer Antithrombotics { get; } = new();
    public ComorbidityRecognizer Comorbidities { get; } = new();
    public DemographicsRecognizer Demographics { get; } = new();
    public WeightRecognizer Weight { get; } = new();
    public PregnancyRecognizer Pregnancy { get; } = new();
    public AncestryRecognizer Ancestry { get; } = new();
    public PreferenceRecognizer Preferences { get; } = new();
    public UnavailableTherapyRecognizer Unavailable { get; } = new(therapies);
    public UpcomingProcedureRecognizer UpcomingProcedure { get; } = new();

    /// <summary>Yes or no to a yes/no question; "none", "nothing like that" is no (there is none of it).</summary>
    public bool? YesOrNo(string text) => YesNo.Recognize(text) ?? (EverydayAnswers.SaysNone(text) ? false : ClosingYesOrNo(text));

    /// <summary>
    /// "Dutch, no", "she's Scandinavian, so no", "had the jabs before the op, so yes": the reason first, then the
    /// answer in a clause of its own at the end. Taken only when no earlier clause answers for itself (one that does,
    /// "yes, but not lately, no", is for the leading reader to judge, and stays unread here).
    /// </summary>
    private bool? ClosingYesOrNo(string text)
    {
        // A spaced dash parts a reason from its answer as a comma does ("Polish - no").
        var normalized = UnderstandingText.Normalize(text).Trim().Replace(" - ", ", ", StringComparison.Ordinal);
        var clauses = UnderstandingText.Clauses(normalized);
        if (clauses.Count < 2)
        {
            return null;
        }

        var last = normalized.Substring(clauses[^1].Start, clauses[^1].Length).Trim();
        var answer = YesNo.Recognize(ClosingConnective().Replace(last, string.Empty));
        return answer is not null
            && clauses.Take(clauses.Count - 1).All(c => YesNo.Recognize(normalized.Substring(c.Start, c.Length)) is null)
            ? answer
            : null;
    }

    // The word that ties a closing answer to its reason ("so no", "then yes").
    [GeneratedRegex(@"^(?:so that's a|so thats a|that's a|thats a|which means|meaning|therefore|hence|thus|then|so)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingConnective();

    /// <summary>To "which are unavailable?", naming therapies is the answer; "no access to X" works too.</summary>
    public IReadOnlyList<string> UnavailableTherapies(string text)
    {
        var stated = Unavailable.FindAll(text);
        return stated.Count > 0
            ? stated
            : Therapies.FindAll(text).Select(m => m.TherapyId).OfType<string>().Distinct().ToList();
    }

    /// <summary>"8.2", "8.2 g/dL", "82 g/L" (g/L, or a bare value too large for g/dL, is converted).</summary>
    public static double? Haemoglobin(string text)
    {
        var match = HaemoglobinValue().Match(UnderstandingText.Normalize(text));
        return match.Success ? HaemoglobinOf(match) : null;
    }

    public static double? HaemoglobinInText(string text)
    {
        var match = HaemoglobinStated().Match(UnderstandingText.Normalize(text));
        return match.Success ? HaemoglobinOf(match) : null;
    }

    private static double? HaemoglobinOf(Match match)
    {
        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        var perLitre = match.Groups["unit"].Value.Replace(" ", string.Empty, StringComparison.Ordinal) is "g/l" or "gl";
        return perLitre || (match.Groups["unit"].Length == 0 && value > 25) ? Math.Round(value / 10, 1) : value;
    }

    /// <summary>"3", "3x ULN", "three times the upper limit", "normal" (at most the upper limit: 1).</summary>
    public static double? AltTimesUpperLimit(string text)
    {
        var normalized = UnderstandingText.Normalize(text);
        if (AltNormal().IsMatch(normalized))
        {
            return 1;
        }

        var match = AltMultiple().Match(normalized);
        return match.Success ? ParseMultiple(match.Groups["value"].Value) : null;
    }

    public static double? AltInText(string text)
    {
        var normalized = UnderstandingText.Normalize(text);
        var match = AltStated().Match(normalized);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["normal"].Success ? 1 : ParseMultiple(match.Groups["value"].Value);
    }

    private static double? ParseMultiple(string value) => value switch
    {
        "twice" or "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "ten" => 10,
        _ => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : null,
    };

    /// <summary>"negative", "resolved" (anti-HBc positive, HBsAg negative), "chronic" (HBsAg positive).</summary>
    public static HbvStatus? Hbv(string text, bool needsCue)
    {
        var normalized = UnderstandingText.Normalize(text);
        if (needsCue && !HbvCue().IsMatch(normalized))
        {
            return null;
        }

        return HbvChronic().IsMatch(normalized) ? HbvStatus.Chronic
            : HbvResolved().IsMatch(normalized) ? HbvStatus.Resolved
            : HbvNegative().IsMatch(normalized) ? HbvStatus.Negative
            : null;
    }

    /// <summary>The kind of an upcoming procedure, from the words that name it.</summary>
    public static ProcedureKind? Procedure(string text)
    {
        var normalized = UnderstandingText.Normalize(text);
        return Neurosurgery().IsMatch(normalized) ? ProcedureKind.Neurosurgery
            : Neuraxial().IsMatch(normalized) ? ProcedureKind.Neuraxial
            : Delivery().IsMatch(normalized) ? ProcedureKind.Delivery
            : Dental().IsMatch(normalized) ? ProcedureKind.Dental
            : MajorSurgery().IsMatch(normalized) ? ProcedureKind.MajorSurgery
            : MinorProcedure().IsMatch(normalized) ? ProcedureKind.Minor
            : null;
    }

    /// <summary>"up to date", "all done", "not vaccinated", or yes/no.</summary>
    public bool? Vaccinated(string text) =>
        VaccinesNotDone().IsMatch(UnderstandingText.Normalize(text)) ? false
        : VaccinesDone().IsMatch(UnderstandingText.Normalize(text)) ? true
        : YesOrNo(text);

    public static bool? VaccinatedInText(string text)
    {
        var normalized = UnderstandingText.Normalize(text);
        return !VaccineCue().IsMatch(normalized) ? null
            : VaccinesNotDone().IsMatch(normalized) ? false
            : VaccinesDone().IsMatch(normalized) ? true
            : null;
    }

    /// <summary>"planning a pregnancy", "wants to get pregnant" (true); "not planning", "no plans" (false).</summary>
    public static bool? PregnancyPlannedInText(string text)
    {
        var normalized = UnderstandingText.Normalize(text);
        return NoPregnancyPlan().IsMatch(normalized) ? false : PregnancyPlan().IsMatch(normalized) ? true : null;
    }

    /// <summary>
    /// A part of the reply to "pregnant, or planning a pregnancy?" that only denies a plan ("no plan", "and no plans
    /// either", "none planned"): the question names the pregnancy, so the part need not.
    /// </summary>
    public static bool DeniesPlanInGroup(string part) => NoPlanPart().IsMatch(UnderstandingText.Normalize(part).Trim(' ', '.', '!'));

    /// <summary>
    /// The drugs taken now, as written: "apixaban and omeprazole", "Eliquis, aspirin". "none" is none. Each name is
    /// kept as the user wrote it, for the advisor to recognise or return as unrecognised.
    /// </summary>
    public static IReadOnlyList<string>? CurrentDrugs(string text)
    {
        if (EverydayAnswers.SaysNone(text))
        {
            return [];
        }

        // "just omeprazole and a statin", "apixaban for AF, nothing else": the words around a name ("just", "a", the
        // reason it is taken) are not the name, and an item that denies or names a class ("no thinners") is no drug.
        var names = DrugListSeparator().Split(DrugListLead().Replace(UnderstandingText.Normalize(text), string.Empty))
            .Select(n => DrugReason().Replace(DrugFiller().Replace(n.Trim(' ', '.', '!', '?', '-'), string.Empty), string.Empty).Trim(' ', '.', '!', '?', '-'))
            .Where(n => n.Length is > 1 and <= MaxDrugName && DrugName().IsMatch(n) && UnderstandingText.WordCount(n) <= 3
                && !NoDrugItem().IsMatch(n) && !EverydayAnswers.SaysNone(n) && !EverydayAnswers.SaysNotKnown(n))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count > 0 ? names : null;
    }

    /// <summary>
    /// The reply to "which medicines now, including any anticoagulant, antiplatelet or NSAID?": the medicines named, as
    /// written, and the thinners among them, none when the list names none ("just omeprazole and a statin"). An ITP
    /// drug is a treatment, never a current drug: named alone ("prednisolone 5 mg only") it leaves no other medicine.
    /// "None" is no medicine at all; "no blood thinners" alone says nothing of the others and answers the thinners only.
    /// </summary>
    public PatientProfile? MedicinesNow(string text)
    {
        if (YesNo.Recognize(text) == true)
        {
            // "yes": there is something, not what.
            return null;
        }

        var thinners = Antithrombotics.FindAll(text);
        var named = CurrentDrugs(text) ?? [];
        var drugs = named.Where(n => Therapies.FindAll(n).Count == 0).ToList();
        if (drugs.Count > 0 || named.Count > 0)
        {
            return new() { CurrentDrugs = drugs, Antithrombotics = thinners };
        }

        if (thinners.Count > 0)
        {
            // "a DOAC": a class, no medicine named.
            return new() { Antithrombotics = thinners };
        }

        return NoAntithrombotics(text) || Antithrombotics.FindDenied(text).Count > 0 ? new() { Antithrombotics = [] }
            : EverydayAnswers.SaysNone(text) || EverydayAnswers.AClauseSaysNone(text) ? new() { Antithrombotics = [], CurrentDrugs = [] }
            : null;
    }

    /// <summary>
    /// A part of a group reply that leads with the taking ("just omeprazole", "only the pill", "takes ramipril and
    /// lansoprazole"): the medicines it names, ITP drugs left out. Null when the part names a condition or the spleen
    /// ("just diabetes", "only the spleen out"), which the same words lead as well.
    /// </summary>
    public IReadOnlyList<string>? MedicinesLed(string part)
    {
        var normalized = UnderstandingText.Normalize(part).Trim();
        if (!MedicinesLead().IsMatch(normalized) || Comorbidities.FindAll(part).Count > 0 || Comorbidities.FindDenied(part).Count > 0
            || Splenectomy.FindInText(part) is not null || NoComorbidities(part))
        {
            return null;
        }

        return (CurrentDrugs(part) ?? []).Where(n => Therapies.FindAll(n).Count == 0).ToList();
    }

    /// <summary>
    /// A part that says the medicines named are all there are ("just omeprazole", "only the pill", "nothing else"): a
    /// list so closed names every blood thinner taken too.
    /// </summary>
    public static bool ClosesTheList(string part) => ClosedList().IsMatch(UnderstandingText.Normalize(part).Trim(' ', '.', '!'));

    /// <summary>Whether a current drug's name, as written, names a blood thinner ("apixaban 5 mg bd", "Eliquis").</summary>
    public static bool IsAntithrombotic(string name) => ThinnerNames.Value.FindAll(name).Count > 0;

    private static readonly Lazy<AntithromboticRecognizer> ThinnerNames = new(() => new AntithromboticRecognizer());

    /// <summary>"on apixaban and omeprazole", "meds: aspirin, metformin" inside a longer message.</summary>
    public static IReadOnlyList<string>? CurrentDrugsInText(string text)
    {
        var match = DrugsStated().Match(UnderstandingText.Normalize(text));
        return match.Success ? CurrentDrugs(match.Groups["list"].Value) : null;
    }

    public const int MaxDrugName = 100;

    /// <summary>"everything is available", "insurance covers it all", "nothing restricted": words about access, not about the patient.</summary>
    public static bool SpeaksOfAccess(string text) => AccessWords().IsMatch(UnderstandingText.Normalize(text));

    /// <summary>"all drugs available", "we can get any of them": all of something, with nothing denied.</summary>
    public static bool SaysAll(string text) => AllWords().IsMatch(LastContrast(text)) && !SaysWithout(LastContrast(text));

    /// <summary>
    /// "I can't prescribe them, but the hospital can get anything": after a "but", the clause that settles the answer.
    /// </summary>
    private static string LastContrast(string text)
    {
        var normalized = UnderstandingText.Normalize(text);
        var but = normalized.LastIndexOf(" but ", StringComparison.Ordinal);
        return but < 0 ? normalized : normalized[(but + 5)..];
    }


    /// <summary>
    /// "nothing's off limits", "I don't think anything is restricted", "no drugs ruled out": a denial that any drug is
    /// out of reach, with no doubt ("not sure what's unavailable" is a doubt, not an answer). A drug named is read
    /// first, as unavailable, by the callers.
    /// </summary>
    public static bool NothingOutOfReach(string text)
    {
        var normalized = UnderstandingText.Normalize(text);
        return (NoRestriction().IsMatch(normalized) || Access.Value.GetsWhatIsNeeded.IsMatch(normalized)) && !AccessDoubt().IsMatch(normalized);
    }



    /// <summary>"no romiplostim here", "can't get eltrombopag", "without rituximab": words of lacking something.</summary>
    public static bool SaysWithout(string text) => WithoutWords().IsMatch(UnderstandingText.Normalize(text));



    // The words are access-answers.yaml's; where they count is the grammar here.
    private static readonly Lazy<AccessAnswerWords> Access = new(() => new AccessAnswerWords(ReadingLexicon.Default));

    private static Regex AllWords() => Access.Value.All;

    private static Regex NoRestriction() => Access.Value.NoRestriction;

    private static Regex AccessDoubt() => Access.Value.Doubt;

    private static Regex WithoutWords() => Access.Value.Without;

    private static Regex AccessWords() => Access.Value.Talk;

    private sealed class AccessAnswerWords(ReadingLexicon lexicon)
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

        private static string Words(ReadingLexicon source, params string[] meanings) => LexiconRegex.Alternation(source, "access-answer", meanings);

        public Regex All { get; } = new(@"\b" + Words(lexicon, "all") + @"\b", Options);

        // A denial, then within a few words what it denies ("nothing's off limits", "don't think anything is restricted").
        public Regex NoRestriction { get; } = new(
            @"\b" + Words(lexicon, "negation", "restriction-denial") + @"\b.{0,40}?\b" + Words(lexicon, "restriction", "unavailable") + @"\b", Options);

        public Regex Doubt { get; } = new(@"\b(?:" + Words(lexicon, "doubt") + "|" + Words(lexicon, "if") + @"(?!\s+" + Words(lexicon, "if-not-doubt") + @"\b))\b", Options);

        public Regex Without { get; } = new(@"\b" + Words(lexicon, "negation", "without", "unavailable") + @"\b", Options);

        public Regex Talk { get; } = new(@"\b" + Words(lexicon, "access-talk", "unavailable") + @"\b", Options);

        // "I can get what I need", "we can get hold of whatever he needs": whatever is needed is within reach.
        public Regex GetsWhatIsNeeded { get; } = new(
            @"\b" + Words(lexicon, "able") + " " + Words(lexicon, "obtain") + @"(?: hold of)? " + Words(lexicon, "whatever", "all") + " "
            + Words(lexicon, "person") + @"(?: \w+)? " + Words(lexicon, "need") + @"\b", Options);
    }

    /// <summary>"no anticoagulants", "not on blood thinners", "no antiplatelets or NSAIDs" inside a case summary.</summary>
    public static bool NoAntithrombotics(string text) => NoAntithromboticsStated().IsMatch(UnderstandingText.Normalize(text));

    /// <summary>"no comorbidities", "otherwise well", "no PMH" inside a case summary.</summary>
    public static bool NoComorbidities(string text) => NoComorbiditiesStated().IsMatch(UnderstandingText.Normalize(text));

    [GeneratedRegex(@"\b(?:no|not on(?: any)?|nil|never on|off all)\s+(?:anti-?coag\w*|anti-?platelets?|anti-?thrombotics?|blood[- ]thinners?|thinners)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NoAntithromboticsStated();

    [GeneratedRegex(@"\b(?:no (?:other )?(?:comorbidit\w*|medical (?:history|problems|conditions)|other (?:conditions|illnesses|problems)|pmh|significant (?:pmh|history))|nil (?:else|pmh)|otherwise (?:fit and )?(?:well|healthy)|fit and well)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NoComorbiditiesStated();

    [GeneratedRegex(@"^\D{0,12}?(?<value>\d{1,3}(?:\.\d)?)\s*(?<unit>g\s*/\s*dl|g\s*/\s*l|gdl|gl)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex HaemoglobinValue();

    [GeneratedRegex(@"\b(?:hb|hgb|haemoglobin|hemoglobin)\s*(?:is|was|of|=|:|at|down to|dropped to|fell to)?\s*(?<value>\d{1,3}(?:\.\d)?)\s*(?<unit>g\s*/\s*dl|g\s*/\s*l|gdl|gl)?\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex HaemoglobinStated();

    [GeneratedRegex(@"^(?:it's |its |it is |alt )?(?:normal|within normal(?: limits)?|wnl|fine|not raised|not elevated)$", RegexOptions.CultureInvariant)]
    private static partial Regex AltNormal();

    [GeneratedRegex(@"^\D{0,10}?(?<value>\d{1,2}(?:\.\d)?|twice|two|three|four|five|ten)\s*(?:x|×|times)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex AltMultiple();

    [GeneratedRegex(@"\b(?:alt|alanine (?:amino)?transaminase|transaminases?|lfts?|liver enzymes)\s*(?:is|are|was|were|of|=|:|at)?\s*(?:(?<normal>normal|wnl)|(?<value>\d{1,2}(?:\.\d)?|twice|two|three|four|five|ten)\s*(?:x|×|times)\s*(?:the\s+)?(?:uln|upper limit|normal))",
        RegexOptions.CultureInvariant)]
    private static partial Regex AltStated();

    [GeneratedRegex(@"\b(?:hbv|hep(?:atitis)? ?b|hbsag|anti-?hbc|hbcab|core antibod\w*|surface antigen)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HbvCue();

    [GeneratedRegex(@"\b(?:chronic|active|carrier|hbsag (?:positive|pos|\+)|hbsag\+|surface antigen positive)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HbvChronic();

    [GeneratedRegex(@"\b(?:resolved|past|previous|cleared|old|anti-?hbc (?:positive|pos|\+)|anti-?hbc\+|hbcab (?:positive|pos|\+)|core antibody positive|exposed|exposure)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex HbvResolved();

    [GeneratedRegex(@"\b(?:negative|neg|never had|no hepatitis|clear|not infected)\b|^(?:no|none|nope)$", RegexOptions.CultureInvariant)]
    private static partial Regex HbvNegative();

    [GeneratedRegex(@"\b(?:neurosurg\w*|craniotomy|brain surgery|spinal surgery|eye surgery|ophthalmic surgery)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Neurosurgery();

    [GeneratedRegex(@"\b(?:epidural|spinal (?:an(?:a)?esthe\w*|block|tap)|neuraxial|lumbar puncture|lp)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Neuraxial();

    [GeneratedRegex(@"\b(?:delivery|deliver|labou?r|caesarean|cesarean|c-? ?section|giving birth|birth|induction)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Delivery();

    [GeneratedRegex(@"\b(?:dental|dentist|tooth|teeth|extraction|wisdom)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Dental();

    [GeneratedRegex(@"\b(?:major|surgery|surgical|operation|op|laparotomy|hip|knee|replacement|bowel|cardiac|bypass|resection|hysterectomy|cholecystectomy|splenectomy)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex MajorSurgery();

    [GeneratedRegex(@"\b(?:minor|biopsy|endoscopy|colonoscopy|gastroscopy|line|cannula|skin|mole|procedure)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MinorProcedure();

    [GeneratedRegex(@"\b(?:vaccin\w*|vaccines?|immuni[sz]\w*|jabs?|pneumococcal|meningococcal|hib)\b", RegexOptions.CultureInvariant)]
    private static partial Regex VaccineCue();

    [GeneratedRegex(@"\b(?:up to date|up-to-date|all done|done|complete|completed|had (?:them|all|it|the)|vaccinated|immuni[sz]ed|current)\b", RegexOptions.CultureInvariant)]
    private static partial Regex VaccinesDone();

    [GeneratedRegex(@"\b(?:not (?:up to date|vaccinated|done|complete|current|had)|never (?:had|vaccinated|been)|unvaccinated|out of date|overdue|lapsed|no vaccin\w*)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex VaccinesNotDone();

    [GeneratedRegex(@"\b(?:plan(?:s|ning)? (?:a |another |to (?:get |become )?)?pregnan\w*|plan(?:s|ning)? (?:a |another )?(?:baby|family|child)|wants? (?:a baby|to (?:get|become) pregnant|children|kids|a family|to conceive)|trying (?:to conceive|for a baby|to get pregnant)|ttc|hop(?:es|ing) to (?:get pregnant|conceive|have (?:a baby|children))|would like (?:a baby|to get pregnant|children))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex PregnancyPlan();

    [GeneratedRegex(@"\b(?:no (?:plans? (?:for|of|to)|pregnancy plans?|wish (?:for|to))|not (?:planning|trying|wanting)|(?:doesn't|does not|don't|do not) want (?:a |any |another |more |to (?:get|become|be) )?(?:bab(?:y|ies)|child(?:ren)?|kids|pregnan\w*|family)|(?:doesn't|does not|don't|do not) want(?: (?:one|any|more|another))?$|family (?:is )?complete)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NoPregnancyPlan();

    [GeneratedRegex(@"^(?:(?:and|or|nor|but|also)\s+)?(?:no|not any|none|nothing)\s+(?:plans?|planned|planning)(?:\s+(?:yet|either|at (?:the moment|present)|for now|now|too))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NoPlanPart();

    [GeneratedRegex(@"^(?:(?:she|he|they|i|we|the patient|patient|pt)(?:'s|'re| is| are| am)?\s+)?(?:(?:currently|also|now)\s+)?(?:on|takes|taking|take|uses|using|meds?:?|medications?:?|drugs?:?)\s+",
        RegexOptions.CultureInvariant)]
    private static partial Regex DrugListLead();

    [GeneratedRegex(@"\s*(?:,|;|\+|/|&|\band\b|\bplus\b|\bwith\b)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex DrugListSeparator();

    [GeneratedRegex(@"^[\p{L}][\p{L}\p{N} \-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex DrugName();

    // The words before a drug's name in a list ("just", "only a", "also some").
    [GeneratedRegex(@"^(?:(?:just|only|also|plus|then|and|a|an|some|her|his|my|on|takes|taking|uses|using)\s+)+", RegexOptions.CultureInvariant)]
    private static partial Regex DrugFiller();

    // The dose, and why or when it is taken, after the name ("calcium carbonate 1.25 g", "apixaban for AF", "clopidogrel
    // since the TIA", "omeprazole as well").
    [GeneratedRegex(@"\s+(?:\d|(?:for|since|after|because|as|when|from|to|prn|at night|in the morning|each|every|daily|nightly)\b).*$", RegexOptions.CultureInvariant)]
    private static partial Regex DrugReason();

    // A list item that is no drug's name: a denial, an answer word, a time ("in 2016"), a count or a lab ("plt 28"), a
    // class of drugs, or the list's own words.
    [GeneratedRegex(@"^(?:no|not|nil|never|none|nothing|n/?a|yes|yeah|yep|ok|okay|in|at|since|from|about|around|last|over|under|with|to|of|by|ago|before|after|when|during|once|twice|years?|months?|weeks?|days?|plt|platelets?|counts?|hb|hgb|haemoglobin|hemoglobin|alt|weight|age|aged|itp|bp|kg|stone)\b|\b(?:else|other|others|thinners?|anti-?coag\w*|anti-?platelets?|anti-?thrombotics?|nsaids?|doacs?|noacs?|anti-?inflammator\w*|painkillers?|medications?|medicines?|meds|drugs?|tablets|pills|anything|that|those|these|this|it|them|sure|know)$", RegexOptions.CultureInvariant)]
    private static partial Regex NoDrugItem();

    [GeneratedRegex(@"^(?:(?:just|only)\s+\p{L}|(?:and\s+)?(?:nothing else|no other (?:medicines|meds|drugs|tablets|medication)|that'?s (?:all|it))$)", RegexOptions.CultureInvariant)]
    private static partial Regex ClosedList();

    // A part that leads with the taking of medicines.
    [GeneratedRegex(@"^(?:just|only|takes|taking|also takes|also on|plus)\s+\p{L}", RegexOptions.CultureInvariant)]
    private static partial Regex MedicinesLead();

    [GeneratedRegex(@"\b(?:current (?:meds|medications?|drugs)|meds|medications?|regular drugs|drug history|dhx)\s*(?:are|is|include|:|-)?\s*(?<list>[\p{L}][\p{L}\p{N} ,\-+/&]*)", RegexOptions.CultureInvariant)]
    private static partial Regex DrugsStated();
}
