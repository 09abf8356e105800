using System.Text.RegularExpressions;
using CsCheck;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;
using T = ItpBot.Knowledge.Model.TherapyIds;

namespace ItpBot.Tests.Knowledge.Properties;

/// <summary>Properties of every assessment, over generated profiles (CsCheck): they must hold for unseen cases too.</summary>
public class AssessmentProperties
{
    private const int Iterations = 300;
    private static readonly KnowledgeBase Kb = KnowledgeBase.LoadEmbedded();
    private static readonly TreatmentAdvisor Advisor = new(Kb);

    private static readonly string[] PriorTherapies =
        [T.Prednisone, T.Dexamethasone, T.Ivig, T.Romiplostim, T.Eltrombopag, T.Avatrombopag, T.Fostamatinib, T.Rituximab, T.Splenectomy, T.Mycophenolate, T.Azathioprine];
    private static readonly string[] Drugs =
        ["apixaban", "Xarelto", "warfarin", "aspirin", "clopidogrel", "ibuprofen", "omeprazole", "calcium carbonate", "Maalox",
         "rosuvastatin", "itraconazole", "fluconazole", "rifampicin", "Pradaxa", "bisoprolol", "Nplate", "Revolade", "prednisolone"];
    private static readonly string[] Unavailable = [T.Romiplostim, T.Eltrombopag, T.Avatrombopag, T.Ivig, T.Fostamatinib, T.Rituximab];
    private static readonly string[] Notes = ["1 ug/kg weekly", "10 ug/kg for 6 weeks", "50 mg daily", "75 mg for 5 weeks", "misses doses", "responded for 9 months"];

    private static readonly Gen<PriorTreatment> GenPrior =
        Gen.Select(Gen.OneOf(PriorTherapies), Gen.Enum<TreatmentOutcome>(), Gen.OneOf(Notes).Null(),
            (t, o, n) => new PriorTreatment(t, o, n));

    private static Gen<T2[]> Subset<T2>(T2[] values) => Gen.OneOf(values).Array[0, 3].Select(a => a.Distinct().ToArray());

    internal static readonly Gen<PatientProfile> GenProfile =
        Gen.Select(
            Gen.Select(Gen.Int[18, 90], Gen.Enum<Sex>(), Gen.Double[0.5, 200], Gen.Double[1, 600], Gen.Enum<Bleeding>(), GenPrior.Array[0, 4],
                (age, sex, months, count, bleeding, priors) => (age, sex, months: Math.Round(months, 1), count: Math.Round(count), bleeding, priors)),
            Gen.Select(Subset(Enum.GetValues<Comorbidity>()), Subset(Enum.GetValues<Preference>()), Subset(Unavailable), Subset(Drugs),
                Gen.Bool, Gen.Int[0, 9], (com, pref, un, drugs, spleen, flags) => (com, pref, un, drugs, spleen, flags)),
            Gen.Select(Gen.Double[0.5, 8].Nullable(), Gen.Enum<HbvStatus>().Nullable(), Gen.Enum<ProcedureKind>().Nullable(), Gen.Enum<Audience>(),
                (alt, hbv, proc, audience) => (alt: alt is { } a ? Math.Round(a, 1) : (double?)null, hbv, proc, audience)),
            (a, b, c) => new PatientProfile
            {
                Audience = c.audience,
                AgeYears = a.age,
                Sex = a.sex,
                WeightKg = 70,
                MonthsSinceDiagnosis = a.months,
                PlateletCount = a.count,
                Bleeding = a.bleeding,
                PriorTreatments = a.priors,
                Splenectomy = b.spleen,
                Comorbidities = b.com,
                Preferences = b.pref,
                Unavailable = b.un,
                CurrentDrugs = b.drugs,
                Pregnant = a.sex == Sex.Female && b.flags == 0,
                GestationWeeks = a.sex == Sex.Female && b.flags == 0 ? 20 : null,
                PregnancyPlanned = a.sex == Sex.Female && b.flags == 1,
                ChildbearingPotential = a.sex == Sex.Female ? b.flags != 2 : null,
                UpcomingProcedure = c.proc is not null,
                Procedure = c.proc,
                AltTimesUpperLimit = c.alt,
                HbvStatus = c.hbv,
                Question = b.flags == 3 ? "Is he refractory, and should I stop the apixaban?" : null,
            });

