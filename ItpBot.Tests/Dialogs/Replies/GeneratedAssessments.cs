using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Replies;

/// <summary>
/// Random assessments within the contract's limits (bottom line of at most 80 words, sentences of clinical length),
/// for the properties that must hold whatever the reasoning writes. Every text ends with a token of its own
/// ("zq17") whose citations the test knows, so a citation can be traced back to the text it follows; each text
/// cites its own subset of the references, so citing a neighbour's sources is caught.
/// </summary>
internal sealed class GeneratedAssessments
{
    private static readonly string[] Words =
    [
        "platelets", "rise", "within", "weeks", "response", "durable", "bleeding", "risk", "monitor", "count", "weekly",
        "consider", "hold", "restart", "when", "stable", "above", "review", "after", "oral", "infusion", "taper", "over",
        "avoid", "pregnancy", "liver", "tests", "baseline", "vaccinate", "before", "starting", "thrombosis", "history",
    ];

    private static readonly string[] Figures = ["61%", "1–2", "50 × 10⁹/L", "72 h", "18%", "3 months"];
    private static readonly string[] Doses = ["1 mg/kg", "10 µg/kg", "1 g/kg", "50 mg"];

    private static readonly string[] Codes =
    [
        AlertCodes.EmergencyBleeding, AlertCodes.HoldAnticoagulation, AlertCodes.Pregnancy, AlertCodes.HbvProphylaxis,
        AlertCodes.Contraception, AlertCodes.ReboundOnStop, AlertCodes.SteroidTaper, AlertCodes.ThrombosisRisk,
        AlertCodes.AspleniaCare, AlertCodes.DrugInteraction, AlertCodes.ConsiderAdmission,
    ];

    private readonly Random random;
    private readonly Dictionary<string, IReadOnlyList<string>> citationsOfToken = new(StringComparer.Ordinal);
    private int nextToken;

    public GeneratedAssessments(int seed) => random = new Random(seed);

    public static IReadOnlyList<Reference> References { get; } = Enumerable.Range(0, 9).Select(i => new Reference
    {
        Id = $"ref-{(char)('a' + i)}", Title = $"Source {(char)('A' + i)} on immune thrombocytopenia",
        Publisher = "Journal", Year = 2010 + i, Url = i % 3 == 0 ? null : $"https://example.org/{(char)('a' + i)}",
    }).ToList();

    /// <summary>The citations the text ending in <paramref name="token"/> carries.</summary>
    public IReadOnlyList<string> CitationsOf(string token) => citationsOfToken[token];

    public bool IsToken(string token) => citationsOfToken.ContainsKey(token);

    public Assessment Next()
    {
        var options = Enumerable.Range(0, random.Next(0, 8)).Select(Option).ToList();
        var therapies = TherapyIds.All.OrderBy(_ => random.Next()).ToList();
        options = options.Select((option, i) => option with { Therapy = therapies[i], Rank = i + 1 }).ToList();
        var urgency = (Urgency)random.Next(0, 3);
        return new Assessment
        {
            BottomLine = random.Next(4) == 0 ? null : Sentence(random.Next(10, 70)),
            Urgency = urgency,
            BleedingRisk = (BleedingRisk)random.Next(0, 3),
            Phase = random.Next(4) == 0 ? null : (Phase)random.Next(0, 3),
            Alerts = Many(0, 4, () =>
            {
                var (text, ids) = Claim(5, 25);
                return new Alert(Codes[random.Next(Codes.Length)], text, ids);
            }),
            Decisions = Many(0, 4, () =>
            {
                var ids = Cites();
                var topic = random.Next(3) == 0 ? DecisionTopic.Question : (DecisionTopic)random.Next(0, 8);
                return new Decision(topic, Text(5, 20, ids), Many(0, 3, () => Text(4, 15, ids)), ids);
            }),
            Today = Many(0, 3, () =>
            {
                var ids = Cites();
                return new TodayStep(Text(3, 12, ids), Many(0, 3, () => Text(3, 12, ids)), ids);
            }),
            Options = options,
            Avoid = Many(0, 3, () =>
            {
                var (text, ids) = Claim(4, 15);
                return new AvoidedTherapy(therapies[^(1 + random.Next(5))], text, ids);
            }),
            Interactions = Many(0, 2, () =>
            {
                var (text, ids) = Claim(6, 20);
                return new DrugInteraction(["apixaban", therapies[0]], random.Next(2) == 0 ? "major" : "moderate", text, ids);
            }),
            UnrecognisedDrugs = Many(0, 2, () => random.Next(2) == 0 ? "vitamin B12" : "herbal tea"),
            Missing = Many(0, 2, () => random.Next(2) == 0 ? "weightKg" : "currentDrugs"),
            References = References,
            ContentVersion = "generated",
        };
    }

