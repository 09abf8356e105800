using System.Text.RegularExpressions;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// Bleeding wording by the contract's grades, British and American spellings alike. Some words (fainting, shock)
/// only mean bleeding when the message also speaks of blood.
/// </summary>
internal static partial class BleedingPhrases
{
    // haemorrhage / hemorrhage, haematoma / hematoma, haematuria / hematuria ...
    private const string Haem = @"h(?:a|ae|æ|e)m";
    private const string Bleed = @"(?:bleed\w*|" + Haem + @"orrh\w*|" + Haem + @"atoma)";
    private const string Whose = @"(?:the |his |her |my |their |your )?";

    public static readonly PhraseRule<Bleeding>[] Sites =
    [
        new(Bleeding.Critical,
            @"\bintra-? ?cranial (?:" + Bleed + @"|bleed)|\bintra-? ?cerebral (?:" + Bleed + @")|\bich\b|\bsah\b|\bsdh\b|" +
            @"\bbrain (?:" + Bleed + @")|\bbleed\w* (?:in|into|on|inside) " + Whose + @"(?:brain|head|skull)\b|\bcerebral " + Bleed + @"|" +
            @"\bsub-?(?:dural|arachnoid)(?: " + Bleed + @")?|\bextra-?dural " + Bleed + @"|\b" + Haem + @"orrhagic stroke\b|" +
            @"\b(?:intra-?spinal|spinal (?:" + Bleed + @")|epidural " + Haem + @"atoma)|\bintra-?ocular " + Bleed + @"|\bretinal " + Bleed + @"|" +
            @"\bbleed\w* (?:in|into) " + Whose + @"eyes?\b|\bpericardial (?:" + Bleed + @"|effusion)|\btamponade\b|\bretroperitoneal\b|" +
            @"\bcompartment syndrome\b|\b(?:massive|life[- ]threatening|catastrophic|exsanguinating) " + Bleed + @"|" +
            @"\b" + Haem + @"odynamic(?:ally)? (?:unstable|instability|compromise\w*)|" +
            @"\b(?:severe|bad|sudden|worst|thunderclap) headache\b[\w\s]{0,30}\b(?:fall|fell|head|bang|hit|injur\w*|trauma)\w*|" +
            @"\b(?:head injury|head trauma|hit " + Whose + @"head|banged " + Whose + @"head|fell and hit)\b|" +
            @"\bthunderclap headache\b|\bworst headache\b|" +
            // The intake's own button, "Critical (intracranial)".
            @"\bcritical \(?intra-? ?cranial\b"),
        new(Bleeding.Severe,
            @"\b(?:gi|gastro-?intestinal|upper gi|lower gi|gut|stomach|bowel) (?:" + Bleed + @")|\b[ul]gib\b|" +
            @"\bmel(?:a|ae|æ)?ena\b|\bblack,? (?:and )?(?:tarry |sticky )?(?:stools?|poo\w*|f(?:a|ae)eces|motions)\b|\btarry stools?\b|" +
            @"\bblood in " + Whose + @"(?:stools?|poo\w*|f(?:a|ae)eces|motions)\b|\bbloody (?:stools?|diarrh\w*)\b|\brectal " + Bleed + @"|" +
            @"\bpr (?:bleed\w*|blood)\b|\b" + Haem + @"atochezia\b|\b" + Haem + @"atemesis\b|\bvomit\w* (?:up )?(?:blood|clots)\b|" +
            @"\bthrow\w* up blood\b|\bblood in " + Whose + @"vomit\b|\bcoffee[- ]grounds?\b|\bcough\w* (?:up )?blood\b|" +
            @"\b" + Haem + @"optysis\b|\b(?:needed|needing|needs|required|requiring|requires|got|given|received)\s+(?:an? )?(?:urgent )?(?:blood |red cell |rbc |prbc )?transfusions?\b|" +
            @"\btransfused\b|\b(?:hb|h(?:a|ae)emoglobin|hgb)\b[\w\s]{0,12}\b(?:drop\w*|fall\w*|fell|down)\b|\bdrop in (?:hb|h(?:a|ae)emoglobin|hgb)\b|" +
            @"\b\w*bleed\w* (?:that )?(?:won't|will not|doesn't|does not|didn't|did not|can't|cannot|wouldn't) stop\b|" +
            @"\b(?:can't|cannot|couldn't|unable to) stop (?:the |his |her |my )?bleed\w*|\buncontroll?ed " + Bleed + @"|" +
            @"\b(?:profuse|torrential|severe|major|heavy uncontrolled|serious) " + Bleed),
        new(Bleeding.Mucosal,
            @"\bnose ?bleeds?\b|\bnose bleeding\b|\bbleed\w* (?:from|of) " + Whose + @"nose\b|\bepistaxis\b|\bbleed\w* gums?\b|" +
            @"\bgums? (?:bleed\w*)|\bgingival " + Bleed + @"|\bblood (?:blisters? )?in " + Whose + @"mouth\b|\boral (?:blood blisters?|" + Bleed + @"|purpura)|" +
            @"\bmouth (?:bleed\w*)|\bwet purpura\b|\bblood blisters?\b|\bmenorrhagia\b|\bheavy (?:menstrual (?:bleed\w*|loss)|periods?|menses)\b|" +
            @"\b" + Haem + @"aturia\b|\bblood in " + Whose + @"(?:urine|pee|wee)\b|\b(?:sub)?conjunctival " + Bleed + @"|" +
            @"\bmucosal(?: " + Bleed + @")?\b|\bmucocutaneous\b|\bvaginal " + Bleed + @"|\bbleed\w* (?:after|from) (?:brushing|flossing)\b"),
        new(Bleeding.Skin,
            @"\bpet[ei]chia\w*|(?<!thrombocytopenic )\bpurpura\b|\bpurpuric\b|\bbruis\w*|\becchymo\w*|\bskin " + Bleed + @"|" +
            @"\b(?:red|purple|pinpoint) spots\b|\bspots on " + Whose + @"(?:skin|legs|arms|body)\b|\b" + Haem + @"atomas?\b"),
    ];