    private static readonly HashSet<OptionRole> Active = [OptionRole.FirstChoice, OptionRole.Alternative, OptionRole.Rescue];

    [Fact]
    public void No_option_removed_by_a_hard_constraint_is_offered()
    {
        GenProfile.Sample(profile =>
        {
            var a = Advisor.Assess(profile);
            var avoided = a.Avoid.Select(x => x.Therapy).ToHashSet();
            var offered = a.Options.Select(o => o.Therapy).ToList();
            Assert.Empty(offered.Intersect(avoided));
            Assert.Empty(offered.Intersect(profile.Unavailable ?? []));
            if (profile.AltTimesUpperLimit >= 3) Assert.DoesNotContain(T.Eltrombopag, offered);
            if (profile.Pregnant == true || profile.PregnancyPlanned == true)
                Assert.DoesNotContain(offered, id => Kb.Therapy(id).Pregnancy.Status is PregnancyStatus.Contraindicated);
        }, iter: Iterations);
    }

    [Fact]
    public void A_preference_never_lifts_an_option_above_one_with_more_than_twice_its_durable_response()
    {
        GenProfile.Where(p => p.Preferences is { Count: > 0 }).Sample(profile =>
        {
            var with = Primary(Advisor.Assess(profile));
            var without = Primary(Advisor.Assess(profile with { Preferences = [] }));
            for (var i = 0; i < with.Count; i++)
                for (var j = i + 1; j < with.Count; j++)
                {
                    var (above, below) = (with[i], with[j]);
                    var before = without.FindIndex(o => o.Therapy == above.Therapy);
                    var other = without.FindIndex(o => o.Therapy == below.Therapy);
                    if (before < 0 || other < 0 || before < other) continue; // not lifted by the preference
                    if (Durable(above, profile) is { } da && Durable(below, profile) is { } db)
                        Assert.True(da * 2 >= db, $"{above.Therapy} ({da}%) was put above {below.Therapy} ({db}%) by a preference");
                }
        }, iter: Iterations);
    }

