using ItpBot.Dialogs.Understanding.Outcomes;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>How a treatment went, in the words clinicians and patients use ("worked then relapsed", "did nothing").</summary>
public sealed class TreatmentOutcomeRecognizer
{
    private const string Pronoun = @"(?:it|them|this|that|these|him|her|me|the \w+)";

    // "came back" is a relapse when the ITP or the low count came back ("it came back", "came back after stopping"),
    // not when bleeding, a result or a person did ("the nosebleeds came back", "results came back", "she came back
    // to clinic") and not when the count recovered ("came back up", "came back to normal").
    private const string NotRecovery = @"(?!\s+(?:up|down|to|for|from|with|today|yesterday|normal|negative|positive|clear|fine|ok|okay|good|high|higher|better)\b)";

    private const string OtherSubject =
        @"(?<!\b(?:bleed\w*|nosebleeds?|epistaxis|bruis\w*|petechiae|purpura|spots|rash|ha?emorrhag\w*|blood|gums?|menorrhagia|" +
        @"periods?|menses|ha?ematuria|symptoms?|results?|tests?|biops\w*|scans?|marrow|levels?|antibod\w*|she|he|we|i|you|patient|" +
        @"(?<!low )(?:platelets?|counts?|plts?))\s+(?:\w+\s+)?)";

    private const string ItpCameBack = OtherSubject + @"\b(?:came|has come|have come|had come) back\b" + NotRecovery;

    private const string AfterStopping =
        @" (?:after|when|once|on|as soon as) (?:\w+ ){0,2}?(?:stopp\w*|finish\w*|discontinu\w*|coming off|came off|complet\w*|the course)";

    private const string ItpReturned =
        @"\b(?:it|itp|the itp|thrombocytopenia|the low counts?|low (?:platelets?|counts?))\s+(?:has\s+|had\s+)?returned\b(?!\s+to\b)";

    // Harms a drug can do that make it stopped, and doubts about how it went: words from the lexicon (outcomes.yaml).
    private static readonly string AdverseEffect = LexiconRegex.Alternation(ReadingLexicon.Default, "outcome", "adverse-effect");

    /// <summary>The harms (outcomes.yaml adverse-effect) as a regex alternation, for the story reader's table cells.</summary>
    internal static string AdverseEffectPattern => AdverseEffect;

    private static readonly string Doubt = LexiconRegex.Alternation(ReadingLexicon.Default, "outcome", "doubt");

    // The outcome cue classes (outcomes.yaml): words that alone say how a treatment went, one class per outcome.
    private static string Cue(string meaning) => @"\b" + LexiconRegex.Alternation(ReadingLexicon.Default, "outcome", meaning) + @"(?!\w)";

    private static readonly string ResponseCue = Cue("response-cue");
    private static readonly string NoResponseCue = Cue("no-response-cue");
    private static readonly string RelapseCue = Cue("relapse-cue");
    private static readonly string DependenceCue = Cue("dependence-cue");
    private static readonly string OngoingCue = Cue("ongoing-cue");
    private static readonly string UnknownCue = Cue("unknown-cue");

    // A dose as a line the count needs: "the dose", "15 mg", "20 or above".
    private const string DoseThreshold = @"(?:the\s+)?(?:dose\b|\d+(?:\.\d+)?\s*(?:mg\b|or (?:more|above|over|higher)\b))";

    // The count falling, in a dependence frame.
    private const string FallWord = @"(?:'d\s+)?\b(?:drops?|drop|dropping|dropped|falls?|fell|collaps\w*|crash\w*|plummet\w*|tanks?|tanked|relaps\w*|dips?|dipped|bleeds?|bleed|goes down|go down|went down)\b";

    // Words that make a harm worse or more exact: "gave her really bad headaches", "caused a nasty rash".
    private const string HarmWords = @"(?:(?:a|an|really|very|so|quite|bad|severe|terrible|awful|horrible|nasty|some|significant|marked|dreadful|unbearable|her|his|my|their|the|raised|high|low)\s+){0,3}";

