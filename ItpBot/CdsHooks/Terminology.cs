using System.Text.Json;
using System.Text.RegularExpressions;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.CdsHooks;

/// <summary>A drug the service recognised: its generic name, its ITP therapy id if it is one, and its ATC classes.</summary>
public sealed record KnownDrug(string Generic, string? Therapy, IReadOnlyList<string> Classes, Antithrombotic? Antithrombotic);

/// <summary>
/// Recognises drugs (RxNorm or ATC code first, then by name) and vaccines (CVX, then name) from the code table in
/// Data/terminology.json and the therapy names of the clinical content.
/// </summary>
public sealed partial class Terminology
{
    private const string Resource = "ItpBot.CdsHooks.Data.terminology.json";
    private readonly Dictionary<string, KnownDrug> _byRxNorm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownDrug> _byAtc = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, KnownDrug Drug)> _byName = [];
    private readonly List<(string Cvx, string Group)> _vaccineCodes = [];
    private readonly Dictionary<string, string> _atcByTherapy = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Group)> _vaccineNames = [];

    public Terminology(KnowledgeBase knowledge)
    {
        using var stream = typeof(Terminology).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing.");
        var file = JsonSerializer.Deserialize<TerminologyFile>(stream, CdsJson.Options)
            ?? throw new InvalidOperationException($"{Resource} is empty.");

        foreach (var entry in file.Drugs)
        {
            if (entry.Therapy is not null && entry.Atc.Count > 0) _atcByTherapy.TryAdd(entry.Therapy, entry.Atc[0]);
            if (entry.Therapy is not null && !knowledge.TryGetTherapy(entry.Therapy, out _))
                throw new InvalidOperationException($"{Resource}: drug '{entry.Generic}' names unknown therapy '{entry.Therapy}'.");
            var classes = entry.Atc.SelectMany(code => file.AtcClasses.Where(c => code.StartsWith(c.Prefix, StringComparison.OrdinalIgnoreCase))).ToList();
            var antithrombotic = classes.Select(c => ParseAntithrombotic(c.Antithrombotic)).FirstOrDefault(a => a is not null);
            var drug = new KnownDrug(entry.Generic, entry.Therapy, classes.Select(c => c.Label).ToList(), antithrombotic);
            foreach (var code in entry.RxNorm) _byRxNorm[code] = drug;
            foreach (var code in entry.Atc) _byAtc[code] = drug;
            foreach (var name in entry.Names.Prepend(entry.Generic)) _byName.Add((Normalise(name), drug));
        }

        // ITP therapies by the content's own names and synonyms, when the table does not already name them.
        foreach (var therapy in knowledge.TherapyCatalog.Where(t => t.Group != "observation"))
        {
            var drug = file.Drugs.FirstOrDefault(d => d.Therapy == therapy.Id) is { } entry
                ? _byName.First(n => n.Name == Normalise(entry.Generic)).Drug
                : new KnownDrug(therapy.Name, therapy.Id, [], null);
            foreach (var name in therapy.Synonyms.Prepend(therapy.Name).Where(n => n.Length >= 4))
                _byName.Add((Normalise(name), drug));
        }
        // Longest names first, so "anti-D immunoglobulin" wins over "immunoglobulin".
        _byName.Sort((a, b) => b.Name.Length.CompareTo(a.Name.Length));

        foreach (var rule in file.StopRules ?? [])
        {
            if (!knowledge.TryGetTherapy(rule.Therapy, out _) || !knowledge.Alerts.Any(a => a.Code == rule.Alert)
                || rule.Citations.Any(c => !knowledge.References.ContainsKey(c)))
                throw new InvalidOperationException($"{Resource}: stop rule for '{rule.Therapy}' names an unknown therapy, alert or reference.");
        }
        StopRules = file.StopRules ?? [];

        foreach (var vaccine in file.Vaccines)
        {
            foreach (var code in vaccine.Cvx) _vaccineCodes.Add((code, vaccine.Group));
            foreach (var name in vaccine.Names) _vaccineNames.Add((Normalise(name), vaccine.Group));
        }
    }

    /// <summary>Label stop rules the order check applies (thresholds as data, wording from the content's alert).</summary>
    public IReadOnlyList<StopRule> StopRules { get; }

    /// <summary>The vaccine groups that together make vaccination "up to date" before splenectomy or with asplenia.</summary>
    public IReadOnlySet<string> VaccineGroups => _vaccineCodes.Select(v => v.Group).ToHashSet(StringComparer.Ordinal);

    /// <summary>Recognises a coded drug: RxNorm, then ATC, then the text and displays by name.</summary>
    public KnownDrug? Drug(IEnumerable<(string? System, string? Code, string? Display)> codings, string? text)
    {
        var list = codings.ToList();
        foreach (var (system, code, _) in list)
        {
            if (code is null) continue;
            if (system == ClinicalCodes.RxNorm && _byRxNorm.TryGetValue(code, out var byRx)) return byRx;
        }
        foreach (var (system, code, _) in list)
        {
            if (code is null) continue;
            if (system == ClinicalCodes.Atc && _byAtc.TryGetValue(code, out var byAtc)) return byAtc;
        }
        return list.Select(c => c.Display).Prepend(text).Select(DrugByName).FirstOrDefault(d => d is not null);
    }

    /// <summary>The ATC code of a therapy's first listed drug, for suggested orders.</summary>
    public string? AtcCode(string therapy) => _atcByTherapy.GetValueOrDefault(therapy);

    /// <summary>A drug named in free text ("Eliquis 5 MG Oral Tablet"), matched on whole words.</summary>
    public KnownDrug? DrugByName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalised = " " + Normalise(text) + " ";
        foreach (var (name, drug) in _byName)
            if (normalised.Contains(" " + name + " ", StringComparison.Ordinal)) return drug;
        return null;
    }

    /// <summary>The vaccine group of an immunisation (CVX first, then by name), or null.</summary>
    public string? VaccineGroup(IEnumerable<(string? System, string? Code, string? Display)> codings, string? text)
    {
        var list = codings.ToList();
        foreach (var (system, code, _) in list)
            if (system == ClinicalCodes.Cvx && code is not null && _vaccineCodes.FirstOrDefault(v => v.Cvx == code).Group is { } group)
                return group;
        foreach (var candidate in list.Select(c => c.Display).Prepend(text))
        {
            if (string.IsNullOrWhiteSpace(candidate)) continue;
            var normalised = " " + Normalise(candidate) + " ";
            foreach (var (name, group) in _vaccineNames)
                if (normalised.Contains(" " + name + " ", StringComparison.Ordinal)) return group;
        }
        return null;
    }

    private static Antithrombotic? ParseAntithrombotic(string? value) => value switch
    {
        "anticoagulant" => Antithrombotic.Anticoagulant,
        "antiplatelet" => Antithrombotic.Antiplatelet,
        "nsaid" => Antithrombotic.Nsaid,
        null => null,
        _ => throw new InvalidOperationException($"{Resource}: unknown antithrombotic kind '{value}'."),
    };

    /// <summary>Lower case, punctuation to spaces, single spaces: "Anti-D (WinRho)" → "anti d winrho".</summary>
    internal static string Normalise(string text) => NonWord().Replace(text.ToLowerInvariant(), " ").Trim();

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NonWord();

    private sealed record TerminologyFile(List<DrugEntry> Drugs, List<AtcClass> AtcClasses, List<VaccineEntry> Vaccines, List<StopRule>? StopRules);

    private sealed record DrugEntry
    {
        public required string Generic { get; init; }
        public string? Therapy { get; init; }
        public List<string> Atc { get; init; } = [];
        public List<string> RxNorm { get; init; } = [];
        public List<string> Names { get; init; } = [];
    }

    public sealed record StopRule(string Therapy, double AltTimesUpperLimitFrom, string Alert, List<string> Citations);

    private sealed record AtcClass(string Prefix, string Label, string? Antithrombotic);

    private sealed record VaccineEntry(string Group, List<string> Cvx, List<string> Names);
}
