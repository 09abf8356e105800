using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Anticoagulant or antiplatelet with a count below the content's full-dose threshold: hold or reduce.</summary>
internal sealed class AntithromboticRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly double _fullDoseFrom = kb.Parameter(ContentKeys.Parameters.AntithromboticFullDoseCountFrom).Value;
    private readonly AlertContent _alert = kb.Alert(AlertCodes.HoldAnticoagulation);
    // In critical or severe bleeding the count-based, case-by-case advice does not apply: stop and reverse.
    private readonly AlertContent _emergencyAlert =
        new(AlertCodes.HoldAnticoagulation, kb.RuleText(ContentKeys.RuleTexts.AntithromboticsInEmergency));

    public string Name => "antithrombotics";

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        if (!facts.Takes(Antithrombotic.Anticoagulant) && !facts.Takes(Antithrombotic.Antiplatelet)) return;
        // In an emergency, antithrombotics stop whatever the count.
        if (draft.Emergency) draft.Alert(_emergencyAlert);
        else if (facts.CountBelow(_fullDoseFrom)) draft.Alert(_alert);
    }
}