    /// <summary>Signs that a bleed has compromised the circulation: "black stools with dizziness" is critical.</summary>
    [GeneratedRegex(@"\b(?:dizz\w*|light-? ?headed\w*|faint\w*|passed out|pass(?:ing)? out|syncop\w*|collaps\w*|" +
                    @"lost consciousness|loss of consciousness|unconscious|shock|hypotensi\w*|tachycardi\w*|clammy|" +
                    @"low blood pressure|bp (?:is )?(?:low|dropping))\b", RegexOptions.CultureInvariant)]
    public static partial Regex Instability();

    // "\w*bleed": a nosebleed is blood too ("nosebleed and she fainted" is an emergency).
    [GeneratedRegex(@"\b(?:\w*bleed\w*|bloody?\b(?! (?:pressure|tests?|counts?|sugars?|glucose|results?|work|donation|group|type))|h(?:a|ae|æ|e)morrh\w*|mel(?:a|ae)?ena|black stools?)", RegexOptions.CultureInvariant)]
    public static partial Regex AnyBlood();

    [GeneratedRegex(
        @"^(?:none|nil|no|n|nope|nothing|no bleeding|no bleeds?|not bleeding|no symptoms|asymptomatic|none at all|nothing at all)\W*$|" +
        @"\bno (?:active |current |obvious |significant |signs of |evidence of )?(?:bleed\w*|bleeding symptoms)\b|\bnot bleeding\b|" +
        @"\basymptomatic\b|\bno symptoms\b|\bden(?:y|ies|ied) (?:any )?bleed\w*",
        RegexOptions.CultureInvariant)]
    public static partial Regex NoBleeding();
}