    [Fact]
    public void Every_on_start_step_of_a_shown_option_appears()
    {
        GenProfile.Sample(profile =>
        {
            var a = Advisor.Assess(profile);
            var audience = profile.Audience ?? Audience.Clinician;
            foreach (var o in a.Options)
            {
                if (!Kb.Reasoning.Transitions.TryGetValue(o.Therapy, out var t)) continue;
                foreach (var step in t.OnStart) Assert.Contains(step.For(audience), o.OnStart);
                foreach (var step in t.OnStop) Assert.Contains(step.For(audience), o.OnStop);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Every_citation_supports_its_text()
    {
        GenProfile.Sample(profile =>
        {
            var a = Advisor.Assess(profile);
            foreach (var (text, citations) in CitedTexts(a))
            {
                var allowed = Supporting(text);
                foreach (var id in citations)
                    Assert.True(allowed.Contains(id), $"'{id}' does not support: {text}");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void The_citation_check_can_fail()
    {
        // A rituximab paper for the IVIG text is caught.
        var ivig = Kb.Therapy(T.Ivig).Summary.Text;
        Assert.DoesNotContain("patel-2012", Supporting(ivig));
        Assert.Contains("ash-2011", Supporting(ivig));
    }

    [Fact]
    public void The_bottom_line_is_80_words_or_fewer_and_rescue_is_never_last()
    {
        GenProfile.Sample(profile =>
        {
            var a = Advisor.Assess(profile);
            if (a.BottomLine is { } line) Assert.True(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 80, line);
            // Rescue comes straight after the long-term options: never after a "later" one.
            var roles = a.Options.Select(o => o.Role).ToList();
            var firstLater = roles.IndexOf(OptionRole.Later);
            if (firstLater >= 0) Assert.DoesNotContain(OptionRole.Rescue, roles.Skip(firstLater));
        }, iter: Iterations);
    }

    private static List<TreatmentOption> Primary(Assessment a) =>
        a.Options.Where(o => o.Role is OptionRole.FirstChoice or OptionRole.Alternative).ToList();

    /// <summary>The durable response the ordering used: a favourable response predictor (efficacy favours) uses the favourable figure.</summary>
    // The durable response the ordering rule weighs for this patient: the favourable figure only where its predictor
    // holds (rituximab in a woman with ITP of 12 months or less who responded to a corticosteroid). An efficacy graded
    // "favours" only because the figure is within half the best does not make it the favourable figure.
    private static double? Durable(TreatmentOption o, PatientProfile p) =>
        RituximabPredictorHolds(o.Therapy, p) && Kb.Reasoning.Grades.TryGetValue(o.Therapy, out var g) && g.FavourableDurable is { } f
            ? f
            : Kb.Reasoning.DurableOf(o.Therapy);

    private static bool RituximabPredictorHolds(string therapy, PatientProfile p) =>
        therapy == T.Rituximab && p.Sex == Sex.Female
        && p.MonthsSinceDiagnosis <= Kb.Parameter(ContentKeys.Parameters.ChronicAfterMonths).Value
        && (p.PriorTreatments ?? []).Any(t => t.Outcome is TreatmentOutcome.Response or TreatmentOutcome.Relapsed
            && Kb.Therapy(t.Therapy) is { IsCorticosteroid: true });

    private static IEnumerable<(string Text, IReadOnlyList<string> Citations)> CitedTexts(Assessment a)
    {
        foreach (var o in a.Options)
            foreach (var text in o.Rationale.Concat(o.Cautions).Concat(o.OnStart).Concat(o.OnStop).Concat(o.ResponseRates)
                         .Append(o.Summary).Append(o.Dosing ?? "").Append(o.Onset ?? ""))
                if (text.Length > 0) yield return (text, o.CitationsOf(text));
        foreach (var x in a.Avoid) yield return (x.Reason, x.Citations);
        foreach (var x in a.Alerts) yield return (x.Text, x.Citations);
        foreach (var x in a.Today) yield return (x.Action, x.Citations);
        foreach (var x in a.Decisions) yield return (x.Answer, x.Citations);
        foreach (var x in a.Interactions) yield return (x.Text, x.Citations);
    }

    // Each content fact as a pattern (its placeholders match anything), with its own sources.
    private static readonly List<(string Literal, Regex Pattern, IReadOnlyList<string> Citations)> Facts = Kb.AllFacts()
        .SelectMany(f => new[] { f.Text.Text, f.Text.PatientText }.OfType<string>().Select(t => (t, f.Text.Citations)))
        .Concat(Kb.Alerts.Select(al => (al.Text.For(Audience.Patient), al.Text.Citations)))
        .Concat(Kb.Reasoning.Drugs.Select(d => (d.Name, d.Citations)))
        .Where(x => x.Item1.Length > 0)
        .Select(x => (Literal(x.Item1), new Regex(Regex.Escape(x.Item1).Replace(@"\{", "{").Replace("}", "}")
            .Let(p => Regex.Replace(p, @"\{[a-z]+\}", ".*?")), RegexOptions.CultureInvariant), x.Item2))
        .ToList();

    /// <summary>The sources of every content fact the text states (texts may join several facts or fill placeholders).</summary>
    private static HashSet<string> Supporting(string text)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (literal, pattern, citations) in Facts)
            if (text.Contains(literal, StringComparison.Ordinal) && pattern.IsMatch(text)) allowed.UnionWith(citations);
        return allowed;
    }

    // The longest piece of a fact without placeholders: a cheap filter before the pattern.
    private static string Literal(string fact) =>
        Regex.Split(fact, @"\{[a-z]+\}").OrderByDescending(s => s.Length).First();
}

internal static class LetExtension
{
    public static TOut Let<TIn, TOut>(this TIn value, Func<TIn, TOut> f) => f(value);
}
