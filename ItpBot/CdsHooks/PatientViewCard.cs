using System.Text;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using static ItpBot.CdsHooks.CardText;

namespace ItpBot.CdsHooks;

/// <summary>The patient-view card: the assessment's bottom line, today's steps and the first choice, in that order.</summary>
public sealed class PatientViewCard(KnowledgeBase knowledge)
{
    private static readonly HashSet<string> WarningAlerts = new(StringComparer.Ordinal)
    {
        AlertCodes.HoldAnticoagulation, AlertCodes.ConsiderAdmission, AlertCodes.Pregnancy, AlertCodes.HepatotoxicityStop,
        AlertCodes.DrugInteraction, AlertCodes.SwitchToSecondLine, AlertCodes.ProlongedCorticosteroids,
    };

    public CdsCard Build(Assessment assessment, MappedProfile mapped, string sourceLabel, CdsLink? link)
    {
        var first = assessment.Options.FirstOrDefault();
        return new CdsCard
        {
            Summary = Summary(SummaryText(assessment, mapped.Profile, first)),
            Indicator = Indicator(assessment),
            Detail = Detail(assessment, mapped, first),
            Source = Source(knowledge, sourceLabel),
            Links = link is null ? null : [link],
        };
    }

    public static string Indicator(Assessment assessment) =>
        assessment.Urgency == Urgency.Emergency ? CdsIndicators.Critical
        : assessment.Urgency == Urgency.Prompt || assessment.Alerts.Any(a => WarningAlerts.Contains(a.Code)) ? CdsIndicators.Warning
        : CdsIndicators.Info;

    private static List<string> RecordFacts(PatientProfile p)
    {
        var facts = new List<string>();
        var who = string.Join(", ", new[] { p.Sex?.ToString().ToLowerInvariant(), p.AgeYears is { } age ? $"{age} years" : null }.OfType<string>());
        if (who.Length > 0) facts.Add(who);
        if (p.MonthsSinceDiagnosis is { } months) facts.Add($"ITP for {Number(Math.Round(months))} months");
        if (p.PlateletCount is { } count) facts.Add($"platelets {Number(count)} × 10⁹/L");
        if (p.Haemoglobin is { } hb) facts.Add($"haemoglobin {Number(hb)} g/dL");
        if (p.AltTimesUpperLimit is { } alt) facts.Add($"ALT {Number(alt)} × upper limit");
        if (p.WeightKg is { } weight) facts.Add($"weight {Number(weight)} kg");
        if (p.Pregnant is { } pregnant) facts.Add(pregnant ? "pregnant" : "not pregnant");
        if (p.HbvStatus is { } hbv) facts.Add($"hepatitis B {hbv.ToString().ToLowerInvariant()}");
        if (p.Splenectomy is { } spleen) facts.Add(spleen ? "splenectomised" : "no splenectomy on record");
        if (p.VaccinationsUpToDate == true) facts.Add("vaccinations on record");
        if (p.CurrentDrugs is { Count: > 0 } drugs) facts.Add("medicines: " + string.Join(", ", drugs));
        return facts;
    }

    private string SummaryText(Assessment assessment, PatientProfile profile, TreatmentOption? first)
    {
        if (!string.IsNullOrWhiteSpace(assessment.BottomLine)) return "ITP: " + FirstSentence(assessment.BottomLine.Trim());
        if (assessment.Urgency == Urgency.Emergency && assessment.Alerts.FirstOrDefault(a => a.Code == AlertCodes.EmergencyBleeding) is { } emergency)
            return "ITP emergency: " + FirstSentence(emergency.Text);
        var facts = new List<string>();
        if (assessment.Phase is { } phase) facts.Add(phase switch { Phase.NewlyDiagnosed => "newly diagnosed", Phase.Persistent => "persistent", _ => "chronic" });
        if (profile.PlateletCount is { } count) facts.Add($"platelets {Number(count)} × 10⁹/L");
        var head = facts.Count > 0 ? $"ITP ({string.Join(", ", facts)})" : "ITP";
        return first is null ? $"{head}: no treatment option applies; see details." : $"{head}: first choice {TherapyName(knowledge, first.Therapy)}.";
    }

    private string Detail(Assessment assessment, MappedProfile mapped, TreatmentOption? first)
    {
        var md = new StringBuilder();
        var citations = new List<string>();
        if (!string.IsNullOrWhiteSpace(assessment.BottomLine))
            md.Append("**Bottom line.** ").AppendLine(Escape(assessment.BottomLine)).AppendLine();

        Section(md, citations, "Today", assessment.Today, t => t.Action, t => t.Citations);

        if (first is not null)
        {
            md.Append("**First choice: ").Append(Escape(TherapyName(knowledge, first.Therapy))).Append(".** ").AppendLine(Escape(first.Summary));
            if (first.Dosing is { } dosing) md.Append("- Dosing: ").AppendLine(Escape(dosing));
            if (first.Onset is { } onset) md.Append("- Onset: ").AppendLine(Escape(onset));
            foreach (var step in first.OnStart) md.Append("- On starting: ").AppendLine(Escape(step));
            var alternatives = assessment.Options.Skip(1).Take(3).Select(o => TherapyName(knowledge, o.Therapy)).ToList();
            if (alternatives.Count > 0) md.Append("- Alternatives: ").AppendLine(Escape(string.Join(", ", alternatives)));
            // Only what the card shows: the option's other facts and their sources are on the full assessment page.
            var shown = new[] { first.Summary, first.Dosing, first.Onset }.Concat(first.OnStart).SelectMany(first.CitationsOf).ToList();
            citations.AddRange(shown.Count > 0 ? shown : first.Citations);
            md.AppendLine();
        }

        Section(md, citations, "Alerts", assessment.Alerts, a => a.Text, a => a.Citations);
        Section(md, citations, "Interactions", assessment.Interactions, i => $"{string.Join(" + ", i.Drugs)}: {i.Text}", i => i.Citations);
        Section(md, citations, "Avoid", assessment.Avoid, a => $"{TherapyName(knowledge, a.Therapy)}: {a.Reason}", a => a.Citations);

        AppendRecordGaps(md, mapped, assessment);
        var sources = Sources(knowledge, citations);
        if (sources.Length > 0) md.AppendLine(sources);
        return md.ToString().TrimEnd();
    }

    /// <summary>A titled bullet list, each item's sources added to the card's.</summary>
    private static void Section<T>(
        StringBuilder md, List<string> citations, string title, IReadOnlyList<T> items, Func<T, string> line, Func<T, IReadOnlyList<string>> cites)
    {
        if (items.Count == 0) return;
        md.Append("**").Append(title).AppendLine("**");
        foreach (var item in items)
        {
            md.Append("- ").AppendLine(Escape(line(item)));
            citations.AddRange(cites(item));
        }
        md.AppendLine();
    }

    /// <summary>What was read from the record, and what it did not give, so the clinician can check what the card weighed.</summary>
    public static void AppendRecordGaps(StringBuilder md, MappedProfile mapped, Assessment assessment)
    {
        var facts = RecordFacts(mapped.Profile);
        if (facts.Count > 0) md.Append("**Read from the record:** ").AppendLine(Escape(string.Join("; ", facts)) + ".").AppendLine();
        if (mapped.NotMapped.Count > 0)
        {
            md.AppendLine("**Not read from the record**");
            foreach (var note in mapped.NotMapped) md.Append("- ").AppendLine(Escape(note));
            md.AppendLine();
        }
        if (assessment.Missing.Count > 0)
            md.Append("**Would change the answer if known:** ").AppendLine(Escape(string.Join(", ", assessment.Missing))).AppendLine();
    }
}