    // Order matters: the first rule that matches a stretch of text claims it.
    private static readonly PhraseRule<TreatmentOutcome>[] Rules =
    [
        new(TreatmentOutcome.Intolerant,
            @"\b(?:couldn't|could not|can't|cannot|didn't|did not|unable to) tolerate\b|\bnot tolerated\b|\bpoorly tolerated\b|" +
            // "tolerated MMF poorly", "tolerated it badly".
            @"\btolerated\b(?:\s+[\w']+){0,3}?\s+(?:poorly|badly|terribly)\b|" +
            // A value the drug drove out of range: "sent her sugars through the roof", "sent my blood pressure sky high".
            @"\b(?:sent|sends|sending|pushed|drove|shot)\s+(?:(?:her|his|my|their|the|him|me|them)\s+)?(?:blood\s+)?(?:pressure|sugars?|glucose|bp|lfts|alt|liver (?:tests|enzymes)|weight|temperature)\s+(?:[\w']+\s+)?(?:through the roof|sky[- ]high|haywire|off the scale|soaring)\b|" +
            @"\b(?:blood pressure|bp|sugars?|glucose|lfts|liver (?:tests|enzymes)|alt)\s+(?:\w+\s+)?(?:through the roof|sky[- ]high|off the scale)\b|" +
            // "intol - diarrhoea": the chart's shorthand.
            @"\bintol(?:eran\w*|\b)|\bside[- ]?effects?\b|\badverse (?:effects?|events?|reactions?)\b|\btoxicit\w*|\btoxic\b|" +
            @"\ballerg\w*|\breaction to\b|\bmade " + Pronoun + @" (?:too |so |very |really )?(?:sick|ill|unwell|nauseous|poorly)\b|" +
            // A harm named, then the stop: "diarrhoea, stopped", "headaches so stopped", "liver tests up - stopped".
            // "fibrosis grade 2 on BM -> stopped", "haemolysis after the second, won't repeat".
            @"\b" + AdverseEffect + @"\b[\w\s,'>-]{0,60}?\b(?:so |and |then )?(?:stopp\w*|stop(?:ped)? it|discontinu\w*|came off|taken off|withdrawn|ceased|d/c|never again|won'?t (?:repeat|be repeated)|not (?:to be )?repeated|(?:didn'?t|did not|never) (?:complete|finish))(?!\w)|" +
            // "couldn't cope with the diarrhoea", "reacted badly to the first one".
            @"\b(?:couldn'?t|could not|can'?t|cannot|unable to) (?:cope with|put up with|stand|bear|handle|live with)\b|\breacted (?:badly|poorly|terribly|severely)\b|" +
            // Harm done to an organ: "messed up her liver", "made his kidneys worse", "wrecked her stomach".
            @"\b(?:messed up|wrecked|damaged|hurt|upset|affected|deranged|knocked|played havoc with)\b (?:her|his|my|their|the) (?:liver|kidneys?|kidney function|lfts|stomach|gut|bloods|bones)\b|" +
            @"\bmade (?:her|his|my|their|the) (?:liver|kidneys?|kidney function|lfts|stomach|gut|sugars?|bp|blood pressure|mood|sleep|skin)\b[\w\s]{0,12}?\b(?:worse|worsen|bad|awful|terrible|go up|rise|deteriorate)\b|" +
            @"\b(?:stopp\w*|discontinu\w*|came off|taken off|ceased)\b[\w\s]{0,15}?\b(?:when|after|as|once)\b[\w\s]{0,12}?\b(?:alt|ast|lfts|liver \w+|transaminases)\b|" +
            // A harm, then the stop: "gave her cataracts so we stopped it", "got a clot so it was stopped".
            // "made him so agitated he couldn't sleep, so they stopped them", "made her gums swell and her hands shake so it was stopped".
            @"\b(?:caused|causing|gave (?:her|him|me|them)|made (?:her|him|me|them)|led to|developed|got (?:a|an|bad|severe|terrible|awful))\b[\w\s',]{0,45}?\b(?:so|and|therefore)\b[\w\s']{0,25}?\b(?:stopp\w*|stop(?= it\b| them\b|$)|discontinu\w*|came off|taken off|took (?:her|him|me|them) off|withdrawn|never again)\b|" +
            // A harm the drug did, with no stop told: "gave her bad headaches", "the anti-D made her haemolyse",
            // "caused a DVT", "developed cataracts", "headaches on it".
            @"\b(?:caused|causing|gave (?:her|him|me|them|us)|giving (?:her|him|me|them|us)|made (?:her|him|me|them|us)|led to|triggered|brought on|resulted in|developed|got|getting)\s+" + HarmWords + AdverseEffect + @"(?!\w)|" +
            @"\b" + AdverseEffect + @"\s+(?:\w+\s+)?(?:on|from|with|because of) (?:it|them|this|that|the drug|the tablets)\b|" +
            // The stop and its reason: "stopped for a DVT", "fostamatinib: stopped, diarrhoea", "stopped after she became haemolytic".
            @"\b(?:stopp\w*|stop|discontinu\w*|came off|taken off|ceased|withdrawn|d/c)\b(?:\s*[,:-]\s*|\s+(?:[\w']+\s+){0,5}?(?:because of|due to|owing to|for|after|when|as|once|with)\s+(?:[\w']+\s+){0,8}?)" + HarmWords + @"(?:" + AdverseEffect + @"|blood sugars?|sugars?|glucose)(?!\w)|" +
            // Harm told as a value or an organ that went wrong: "her sugars went through the roof", "kidneys suffered".
            @"\b(?:" + AdverseEffect + @"|blood sugars?|sugars?|glucose|kidneys?|liver)\s+(?:\w+\s+)?(?:went up|shot up|rose|climbed|spiked|soared|worsened|got worse|went through the roof|went haywire|suffered|took a (?:hit|battering)|packed up|packed in)\b|" +
            @"\bhepatotoxic\w*|\bthrombos[ie]s on\b|\bclot(?:ted)? on\b|\btransaminitis\b|" +
            // "eltrombopag (liver)", "romiplostim (headaches)": a harm as the bracketed outcome cell of a list.
            @"\(\s*(?:liver|kidneys?|" + AdverseEffect + @")\s*\)|" +
            // Liver tests that rose on the drug: a reason to stop it (label stop rules), not a response.
            @"\b(?:liver (?:enzymes|tests|function(?: tests)?|bloods)|lfts|alt|ast|transaminases)\b[\w\s]{0,12}?\b(?:went up|went off|went wrong|went funny|shot up|climbed|jumped|rose|risen|raised|up|high|elevated|deranged|abnormal|increased|doubled|tripled|through the roof|sky high|skyrocketed)\b"),
        new(TreatmentOutcome.Dependent,
            @"\bdependen\w*|\bdepends on\b|" + DependenceCue + "|" +
            // A count held only at a dose: "only held while the dose was 20 or above", "kept her up only at 15 mg or more".
            @"\b(?:held|holds|holding|kept|keeps|keeping|works?|worked|stays?|stayed|fine|ok|okay|good|up)\b(?:\s+[\w']+){0,3}?\s+only\s+(?:while|when|at|on|above|over|with)\s+" + DoseThreshold + "|" +
            @"\bonly\s+(?:held|holds|works?|worked|stays? up|stayed up|(?:keeps?|kept) [\w']+ up)\s+(?:while|when|at|on|above|over|with)\s+" + DoseThreshold + "|" +
            // Good at one dose, a fall at a lower one: "fine on 20 mg, drops to single figures at 10", "ok while on 25 mg,
            // collapses at 12.5".
            @"\b(?:fine|ok|okay|good|stable|well|safe|great|up)\s+(?:while\s+)?(?:on|at|with|above)\s+\d+(?:\.\d+)?\s*(?:mg\b)?[^.;\n]{0,40}?" + FallWord + @"[^.;\n]{0,30}?\b(?:at|below|under|on)\s+(?:\d|a lower|the lower|anything less|less)|" +
            // A fall the moment the dose went under a line: "fell the moment the dose went below 15".
            @"\b(?:the moment|the minute|the second|as soon as|once|when|whenever|every time|each time)\s+(?:the |her |his |my |their )?(?:dose|doses|steroids?|pred\w*)\s+(?:\w+\s+)?(?:went|goes|got|gets|dropped|fell|was|is|came|comes)\s+(?:below|under|beneath|lower than|down to)\b|" +
            // "taper failed below 15 mg", "failed every taper": the dose could not come down.
            @"\btaper\w*\s+(?:\w+\s+)?failed\b|\bfailed\s+(?:(?:to|the|a|every|each|all|several|two|three|multiple)\s+)?(?:\w+\s+)?taper\w*|" +
            // Needed or kept taking, or else a fall: "had to keep taking it or she'd drop", "needs 7.5 mg daily or plts fall".
            @"\b(?:needs?|needed|needing|requires?|required|keep taking|keeps taking|kept taking|keep having|keep on)\b[^.;\n]{0,35}?\bor\s+(?:else\s+)?(?:otherwise\s+)?(?:[\w']+\s+){0,2}?" + FallWord + "|" +
            // "pred (steroid-dep)": the shorthand of a chart.
            @"\b(?:steroid|pred|ivig|tpo)[- ]?dep\b|" +
            // A threshold or a taper the count does not survive: "worked until the dose came down", "fine until we
            // tapered", "only holds above 10 mg".
            @"\b(?:until|till|til|when|once|whenever|as soon as)\s+(?:the |her |his |my |their )?(?:dose|doses|steroids?|pred\w*)\s+(?:\w+\s+)?(?:came down|went down|was (?:reduced|lowered|cut|tapered|weaned|dropped)|got (?:reduced|lowered|cut)|dropped|fell|reduced|lowered)\b|" +
            @"\b(?:fine|ok|okay|good|stable|well|holds?|held|worked|works)\s+(?:until|till|til|unless|as long as)\s+(?:we|i|they|you|she|he)\s+(?:\w+\s+)?(?:taper\w*|wean\w*|reduc\w*|cut|lower\w*|go (?:below|under|down)|went (?:below|under|down))\b|" +
            @"\bonly (?:holds?|works?|stays? up|keeps? (?:her|him|me|it|them|the count) up|effective)\b[\w\s]{0,10}?\b(?:above|over|on|at)\s+\d+(?:\.\d+)?\s*mg\b|" +
            // "crashes when doses are missed", "drops if she skips a dose": the count needs every dose.
            @"\b(?:crash\w*|drops?|dropp\w*|falls?|fell|plummet\w*|tank\w*|relaps\w*)\b[\w\s]{0,15}?\b(?:when|if|whenever|every time|each time|after)\b[\w\s]{0,12}?(?:\b(?:miss\w*|skip\w*|delay\w*|late with)\s+(?:a |any |the |her |his |my |one )?(?:dose|doses|injection|injections|tablet|tablets|infusion|infusions)\b|\b(?:dose|doses|injection|injections|infusion|infusions) (?:are |is |get |gets |were |was )?(?:missed|skipped|delayed|late)\b)|" +
            // A count held up only by going on: "IVIG every 3 weeks or she crashes", "still need 10 mg or it drops",
            // "only stays up on 20 mg", "crashed every time we got below 10 mg", "hasn't let us cut it".
            @"\bevery \d+ (?:days|weeks|months) (?:or|otherwise|(?:just )?to (?:keep|hold|maintain))\b|\b(?:crash\w*|drops?|dropped|falls?|fell) every time\b|" +
            @"\bstill need\w* \d+\s*mg\b|\bonly stays? up on\b|\b(?:hasn'?t|has not|haven'?t|won'?t|doesn'?t) let (?:us|me|them|her|him) (?:cut|reduce|taper|stop|lower)\b|\bneeds? " + Pronoun + @" (?:to|for)\b|\bkeeps? (?:the |her |his )?counts? up\b|" +
            @"\b(?:can't|cannot|unable to|couldn't|could not) (?:come off|taper|stop|wean|get off|get (?:below|under|lower than|down to|beneath))\b|" +
            @"\b(?:relaps\w*|drops?|dropp\w*|falls?|fell|c[ao]mes? back)\b[\w\s]{0,12}?\b(?:below|under|less than|lower than)\s+\d+(?:\.\d+)?\s*mg\b|" +
            @"\bwithout (?:the )?(?:count|counts|platelets|plt|itp) (?:dropping|falling|crashing|relapsing|going down)\b|" +
            // Habitual: "relapses on taper", "drops whenever we reduce". A relapse once on the taper ("relapsed on
            // taper") is a response lost: relapsed.
            @"\b(?:relapses|relapsing|drops?|falls?) (?:on|when|whenever|with|during|after) (?:\w+ )?(?:taper\w*|wean\w*|reduc\w*|dose reduction)\b|" +
            // Every time it is stopped (habitual, present tense) is dependence; "relapsed after stopping" once is a relapse.
            @"\b(?:relapses|drops?|falls?|comes back) (?:on|when|whenever|if|after) (?:\w+ )?stopp\w*\b|" +
            @"\b(?:relaps\w*|drop\w*|falls?|fell|c[ao]mes? back|return\w*) (?:\w+ )?(?:whenever|every time|each time)\b|" +
            @"\bon maintenance\b|\bmaintenance (?:dose|therapy)\b|" +
            // "she'd drop without it", "he bleeds without them": the count held only while it is given.
            @"\b(?:drops?|dropp\w*|'d drop|falls?|fall|crash\w*|bleeds?|relapses?) without (?:it|them|the \w+)\b|" +
            // A dose threshold: "as soon as we go to 7.5 she drops under 20", "if we cut to 5 mg he falls".
            @"\b(?:as soon as|whenever|every time|each time|if|when) (?:we|i|they|you|she|he) (?:\w+ )?(?:go|get|drop|come|cut|reduce|wean|taper|lower)\w* (?:down |back )?(?:to|below|under) [\d.]+(?:\s*mg)?\b[\w\s]{0,20}?\b(?:drops?|falls?|crash\w*|goes (?:below|under|down)|relapses?|plummets?|tanks?)\b|" +
            // "couldn't get her off it", "every time we weaned below 7.5 she dropped", "drops every time we go under 10 mg".
            @"\b(?:can't|cannot|unable to|couldn't|could not|never)(?: managed to| been able to| able to| seem to)? (?:get|got|getting) (?:her|him|me|them|us) off\b|" +
            @"\b(?:every|each) time (?:we|i|they|you|she|he) (?:\w+ ){0,2}?(?:wean\w*|taper\w*|reduc\w*|cut|lower\w*|go|went|get|got|come|came|drop\w*|tried)\b[\w\s.]{0,30}?\b(?:below|under|down|off|lower)\b|" +
            // "gets it monthly", "needs it every 3 weeks": a drug given again and again to hold the count.
            @"\b(?:gets?|getting|needs?|needing|has|having|given|receives?) (?:it|them|ivig|infusions?|top-?ups?) (?:\w+ )?(?:monthly|fortnightly|every (?:\d+(?:-\d+)? |few |couple of |other )?(?:weeks?|months?))\b"),
        new(TreatmentOutcome.Relapsed,
            RelapseCue + "|" +
            // "1L pred (R->rel)", "R then rel": a response, then its loss, in a chart's shorthand.
            @"(?<![\w/])r\s*(?:->|>|\u2192|then|,)\s*(?:rel|relapse\w*|lost)\b|" +
            // "lasting only 2-3/52": a response with a length in a chart's shorthand.
            @"\b(?:lasted|lasting|lasts)\b(?:\s+(?:only|about|around|just|for|roughly|approx))*\s*~?\s*\d+(?:\s*-\s*\d+)?\s*/\s*(?:7|52|12)\b|" +
            // "which got me 18 months", "gave him years": a stretch of good counts the drug bought, now over.
            @"\b(?:gave|got|bought|won)(?: (?:me|her|him|them|us))? (?:(?:about|around|nearly|almost|a good|another|over|just)\s+)?(?:(?:\d+|a|one|two|three|four|five|six|a few|a couple of|several)\s+)?(?:good |decent |normal |safe )?(?:days|weeks|wks|months|mths|mos|years|yrs|month|year|week|wk|fortnight)\b(?!\s+(?:and counting|so far|now|of (?:it|treatment|pred\w*|steroids?|ivig|dex\w*)|off|ago))|" +
            @"\b(?:until|till|til|before) (?:the |her |his |my |their )?(?:count|counts|platelets?|plts?|itp) (?:\w+ )?(?:slid|slipped|sank|dipped|drifted|crashed|dropped|fell)\b|" +
            @"\b(?:slid|slipped|sank|dipped|drifted) (?:back )?(?:down )?again\b|" +
            // "only for a fortnight", "only lasts a week": a short length told with "only" (a response and its
            // length in other words is the structural reader's: Outcomes/OutcomeEvidenceReader).
            @"\bonly (?:for |lasts? |lasting |lasted )?(?:about |around |roughly )?(?:a|one|two|three|four|\d+) (?:fortnight|days?|weeks?|wks?|months?)\b(?!\s+(?:in|into|ago|so far|now|old|of treatment|on it)\b)|" +
            // "gave a bump for a week", "a rise for 3 days": an effect with a short length.
            @"\b(?:bump|boost|lift|rise|blip|increase)\s+for\s+(?:only\s+|just\s+|about\s+|around\s+)?(?:a|one|two|three|four|a few|a couple of|\d+)\s+(?:days?|weeks?|wks?|fortnight)\b|" +
            // "bumped her up for a couple of weeks", "pushed my count up for a few days": the same, told with the verb.
            @"\b(?:bumped|boosted|lifted|pushed|brought|got|put)\s+(?:(?:her|him|me|them|it|the count|(?:her|his|my|their) (?:count|platelets))\s+)?up\s+for\s+(?:only\s+|just\s+|about\s+|around\s+)?(?:a|one|two|three|four|a few|a couple of|\d+)\s+(?:days?|weeks?|wks?|fortnight)\b|" +
            @"\b(?:short|brief|small|temporary|quick) (?:bump|rise|boost|lift|increase|improvement|response)\b|" +
            @"\b(?:worked|responded|response|respon\w+|helped|good|great|brilliant|excellent|ok|fine|improved|bump|rise|boost|went up|came up|rose|increase|partial\w*|held|up to \d+)\b[\w\s',]{0,25}?\b(?:then|but|and then|before|until)\b[\w\s',]{0,20}?\b(?:relaps\w*|dropped|fell|slid|slipped|sagged|sank|dipped|crashed|tailed off|lost|stopped working|wore off|came back down|(?:go|goes|went|going|gone|come|comes|came) down|fell away|fall away|dropped off|back (?:down|under|below|to where|to square one)|lost (?:it|them|that)|came back" + NotRecovery + @"|returned(?! to\b))\b|" +
            ItpCameBack + @"|" + ItpReturned + @"|" +
            @"\b(?:dropped|fell|went down|crashed) again\b|" +
            @"\b(?:dropped|fell|went down|crashed)(?: again)?" + AfterStopping + "|" +
            OtherSubject + @"\b(?:came back|returned)(?: again)?" + AfterStopping + "|" +
            @"\brelaps\w*|\bstopped working\b|\blost (?:the |its |his |her |their )?(?:response|effect)\b|\bwore off\b|\bworn off\b|" +
            @"\btransient\w*|\btemporar(?:y|ily)\b|\bbriefly\b|\bshort[- ]lived\b|\binitial response\b|\bcame back down\b|" +
            @"\bno longer (?:works?|working|effective|responding)\b|\bloss of response\b|\brecurr\w*|" +
            @"\bonly (?:briefly|for a (?:bit|while|short time|fortnight))\b|" +
            // A response with a length, or one that faded: "lasted about 2 weeks", "PR lasting 2 yrs", "never lasts",
            // "drifted back down", "back in the teens now", "before it all came back".
            @"\b(?:only )?(?:lasted|lasting|lasts) (?:only |about |around |just |for |roughly |some |nearly |almost |maybe |perhaps )*(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|\d+|(?:a )?(?:couple of|few)) (?:fortnight|days?|weeks?|months?|years?|yrs?)\b|" +
            // "partial response that was lost a month after finishing it".
            @"\b(?:response|effect|benefit)\b[\w\s]{0,25}?\b(?:was|were|got|is) lost\b|" +
            // "..., until the count fell despite the max dose": a response that ended.
            @"\buntil (?:the |her |his |my |their )?(?:count|counts|platelets?|plts?|itp) (?:\w+ )?(?:fell|dropped|slid|slipped|sagged|sank|dipped|crashed|went down|came back|started to (?:fall|drop))\b|" +
            @"\bnever lasts?\b|\buntil (?:it|that|they) (?:suddenly |just |eventually |finally )?(?:didn't|did not|faded|stopped|wore off|wasn't|didn't any more)\b|\b(?:response|effect|benefit|it) (?:\w+ )?(?:faded|waned|petered out)\b|" +
            @"\b(?:lasted|lasting|lasts) (?:only |about |around |just |for |roughly )*\d+\s*(?:-|to)\s*\d+ (?:days|weeks|months)\b|\bback down to \d+\b|\bdrift\w* (?:back )?down\b|\bback (?:down )?(?:in|into|to) (?:the )?(?:teens|twenties|single figures)\b|\bit all came back\b"),
        new(TreatmentOutcome.NoResponse,
            NoResponseCue + "|" +
            // "steroids worked, ritux didn't": a denial closing the drug's clause, its verb left out.
            @"(?<!\b(?:i|we|you|she|he|they|it|who)\s)\b(?:didn'?t|did not|never did|hasn'?t|has not)(?=\s*(?:$|\n|[.;,!)]))|" +
            // "never really worked", "didn't actually help": an adverb between the denial and the verb.
            @"\b(?:never|didn'?t|did not|doesn'?t|does not|hasn'?t|has not) (?:really|actually|ever|properly|fully|quite|much|truly) (?:work|worked|respond|responded|help|helped)\b|" +
            // "neither dapsone nor danazol made any difference": the denial is the outcome of both, not of the drugs.
            @"\bneither\b[\w\s,'-]{0,40}?\bnor\b[\w\s,'-]{0,40}?\b(?:made (?:a|any|much) difference|worked|helped|did anything|did much|did a thing|responded|had (?:any|much) effect|raised (?:the|her|his|my) count|(?:produced|gave|caused|brought|achieved|showed|made) (?:any|a|much)\b|shifted|moved|budged|touched)\b|" +
            // "pred => nil", "IVIG - nil": nothing, in a table cell.
            @"(?<=(?:[:=>(/|-])\s?)nil\b|" +
            // A count still low after months or the top dose: "4 months at max dose, count still 12", "plt 10-15 throughout".
            @"\b(?:count|counts|platelets?|plts?)\s+(?:is\s+|are\s+|was\s+)?(?:still|stuck at|remains?|remained|unchanged at)\s+(?:at\s+|around\s+|about\s+|only\s+)?(?:[0-9]|[12][0-9])\b(?![\d.])(?:(?<=\b(?:months?|max(?:imum)? dose|top dose|full course|highest dose)\b[^.;\n]{0,50})|(?=[^.;\n]{0,50}\b(?:months?|max(?:imum)? dose|top dose|full course|highest dose)\b))|" +
            @"\b(?:count|counts|platelets?|plts?)\s+(?:[0-9]|[12][0-9])(?:\s*-\s*(?:[0-9]|[12][0-9]))?\s+(?:throughout|the whole time|all along|the entire time|all the way through)\b|" +
            // "avatrombopag (nothing)", "dex (NR)": the outcome cell of a list told in brackets.
            @"\(\s*(?:absolutely |really |just )?(?:nothing|none|no effect|no response|no change|nr)\s*\)|" +
            // "rituximab nothing", "MMF - nothing": the outcome cell of a story told as a table.
            @"(?<=\w\s)(?<!\b(?:had|has|have|having|take|takes|taking|took|on|with|for|about|know|knew|say|said|says|noticed|felt|feel|see|saw|eat|ate|eating|do|does|doing|is|was|there)\s)(?:absolutely |really |just )?nothing(?=\s*(?:$|\n|[.;,!/|]|\d{1,2}\)\s))|" +
            // "did very little", "barely moves his count", "hardly shifted it": too little an effect to be a response.
            @"\bdid (?:very |so |precious )?little\b|\b(?:barely|hardly) (?:moves?|moved|moving|shift\w*|budg\w*|touch\w*|rais\w*|lift\w*|did anything|does anything|made (?:a|any) difference|makes (?:a|any) difference)\b|" +
            @"\bdid nothing\b|\bdidn'?t (?:do anything|work|help|respond)\b|\bdoesn'?t (?:work|help)\b|\bdid not (?:do anything|work|help|respond)\b|" +
            @"\bno (?:response|effect|improvement|benefit|change|rise|increase|good)\b(?!\s+(?:yet|so far|as yet))|\bnon[- ]?respon\w*|\bunresponsive\b|" +
            @"\brefractory\b|\bfail(?:ed|ure|s|ing)?\b|\bineffective\b|\bnot (?:effective|helpful)\b|\buseless\b|" +
            @"\bnever (?:worked|responded|helped)\b|\bnothing happened\b|\bnot respond\w*|\bwithout (?:any )?(?:response|effect|benefit|improvement|change)\b|" +
            @"\b(?:neither|none) (?:of (?:them|these|those|the \w+) )?(?:worked|helped|did anything|did a thing|made (?:a|any) difference|responded|did much|held|shifted|moved|budged|raised|changed|touched)\b|" +
            @"\b(?:no|not any|without) (?:real |meaningful |significant )?(?:difference|bump|rise in (?:the )?(?:count|platelets))\b|\bdidn'?t (?:budge|move|shift)\b|" +
            // "didn't do a thing", "hasn't worked", "made no diffrence", "no responce", "x4 NR", "MMF tried, nothing".
            @"\bdidn'?t (?:do (?:a thing|much)|raise (?:him|her|me|them|it|the count)|move (?:the|her|his|my) (?:count|platelets)|either)\b|" +
            @"\b(?:hasn'?t|has not|haven'?t|have not) (?:worked|helped|done anything|done much)\b|\b(?:made|makes) no (?:real )?diff?e?rence\b|" +
            @"\bno (?:real )?respon[cs]e\b|\b(?:not|isn'?t|is not|aren'?t|wasn'?t|was not) (?:really )?(?:working|helping|doing (?:anything|much))\b|" +
            // "never got her count over 30", "never got above 20 on it".
            @"\bnever (?:got|get|went|came|rose|climbed|raised|brought|pushed|lifted|took) (?:(?:her|his|my|their|the|it|them|him|me|us) )?(?:counts? |platelets? |plts? )?(?:over|above|past|beyond|up|higher than)\b|\bno better\b|\bnr\b|(?<=[:,;=-]\s?)(?:and )?nothing(?=\s*(?:$|\n|[.;,/|]|\d{1,2}\)\s))"),
        // "unclear effect so far", "early days", "been on it for 10 days", "we gave IVIg yesterday", "azathioprine since":
        // time cues of a course under way; a doubt with "so far" is too early to judge, not unknown.
        new(TreatmentOutcome.Ongoing,
            OngoingCue + "|" +
            // "Revolade 25 started 1/52", "since 2/52", "been on 10 days", "three weeks into Doptelet", "IVIG running",
            // "the trial drug since Monday": a course begun days or weeks ago, or under way now.
            @"\b(?:(?:re)?start(?:ed)?|commenced|began|begun|initiated)\b(?: [\w.+-]+){0,3}? (?:\d+\s*/\s*(?:7|52)|[1-3]\s*/\s*12)(?!\s*ago)(?![\w/])|\bsince \d+\s*/\s*(?:7|52)(?![\w/])|" +
            @"\bbeen on(?: it| them)?(?: for)? (?:about |around |just |only )?(?:\d+|a|one|two|three|four|five|six|ten|a few|a couple of) (?:days?|weeks?|wks?)\b(?! (?:before|after|then|but|and then))|" +
            @"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of|several) (?:days?|weeks?|wks?) into\b|" +
            // "on his 4th week of fostamatinib", "in her second month on avatrombopag".
            @"\b(?:on|in) (?:(?:his|her|my|their|its|the)\s+)?(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth) (?:day|week|wk|month|cycle|dose) (?:of|on)\b|" +
            // "started Thursday", "started Nov." (no year: this year's).
            @"\bstarted (?:on |last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:started|began|commenced|initiated) (?:in )?(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b(?!\s*'?\d)|" +
            @"\b(?:running|infusing|going in|in progress|under way|underway)\b(?!\s+(?:at|low|high|about|around|out|over|through|in the))|" +
            @"\bsince (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last (?:week|night))\b|" +
            @"\b(?:been on|been taking|on it|on them|taking it|taking them)\b(?: \w+)?(?: \w+)? for (?:the (?:last|past) )?(?:\d+|a|one|two|three|four|five|six|ten|a few|a couple of) (?:days?|weeks?|wks?)\b(?! (?:before|after|then|but|and then))|" +
            @"\b(?:gave|given|had|got|received|started|infused|loaded)\b[\w\s]{0,30}?\b(?:yesterday|today|this morning|last night|overnight)\b|" +
            @"\bfor the (?:last|past) (?:\d+|a few|couple of|two|three|four|five|six|ten) (?:days?|weeks?|wks?)\b|" +
            // "azathioprine since", "on it since 3 weeks": taken from then until now ("fine ever since" is a response).
            @"(?<=\w )(?<!\b(?:ever|fine|well|stable|steady|ok|okay|good|great|normal|up|remission|\d+) )since(?: then)?(?=\s*(?:$|\n|[,.;]))|" +
            @"\bsince (?:\d+|a few|a couple of|one|two|three|four|five|six) (?:days?|weeks?|wks?)\b(?! ago)"),
        // "not sure how it went", "response unknown": the outcome is not known, and asking again would not help.
        new(TreatmentOutcome.Unknown,
            UnknownCue + "|" +
            @"\b" + Doubt + @"\b (?:how|if|whether|what) (?:it|that|this|they|those|she|he|i|either|both|any|anything|either of them|any of them|the \w+) (?:\w+ )?(?:went|worked|helped|did|responded|made a difference)\b|" +
            @"\b(?:response|outcome|effect) (?:is |was )?(?:unknown|not known|unclear|not recorded)\b|\bunknown (?:response|outcome|effect)\b|(?<=^|[,;]\s?|\w\s)unknown\s*(?=$|[,;.\n])"),
        new(TreatmentOutcome.Ongoing,
            @"\btoo (?:early|soon)\b|\bjust start(?:ed|ing)\b|\b(?:recently|newly) started\b|\bstarted (?:recently|last week|this week|yesterday|\d+ (?:days?|weeks?) ago)\b|" +
            @"\bawaiting (?:a )?response\b|\bwait and see\b|\bstarted (?:today|this morning|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b|" +
            // "switched to avatrombopag", "changed to eltrombopag": the drug now given; "romi (ongoing, wk 3)", "pred d5",
            // "fostamatinib week 5", "due tomorrow", "first dose was 2 weeks ago": a course under way.
            @"\b(?:switched|changed|moved|swapped) (?:over |on )?to\b|\b(?:day|wk|week) \d{1,2}\b(?! (?:of|after|post) (?:stopping|finishing))|\b(?:d|wk)\d{1,2}\b|" +
            @"\b(?:next dose|dose) (?:is )?due\b|\bdue (?:today|tomorrow|this week|next week)\b|\bfirst dose\b|" +
            // "restarted pred a fortnight ago", "started 2/52 ago", "2 weeks in".
            @"\b(?:re)?start(?:ed)?\b(?: [\w.-]+){0,3}? (?:a fortnight|a week|a few (?:days|weeks)|(?:\d+|one|two|three|four)(?:/52|/7| days?| weeks?| wks?)) ago\b|" +
            @"\b(?:\d+|one|two|three|four|five|six) (?:days?|weeks?|wks?) in\b"),
        new(TreatmentOutcome.Response,
            ResponseCue + "|" +
            // "has him at 70 now", "keeping me at about 80", "kept her about 50", "got him to 45": the drug holds the
            // count at the response count or above (IWG 2009: 30; the cue reads the number as told).
            @"\b(?:has|have|had|got|gets|getting|keeps?|keeping|kept|holds?|holding|held|brought|brings|took|takes|taken) (?:him|her|me|them|us|it|the count|(?:her|his|my|their) (?:count|platelets|plts))(?: up)? (?:(?:at|to|around|about|near|over|above|into|in the)\s+)?(?:(?:about|around|roughly|near|over|above|~)\s*)?(?:[3-9]\d|[1-9]\d{2,})s?\b(?![\d.]|\s*(?:mg|mcg|kg|%|days?|weeks?|wks?|months?|years?|yrs?|times?|x\b|/))|" +
            // "avatrombopag now and it's 120": the count told as "it" right after the drug taken now.
            @"\b(?:now,? and|and now|and) (?:it's|it is|its) (?:now )?(?:at )?(?:(?:about|around|~)\s*)?(?:[5-9]\d|[1-9]\d{2,})\b(?![\d.]|\s*(?:mg|mcg|kg|%|days?|weeks?|wks?|months?|years?|yrs?|x\b|/))|" +
            // "plts now 120", "count is now around 90": a count of 50 or more told as now.
            @"\b(?:platelets?|counts?|plts?)(?: (?:are|is|have been|has been))? now (?:at |around |about |up to |over |above )?(?:[5-9]\d|[1-9]\d{2,})\b(?!\s*(?:mg|mcg|kg|%))|" +
            @"\brespon(?:ded|ding|se|sive|der)\b|\bworked\b|" +
            // A table cell's shorthand: "eltrom (R, maintained)", "romi: resp", "pred = R", "eltrom R currently": a lone
            // "r" in the drug's own clause (never "r/o" or a word's letter).
            // "cured" is the outcome-frame 'worked' word read alone ("splenectomy = cured").
            @"\bcured\b|\bresp\b(?!\s*(?:rate|rr|distress|failure|infection|tract))|(?<![\w/&'.-])r(?![\w/&'-]|\.\w)|\bworks\b|\bworking\b|\beffective\b|\bremission\b|\bimproved\b|" +
            @"\b(?:stable|steady|settled|doing well|well controlled|controlled|maintained|in remission) on\b|\bcounts? (?:came|went) up\b|\bcame back (?:up|to normal|normal)\b|\bnormali[sz]ed\b|\bsuccess\w*|\bhelped\b|\bgood (?:effect|result)\b|\bcr\b|\bpr\b|" +
            // "has kept me above 50", "has been brilliant", "got her count up and it has held", "above 100 ever since".
            @"\bkept (?:me|her|him|them|the count|it) (?:above|over|stable|steady|up|well|safe)\b|\bhas been (?:brilliant|great|excellent|good|fantastic)\b|" +
            @"\b(?:platelets?|counts?|plts?) (?:are|is|was|were|have been|has been|now|stay|stays|staying) (?:fine|good|great|normal|ok|okay|stable|healthy|safe)\b|" +
            // "now on romiplostim with a count of 85": a count of 50 or more on the drug.
            @"\bwith (?:a |her |his |my )?(?:platelet )?(?:counts?|platelets?|plts?) (?:of |at |around |about )?(?:[5-9]\d|[1-9]\d{2,})\b(?!\s*(?:mg|kg|%))|" +
            @"\b(?:it )?has held\b|\bholding (?:fine|well|up|steady|nicely)\b|\b(?:doing|going) (?:ok|okay|fine|alright|great|nicely)\b|" +
            @"\b(?:it's|it is|it has been|it's been|which is|that's) (?:great|brilliant|excellent|fantastic|good)\b|\b(?:and|but|now|remains?|stays?|staying|still|is) (?:stable|steady)\b|" +
            // "off steroids with counts over 100", "counts are 100+": a count of 50 or more held on the drug.
            @"\b(?:platelets?|counts?|plts?) (?:(?:are|is|have been|has been|now|consistently|stably|always|well)\s+){0,2}(?:over|above|>|>=) ?(?:[5-9]\d|[1-9]\d{2,})\b(?![\d.]|\s*(?:mg|mcg|kg|%))|" +
            @"\b(?:platelets?|counts?|plts?) (?:(?:are|is|have been|has been|now)\s+)?(?:[5-9]\d|[1-9]\d{2})\+|" +
            // "Revolade - fine, ongoing", "romi - 1 yr - great", "eltrombopag (good, ongoing)": a good word alone as the
            // outcome cell of a list.
            @"(?<=[:=>(-]\s?)(?:good|great|fine|excellent|brilliant|v good|very good)(?=\s*(?:$|\n|[.;,)/|]))|" +
            @"\b(?:been|stayed|kept) (?:fine|stable|steady|ok|okay|good) (?:ever )?since\b|\bup to (?:[5-9]\d|[1-9]\d{2,})\b(?!\s*(?:mg|mcg|kg|%|days?|weeks?|months?|times?))|\bgot (?:her|his|my|their|the) counts? up\b|\bever since\b|\bdoing well\b|\bwhich did\b"),
        new(TreatmentOutcome.Ongoing,
            @"\bstill (?:on|taking)\b|\bcurrently (?:on|taking)\b|\b(?:is|are|i'm|i am) (?:on|taking) (?:it|them)\b|\bongoing\b|" +
            @"\bon it now\b|\bcontinu(?:ing|es)\b|\bcurrent\b"),
    ];