    private TreatmentOption Option(int index)
    {
        var byText = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        string Cited(int min, int max)
        {
            var (text, ids) = Claim(min, max);
            byText[text] = ids;
            return text;
        }

        var perText = random.Next(6) != 0;
        var option = new TreatmentOption
        {
            Therapy = "placeholder", Rank = index + 1,
            Role = index == 0 ? OptionRole.FirstChoice : (OptionRole)random.Next(0, 4),
            Summary = Cited(4, 18),
            Rationale = Many(0, 4, () => random.Next(3) == 0 ? $"rule-{index}: {Cited(4, 16)}" : Cited(4, 16)),
            Dosing = random.Next(5) == 0 ? null : Cited(6, 25),
            ResponseRates = Many(0, 3, () => Cited(5, 18)),
            Onset = random.Next(3) == 0 ? null : Cited(3, 10),
            Cautions = Many(0, 3, () => Cited(4, 15)),
            OnStart = Many(0, 3, () => Cited(4, 15)),
            OnStop = Many(0, 2, () => Cited(4, 15)),
            Fit = random.Next(5) == 0 ? null : new OptionFit(Grade(), Grade(), Grade(), Grade(), Grade(), Grade()),
            Citations = [],
        };
        // A rationale carrying a rule name is cited under its full text, as the reasoning keys it.
        foreach (var reason in option.Rationale.Where(r => r.StartsWith("rule-", StringComparison.Ordinal)))
        {
            byText[reason] = byText[reason[(reason.IndexOf(": ", StringComparison.Ordinal) + 2)..]];
        }
        var all = byText.Values.SelectMany(ids => ids).Distinct().ToList();
        return perText ? option with { TextCitations = byText, Citations = all } : option with { Citations = all };
    }

    private FitGrade Grade() => (FitGrade)random.Next(0, 3);

    private (string Text, IReadOnlyList<string> Ids) Claim(int min, int max)
    {
        var ids = Cites();
        return (Text(min, max, ids), ids);
    }

    /// <summary>A sentence that ends in its own token, recorded with the citations it carries.</summary>
    private string Text(int min, int max, IReadOnlyList<string> ids)
    {
        var token = $"zq{nextToken++}";
        citationsOfToken[token] = ids;
        return $"{Sentence(random.Next(min, max + 1) - 1)} {token}.";
    }

    private string Sentence(int words)
    {
        var parts = new List<string>();
        for (var i = 0; i < Math.Max(1, words); i++)
        {
            var roll = random.Next(20);
            parts.Add(roll == 0 ? Figures[random.Next(Figures.Length)] : roll == 1 ? Doses[random.Next(Doses.Length)] : Words[random.Next(Words.Length)]);
        }
        var sentence = string.Join(' ', parts);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }

    private IReadOnlyList<string> Cites() =>
        References.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).Select(reference => reference.Id).ToList();

    private List<T> Many<T>(int min, int max, Func<T> make) => Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => make()).ToList();
}
