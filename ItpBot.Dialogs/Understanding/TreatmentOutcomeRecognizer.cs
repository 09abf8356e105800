using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>How a treatment went, in the words clinicians and patients use ("worked then relapsed", "did nothing").</summary>
public sealed class TreatmentOutcomeRecognizer
{
    private const string Pronoun = @"(?:it|them|this|that|these|him|her|me|the \w+)";

    // Order matters: the first rule that matches a stretch of text claims it.
    private static readonly PhraseRule<TreatmentOutcome>[] Rules =
    [
        new(TreatmentOutcome.Intolerant,
            @"\b(?:couldn't|could not|can't|cannot|didn't|did not|unable to) tolerate\b|\bnot tolerated\b|\bpoorly tolerated\b|" +
            @"\bintoleran\w*|\bside[- ]?effects?\b|\badverse (?:effects?|events?|reactions?)\b|\btoxicit\w*|\btoxic\b|" +
            @"\ballerg\w*|\breaction to\b|\bstopped (?:due to|because of)\b|\bmade " + Pronoun + @" (?:sick|ill|unwell)\b|" +
            @"\bhepatotoxic\w*|\bthrombos[ie]s on\b|\bclot(?:ted)? on\b"),
        new(TreatmentOutcome.Dependent,
            @"\bdependen\w*|\bdepends on\b|\bneeds? " + Pronoun + @" (?:to|for)\b|\bkeeps? (?:the |her |his )?counts? up\b|" +
            @"\b(?:can't|cannot|unable to|couldn't|could not) (?:come off|taper|stop|wean|get off)\b|" +
            @"\b(?:relaps\w*|drops?|dropped|falls?|fell) (?:on|when|whenever|with|during|after) (?:\w+ )?(?:taper\w*|wean\w*|stopp\w*|reduc\w*|dose reduction)\b|" +
            @"\bon maintenance\b|\bmaintenance (?:dose|therapy)\b"),
        new(TreatmentOutcome.Relapsed,
            @"\b(?:worked|responded|response|respon\w+|good|ok|fine|improved)\b[\w\s']{0,25}?\b(?:then|but|and then|before|until)\b[\w\s']{0,20}?\b(?:relaps\w*|dropped|fell|lost|stopped working|wore off|came back down)\b|" +
            @"\brelaps\w*|\bstopped working\b|\blost (?:the |its |his |her |their )?(?:response|effect)\b|\bwore off\b|\bworn off\b|" +
            @"\btransient\w*|\btemporar(?:y|ily)\b|\bbriefly\b|\bshort[- ]lived\b|\binitial response\b|\bcame back down\b|" +
            @"\bno longer (?:works?|working|effective|responding)\b|\bloss of response\b|\brecurr\w*"),
        new(TreatmentOutcome.NoResponse,
            @"\bdid nothing\b|\bdidn't (?:do anything|work|help|respond)\b|\bdid not (?:do anything|work|help|respond)\b|" +
            @"\bno (?:response|effect|improvement|benefit|change|rise|increase|good)\b|\bnon[- ]?respon\w*|\bunresponsive\b|" +
            @"\brefractory\b|\bfail(?:ed|ure|s|ing)?\b|\bineffective\b|\bnot (?:effective|helpful)\b|\buseless\b|" +
            @"\bnever (?:worked|responded|helped)\b|\bnothing happened\b|\bnot respond\w*|\bwithout (?:any )?(?:response|effect|benefit)\b"),
        new(TreatmentOutcome.Ongoing,
            @"\btoo (?:early|soon)\b|\bjust started\b|\b(?:recently|newly) started\b|\bstarted (?:recently|last week|this week|yesterday|\d+ (?:days?|weeks?) ago)\b|" +
            @"\bawaiting (?:a )?response\b|\bwait and see\b"),
        new(TreatmentOutcome.Response,
            @"\brespon(?:ded|ding|se|sive|der)\b|\bworked\b|\bworks\b|\bworking\b|\beffective\b|\bremission\b|\bimproved\b|" +
            @"\bcounts? (?:came|went) up\b|\bnormali[sz]ed\b|\bsuccess\w*|\bhelped\b|\bgood (?:effect|result)\b|\bcr\b|\bpr\b"),
        new(TreatmentOutcome.Ongoing,
            @"\bstill (?:on|taking)\b|\bcurrently (?:on|taking)\b|\b(?:is|are|i'm|i am) (?:on|taking) (?:it|them)\b|\bongoing\b|" +
            @"\bon it now\b|\bcontinu(?:ing|es)\b|\bcurrent\b"),
    ];

    /// <summary>The outcome an answer describes; null when it describes none.</summary>
    public TreatmentOutcome? Recognize(string? text)
    {
        var normalized = UnderstandingText.Normalize(text);
        var matches = FindAll(normalized);
        return matches.Count == 0 ? null : matches.OrderBy(m => Rank(m.Value)).First().Value;
    }

    /// <summary>Every outcome phrase in a normalised text, with where it is.</summary>
    internal List<PhraseMatch<TreatmentOutcome>> FindAll(string normalized) =>
        PhraseRules.FindAll(Rules, normalized,
            (start, length) => Negation.IsNegated(normalized, start, length, maxWordsBetween: OutcomeNegationReach));

    // "never relapsed", "not really dependent": a denial only reaches the next word or so, or "no side effects
    // and it worked" would deny the response too.
    private const int OutcomeNegationReach = 1;

    // When one answer holds several, the most informative wins ("responded but side effects" is intolerant).
    private static int Rank(TreatmentOutcome outcome) => outcome switch
    {
        TreatmentOutcome.Intolerant => 0,
        TreatmentOutcome.Dependent => 1,
        TreatmentOutcome.Relapsed => 2,
        TreatmentOutcome.NoResponse => 3,
        TreatmentOutcome.Response => 4,
        _ => 5,
    };
}
