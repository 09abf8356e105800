using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning;

/// <summary>
/// A content text as one rule says it, prepared once at start-up: "rule: text" for rationales (so every option
/// says which rule put it there) and the bare text for avoid reasons, for both audiences.
/// </summary>
internal sealed class RuleMessage
{
    private readonly string _explainedClinician;
    private readonly string _explainedPatient;
    private readonly string _plainClinician;
    private readonly string _plainPatient;

    public RuleMessage(string ruleName, CitedText text)
    {
        _plainClinician = text.Text;
        _plainPatient = text.For(Audience.Patient);
        _explainedClinician = $"{ruleName}: {_plainClinician}";
        _explainedPatient = $"{ruleName}: {_plainPatient}";
        Citations = text.Citations;
    }

    public IReadOnlyList<string> Citations { get; }

    public string Explained(Audience audience) => audience == Audience.Patient ? _explainedPatient : _explainedClinician;

    public string Plain(Audience audience) => audience == Audience.Patient ? _plainPatient : _plainClinician;
}

/// <summary>A rationale ("rule: text") as an answer states it: the text without the rule's name.</summary>
internal static class RuleRationale
{
    public static string WithoutRule(string rationale)
    {
        var colon = rationale.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0) return rationale;
        for (var i = 0; i < colon; i++)
        {
            var c = rationale[i];
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')) return rationale;
        }
        return rationale[(colon + 2)..];
    }
}

/// <summary>A content plan with each entry's reason prepared as the offering rule's message.</summary>
internal sealed class PreparedPlan(TreatmentPlan plan, string ruleName)
{
    public IReadOnlyList<(PlanEntry Entry, RuleMessage Reason)> Entries { get; } =
        plan.Entries.Select(e => (e, new RuleMessage(ruleName, e.Reason))).ToList();
}
