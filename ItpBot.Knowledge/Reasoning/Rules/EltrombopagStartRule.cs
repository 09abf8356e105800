using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Eltrombopag: reduced starting dose for East-/Southeast-Asian ancestry or liver disease, lower still for both.</summary>
internal sealed class EltrombopagStartRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly AlertContent _alert = kb.Alert(AlertCodes.EltrombopagReducedStart);
    private readonly RuleMessage _reduced = new("eltrombopag-start", kb.RuleText(ContentKeys.RuleTexts.EltrombopagReduced));

    public string Name => "eltrombopag-start";

    public void Apply(AssessmentDraft draft)
    {
        if (draft.Find(TherapyIds.Eltrombopag) is not { } eltrombopag) return;
        var facts = draft.Facts;
        if (facts.Profile.EastAsianAncestry is null) draft.NeedsToKnow(ProfileFields.EastAsianAncestry);
        var asian = facts.Profile.EastAsianAncestry == true;
        var liver = facts.Has(Comorbidity.LiverDisease);
        if (!asian && !liver) return;

        eltrombopag.RegimenId = asian && liver ? ContentKeys.Regimens.ReducedStartBoth : ContentKeys.Regimens.ReducedStart;
        draft.Explain(eltrombopag, _reduced);
        draft.Alert(_alert);
    }
}