    /// <summary>The outcome an answer describes; null when it describes none.</summary>
    public TreatmentOutcome? Recognize(string? text)
    {
        var typed = UnderstandingText.Normalize(text);
        var normalized = OutcomeSpelling.Respell(typed, UnderstandingText.Words(typed));
        // The cue words and the structure of the answer ("it was good for a week", "it gave her awful heartburn").
        var outcomes = FindAll(normalized).Select(m => m.Value)
            .Concat(OutcomeEvidenceReader.Read(normalized, []).Select(e => e.Outcome))
            .ToList();
        return outcomes.Count == 0 ? null : outcomes.OrderBy(Rank).First();
    }

    /// <summary>Every outcome phrase in a normalised text, with where it is.</summary>
    /// <summary>Every outcome phrase, denied or not ("no side effects on eltrombopag"): what to blank before asking
    /// whether a therapy itself is denied.</summary>
    internal List<PhraseMatch<TreatmentOutcome>> FindAllPhrases(string normalized) => PhraseRules.FindAll(Rules, normalized);

    internal List<PhraseMatch<TreatmentOutcome>> FindAll(string normalized) =>
        PhraseRules.FindAll(Rules, normalized,
            (start, length) => Negation.IsNegated(normalized, start, length, maxWordsBetween: OutcomeNegationReach));

    // "never relapsed", "not really dependent": a denial only reaches the next word or so, or "no side effects
    // and it worked" would deny the response too.
    private const int OutcomeNegationReach = 1;

    // When one answer holds several, the most informative wins ("responded but side effects" is intolerant).
    internal static int Rank(TreatmentOutcome outcome) => outcome switch
    {
        TreatmentOutcome.Intolerant => 0,
        TreatmentOutcome.Dependent => 1,
        TreatmentOutcome.Relapsed => 2,
        TreatmentOutcome.NoResponse => 3,
        TreatmentOutcome.Response => 4,
        _ => 5,
    };
}
