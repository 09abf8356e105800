using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Outcomes;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <param name="Treatments">Therapies with an outcome, in the order written.</param>
/// <param name="WithoutOutcome">Therapy ids named with no outcome: worth asking about.</param>
/// <param name="Classes">Classes named without saying which therapy ("TPO-RA failed"): worth asking about.</param>
public sealed record PriorTreatmentReading(
    IReadOnlyList<PriorTreatment> Treatments,
    IReadOnlyList<string> WithoutOutcome,
    IReadOnlyList<TherapyMention> Classes)
{
    public bool IsEmpty => Treatments.Count == 0 && WithoutOutcome.Count == 0 && Classes.Count == 0;

    /// <summary>How each of <see cref="Classes"/> went, where the sentence says ("failed a TPO-RA"); same order.</summary>
    public IReadOnlyList<TreatmentOutcome?> ClassOutcomes { get; init; } = [];
}

/// <summary>
/// Prior treatments from a sentence: "failed eltrombopag 75 mg and rituximab", "pred worked then relapsed,
/// romiplostim did nothing". An outcome belongs to the therapies of its part of the sentence, to the nearest one
/// when a part holds several; a dose written after a therapy becomes its note.
/// </summary>
public sealed partial class PriorTreatmentReader(TherapyRecognizer therapies, TreatmentOutcomeRecognizer outcomes)
{
    public PriorTreatmentReading Read(string? text) => Read(MessageText.Of(text));

    internal PriorTreatmentReading Read(MessageText text)
    {
        // "relasped", "no responce": the outcome grammar reads the words as meant (Outcomes/OutcomeSpelling).
        if (OutcomeSpelling.Respell(text.Normalized, text.Words) is var respelled && !ReferenceEquals(respelled, text.Normalized))
        {
            text = MessageText.OfNormalized(respelled);
        }

        var normalized = text.Normalized;
        var outcomeMatches = outcomes.FindAll(normalized);
        // An outcome's own denial ("can't taper pred", "neither worked") speaks of how it went, not of whether it
        // was given: the denial test reads the text with the outcome phrases blanked.
        var withoutOutcomes = Blank(normalized, outcomes.FindAllPhrases(normalized));
        var found = text.Therapies(therapies);
        var named = Combinations(normalized, WithoutTrialOfNamedDrug(normalized, found));
        // "dexamethasone, IVIG and rituximab - none of them lifted him": the list's quantifier tells how they went, it
        // does not deny that they were given.
        withoutOutcomes = BlankListQuantifiers(withoutOutcomes, named);
        var mentions = named
            .Where(m => (!Negation.IsNegated(withoutOutcomes, m.Start, m.Length) || SharesTheDenialBefore(normalized, m)) && !IsCount(normalized, m) && !IsOnlyPlanned(normalized, m)
                && !IsForSomethingElse(normalized, m) && !IsBoneScan(normalized, m) && !IsSpleenNotTakenOut(text, m) && !IsOffItSinceTheNext(normalized, m, named) && !IsHarmKind(normalized, m) && !IsNotGiven(normalized, m) && !NotGivenReader.IsNotGiven(normalized, m, named))
            .ToList();

        // The structure of each drug's clause (Outcomes/OutcomeEvidenceReader) adds its evidence to the cue words;
        // the precedence between them all is TreatmentOutcomeRecognizer.Rank.
        if (mentions.Count > 0)
        {
            outcomeMatches = outcomeMatches
                .Concat(OutcomeEvidenceReader.Read(normalized, mentions, named).Select(e => new PhraseMatch<TreatmentOutcome>(e.Outcome, e.Start, e.Length, normalized.Substring(e.Start, e.Length))))
                .OrderBy(o => o.Start)
                .ToList();
        }

        var parts = Parts(normalized)
            .Select(part => new Part(
                part,
                mentions.Where(m => part.Contains(m.Start)).ToList(),
                outcomeMatches.Where(o => part.Contains(o.Start)).ToList(),
                false))
            .Select(part => part with { HasOtherWords = HasOtherWords(normalized, part.Span, part.Mentions) })
            .ToList();

        var treatments = new List<PriorTreatment>();
        var withoutOutcome = new List<string>();
        var classes = new List<TherapyMention>();
        var classOutcomes = new List<TreatmentOutcome?>();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            for (var m = 0; m < part.Mentions.Count; m++)
            {
                var mention = part.Mentions[m];
                if (mention.IsClass)
                {
                    classes.Add(mention);
                    classOutcomes.Add(OutcomeFor(normalized, mention, part) ?? SharedOutcome(parts, i));
                    continue;
                }

                // A name may run past its part's end ("triple IS (aza, mmf, csa)" across the list's commas).
                var nextMention = Math.Max(mention.End, m + 1 < part.Mentions.Count ? part.Mentions[m + 1].Start : part.Span.End);
                var outcome = HarmInItsCell(normalized, mention, nextMention) ?? OutcomeFor(normalized, mention, part) ?? SharedOutcome(parts, i)
                    // "tried Nplate and Revolade, neither worked": every therapy of a part without an outcome of
                    // its own shares the one told after it.
                    ?? (part.Outcomes.All(o => IsEarlierInStory(normalized, o, mention)) ? FollowingOutcome(parts, i) : null)
                    ?? OnTreatment(normalized, mention);
                if (m == part.Mentions.Count - 1 && outcome is not null && Revision(parts, i, outcome.Value) is { } revised)
                {
                    outcome = revised;
                }

                // "then efgartigimod, same story", "dex did the same": the outcome of the therapy told before.
                if (outcome is null or TreatmentOutcome.Ongoing && treatments.Count > 0 && SaysSameAsBefore(normalized, parts, i))
                {
                    outcome = treatments[^1].Outcome;
                }
                // An operation is done once, never a course under way: "the jabs before my spleen op, and the boosters
                // since" tells of the vaccines, not of how the operation went.
                if (outcome is TreatmentOutcome.Ongoing && mention.TherapyId == TherapyIds.Splenectomy)
                {
                    outcome = null;
                }

                if (outcome is null)
                {
                    withoutOutcome.Add(mention.TherapyId!);
                    continue;
                }

                var note = Dose().Match(normalized[mention.End..nextMention]) is { Success: true } dose ? dose.Groups["dose"].Value.Trim() : null;
                treatments.RemoveAll(t => t.Therapy == mention.TherapyId);
                treatments.Add(new PriorTreatment(mention.TherapyId!, outcome.Value, note));
            }
        }

        Distribute(normalized, parts, mentions, treatments, withoutOutcome);
        DistributeInSentence(normalized, mentions, outcomeMatches, treatments, withoutOutcome);

        // "pred / IVIG / ritux - relapsed / relapsed / no response": outcomes told by position, when the counts match.
        foreach (var (drug, outcome) in PositionalOutcomes.Pair(normalized, mentions, outcomeMatches))
        {
            if (drug.TherapyId is { } id)
            {
                var index = treatments.FindIndex(t => t.Therapy == id);
                if (index >= 0)
                {
                    treatments[index] = treatments[index] with { Outcome = outcome };
                }
                else
                {
                    treatments.Add(new PriorTreatment(id, outcome, null));
                }

                withoutOutcome.RemoveAll(w => w == id);
            }
        }

        // "My dad tried steroids, then rituximab, then eltrombopag. Nothing has worked": one outcome told of a whole
        // list, before it, after it or in the next sentence (Outcomes/ListVerdicts). A harm or a dependence told of one
        // drug of the list is its own and stays.
        foreach (var verdict in ListVerdicts.Read(normalized, mentions))
        {
            foreach (var id in verdict.Drugs)
            {
                var index = treatments.FindIndex(t => t.Therapy == id);
                if (index < 0)
                {
                    treatments.Add(new PriorTreatment(id, verdict.Outcome, null));
                }
                else if (!verdict.UntoldOnly && treatments[index].Outcome is not (TreatmentOutcome.Intolerant or TreatmentOutcome.Dependent))
                {
                    treatments[index] = treatments[index] with { Outcome = verdict.Outcome };
                }

                withoutOutcome.RemoveAll(w => w == id);
            }
        }

        // "only the eltrombopag worked": every other drug of the story without an outcome of its own did not.
        // A response the others took only by sharing the sentence ("pred and IVIG, then rituximab, the only one that
        // worked") is theirs no longer.
        if (OutcomeEvidenceReader.OnlyOneThatWorked(normalized, mentions) is { TherapyId: { } only })
        {
            for (var t = 0; t < treatments.Count; t++)
            {
                if (treatments[t].Therapy != only && treatments[t].Outcome == TreatmentOutcome.Response)
                {
                    treatments[t] = treatments[t] with { Outcome = TreatmentOutcome.NoResponse };
                }
            }

            foreach (var id in withoutOutcome.Distinct().Where(id => id != TherapyIds.Observation && treatments.All(t => t.Therapy != id)))
            {
                treatments.Add(new PriorTreatment(id, id == only ? TreatmentOutcome.Response : TreatmentOutcome.NoResponse, null));
            }

            withoutOutcome.Clear();
        }

        // Composites the ranking cannot see, decided from each drug's own episode: a drug taken now with a held count,
        // a harm put up with while the drug is kept because it works.
        // A count read as "platelets" bounds no episode ("on romiplostim and her platelets were 95").
        EpisodeOutcomes.Revise(normalized, treatments, withoutOutcome, mentions, named.Where(n => n.TherapyId != TherapyIds.PlateletTransfusion || mentions.Contains(n)).ToList(), outcomeMatches);

        return new PriorTreatmentReading(
            treatments,
            // Observation is no treatment given: "no treatment yet" or "rather watch and wait" asks nothing.
            withoutOutcome.Distinct().Where(id => id != TherapyIds.Observation && treatments.All(t => t.Therapy != id)).ToList(),
            classes)
        {
            ClassOutcomes = classOutcomes,
        };
    }

    // "Pred: R. Ritux: R. Both relapsed within a yr.", "prednisone worked, IVIg worked, both temporary", "all tried,
    // all failed": a part with no drug of its own that opens with both/neither (the last two drugs) or all/none/each
    // (every drug before it) tells their outcome. It replaces theirs when it says more (TreatmentOutcomeRecognizer.Rank:
    // "CR ... both lost" is relapsed).
    private static void Distribute(string normalized, List<Part> parts, List<TherapyMention> mentions, List<PriorTreatment> treatments, List<string> withoutOutcome)
    {
        foreach (var part in parts.Where(p => p.Mentions.Count == 0 && p.Outcomes.Count > 0))
        {
            var quantifier = Quantifier().Match(normalized, part.Span.Start);
            if (!quantifier.Success || quantifier.Index + quantifier.Length > part.Span.End)
            {
                continue;
            }

            var outcome = part.Outcomes.OrderBy(o => OwnRank(o.Value)).ThenBy(o => o.Start).First().Value;
            var earlier = mentions.Where(m => m.End <= part.Span.Start && m.TherapyId is not null).Select(m => m.TherapyId!).Distinct().ToList();
            var pair = quantifier.Groups["pair"].Success;
            foreach (var id in pair ? earlier.TakeLast(2) : earlier)
            {
                var index = treatments.FindIndex(t => t.Therapy == id);
                if (index < 0 && withoutOutcome.Contains(id))
                {
                    treatments.Add(new PriorTreatment(id, outcome, null));
                    withoutOutcome.RemoveAll(w => w == id);
                }
                else if (index >= 0 && OwnRank(outcome) < OwnRank(treatments[index].Outcome))
                {
                    treatments[index] = treatments[index] with { Outcome = outcome };
                }
            }
        }
    }

    // "She had prednisolone, IVIG twice, and rituximab in 2023 - none of them got her above 30", "tried all three TPO
    // agonists and none got him above 30", "eltrombopag, romiplostim, rituximab, all failed": a quantifier after two or
    // more drugs of its sentence gives each of them the list's outcome, whatever part of the sentence it stands in.
    // "None"/"neither" with a rise named after it is that rise denied: no response.
    private static void DistributeInSentence(string normalized, List<TherapyMention> mentions, List<PhraseMatch<TreatmentOutcome>> outcomes, List<PriorTreatment> treatments, List<string> withoutOutcome)
    {
        foreach (Match quantifier in ListQuantifier().Matches(normalized))
        {
            // Its clause: "both worked short term; then she needed IVIG monthly" ends at the semicolon.
            var sentenceStart = normalized.AsSpan(0, quantifier.Index).LastIndexOfAny(".!?\n;") + 1;
            var sentenceEnd = normalized.AsSpan(quantifier.Index).IndexOfAny(".!?\n;") is >= 0 and var stop ? quantifier.Index + stop : normalized.Length;
            var drugs = mentions.Where(m => m.Start >= sentenceStart && m.End <= quantifier.Index && m.TherapyId is not null).Select(m => m.TherapyId!).Distinct().ToList();
            if (drugs.Count < 2)
            {
                continue;
            }

            // "both" and "neither" are the last two drugs.
            if (quantifier.Groups["pair"].Success || quantifier.Value.EndsWith("neither", StringComparison.Ordinal))
            {
                drugs = drugs.TakeLast(2).ToList();
            }

            // The most informative outcome told after the quantifier ("both worked short term" is relapsed).
            var after = outcomes.Where(o => o.Start >= quantifier.Index && o.Start < sentenceEnd).OrderBy(o => o.Start).ToList();
            var told = after.Count == 0 ? (TreatmentOutcome?)null : after.Select(o => o.Value).OrderBy(TreatmentOutcomeRecognizer.Rank).First();
            TreatmentOutcome? outcome = quantifier.Groups["none"].Success
                ? told is null || after.Any(o => o.Value == TreatmentOutcome.Response) ? TreatmentOutcome.NoResponse : told
                : after.Count > 0 && after[0].Start - (quantifier.Index + quantifier.Length) <= 12 ? told : null;
            if (outcome is not { } shared)
            {
                continue;
            }

            foreach (var id in drugs)
            {
                var index = treatments.FindIndex(t => t.Therapy == id);
                if (index >= 0)
                {
                    treatments[index] = treatments[index] with { Outcome = shared };
                }
                else
                {
                    treatments.Add(new PriorTreatment(id, shared, null));
                }

                withoutOutcome.RemoveAll(w => w == id);
            }
        }
    }

    private static string BlankListQuantifiers(string text, IReadOnlyList<TherapyMention> named)
    {
        var quantifiers = ListQuantifier().Matches(text)
            .Where(q => q.Groups["none"].Success && named.Count(m => m.End <= q.Index && m.Start > text.AsSpan(0, q.Index).LastIndexOfAny(".!?\n")) >= 2)
            .Concat(NoneOfBeforeList().Matches(text).Where(q => named.Count(m => m.Start >= q.Index + q.Length && m.End <= SentenceEndAfter(text, q.Index)) >= 2))
            .ToList();
        if (quantifiers.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var q in quantifiers)
        {
            Array.Fill(chars, ' ', q.Groups["none"].Index, q.Groups["none"].Length);
        }

        return new string(chars);
    }

    // "none of pred, IVIG, ritux or romi ever got him above 30": the quantifier before the list tells how they went
    // (Outcomes/ListVerdicts); it denies none of them.
    [GeneratedRegex(@"\b(?<none>none\s+of)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NoneOfBeforeList();

    private static int SentenceEndAfter(string text, int at) =>
        text.AsSpan(at).IndexOfAny(".!?\n") is >= 0 and var stop ? at + stop : text.Length;

    // After a break in the sentence (a dash, colon, comma, "and", "but"): "none of them", "neither", "all three",
    // "both", "each of them".
    [GeneratedRegex(@"(?:[\u2014\u2013:;,(]|\s-|\band|\bbut|\bsadly|\bthey)\s+(?:(?<none>none|neither)(?:\s+of\s+(?:them|these|those|the\s+\w+))?|(?<pair>both)(?:\s+of\s+them)?|(?:all|each)\s+(?:of\s+(?:them|these|those)|three|four|five))\b", RegexOptions.CultureInvariant)]
    private static partial Regex ListQuantifier();

    [GeneratedRegex(@"\G\s*(?:and\s+|but\s+|then\s+|sadly\s+)?(?:they\s+|which\s+)?(?:(?<pair>both|neither)|all|none|each)\b(?:\s+(?:of\s+(?:them|these|those)|three|four|the same))?", RegexOptions.CultureInvariant)]
    private static partial Regex Quantifier();

    // "eltro - headaches", "danazol: rash", "eltrombopag (cataract)": a harm written in the drug's own cell of a story
    // told as a table is why it was stopped. Only right after the drug: "Comorbidities: diabetes" elsewhere is no harm.
    private static TreatmentOutcome? HarmInItsCell(string normalized, TherapyMention mention, int cellEnd) =>
        HarmCell().IsMatch(normalized.AsSpan(mention.End, Math.Max(0, cellEnd - mention.End))) ? TreatmentOutcome.Intolerant : null;

    private static readonly Regex HarmCellRegex = new(
        @"^\s*(?:[-:=(]|->|=>|\u2192)\s*(?:(?:bad|severe|awful|terrible|nasty|raised|high)\s+)?" + TreatmentOutcomeRecognizer.AdverseEffectPattern + @"(?!\w)",
        RegexOptions.CultureInvariant);

    private static Regex HarmCell() => HarmCellRegex;

    // "eltrombopag + MMF combination", "romiplostim plus azathioprine": a TPO-RA given together with an
    // immunosuppressant is the combination therapy, one treatment with one outcome.
    private static List<TherapyMention> Combinations(string normalized, IReadOnlyList<TherapyMention> mentions)
    {
        var result = new List<TherapyMention>(mentions);
        for (var i = 0; i + 1 < result.Count; i++)
        {
            var (first, second) = (result[i], result[i + 1]);
            if (first.TherapyId is not { } a || second.TherapyId is not { } b || !(IsTpoRa(a) && IsImmunosuppressant(b) || IsImmunosuppressant(a) && IsTpoRa(b)))
            {
                continue;
            }

            var between = normalized.AsSpan(first.End, second.Start - first.End);
            var named = CombinationAfter().Match(normalized, second.End);
            if (JoinedAsOne().IsMatch(between) || (JoinedLoosely().IsMatch(between) && named.Success))
            {
                // The word "combination" after the pair is part of its name: what follows it is about the pair.
                var end = named.Success ? named.Index + named.Length : second.End;
                result[i] = new TherapyMention(normalized[first.Start..end], first.Start, end - first.Start, [TherapyIds.TpoRaCombination]);
                result.RemoveAt(i + 1);
            }
        }

        return result;
    }

    private static bool IsTpoRa(string id) => id is TherapyIds.Romiplostim or TherapyIds.Eltrombopag or TherapyIds.Avatrombopag;

    private static bool IsImmunosuppressant(string id) => id is TherapyIds.Mycophenolate or TherapyIds.Azathioprine or TherapyIds.Cyclosporine;

    [GeneratedRegex(@"^\s*(?:\+|&|plus|combined with|together with|in combination with|alongside)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex JoinedAsOne();

    [GeneratedRegex(@"^\s*(?:and|with|/)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex JoinedLoosely();

    [GeneratedRegex(@"\G\s*(?:combination|combo|combined|together|in combination)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CombinationAfter();

    // "efgartigimod in a trial; romiplostim before the trial": a trial that a named drug was given in is that drug's
    // setting, not a treatment of its own.
    private static IReadOnlyList<TherapyMention> WithoutTrialOfNamedDrug(string normalized, IReadOnlyList<TherapyMention> mentions)
    {
        var drugInTrial = mentions.Any(m => m.TherapyId is { } id && id != TherapyIds.ClinicalTrial
            && InATrial().IsMatch(normalized.AsSpan(m.End)));
        return drugInTrial
            ? mentions.Where(m => m.TherapyId != TherapyIds.ClinicalTrial).ToList()
            : mentions.Where(m => m.TherapyId != TherapyIds.ClinicalTrial || !IsTrialOfNamedDrug(normalized, m, mentions)).ToList();
    }

    // "the azathioprine trial", "efgartigimod (trial)", "a trial of danazol", "trialled dapsone", "once the trial ended"
    // after a named drug: a drug tried, or given in a study, is that drug; the trial is no treatment of its own.
    private static bool IsTrialOfNamedDrug(string normalized, TherapyMention trial, IReadOnlyList<TherapyMention> mentions)
    {
        var drugs = mentions.Where(m => m.TherapyId is { } id && id != TherapyIds.ClinicalTrial && !m.IsClass).ToList();
        return drugs.Any(d => d.End <= trial.Start && DrugThenTrial().IsMatch(normalized.AsSpan(d.End, trial.Start - d.End)))
            || drugs.Any(d => d.Start >= trial.End && TrialThenDrug().IsMatch(normalized.AsSpan(trial.End, d.Start - trial.End)))
            || (drugs.Any(d => d.End <= trial.Start) && TheTrialEnded().IsMatch(normalized.AsSpan(trial.End)));
    }

    [GeneratedRegex(@"^\s*\([^()]{0,24}$|^\s*\(?\s*(?:(?:in|on|via|through|within|during|as part of|under)\s+)?(?:(?:a|an|the|their|her|his|my|its)\s+)?(?:clinical\s+|drug\s+|research\s+|phase\s+\w+\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DrugThenTrial();

    [GeneratedRegex(@"^\s*(?:of|with|on)?\s*(?:(?:a|an|the)\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TrialThenDrug();

    [GeneratedRegex(@"^\s*(?:ended|finished|closed|stopped|was stopped|was closed|came to an end)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TheTrialEnded();

    [GeneratedRegex(@"^\s*(?:\w+\s+)?(?:in|on|via|through|within|as part of|as part of a|during) (?:a|an|the|their|her|his) (?:\w+\s+)?(?:trial|study)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InATrial();

    private static TreatmentOutcome? OutcomeFor(string normalized, TherapyMention mention, Part part)
    {
        if (part.Outcomes.Count == 0)
        {
            return null;
        }

        // Each outcome belongs to its nearest therapy; of a therapy's own outcomes the most telling wins
        // ("eltrombopag responded but liver enzymes went up so stopped" is intolerant, "pred worked but relapsed on
        // taper" dependent). A therapy with none of its own takes the nearest ("failed eltrombopag and rituximab").
        var own = part.Outcomes.Where(o => Nearest(normalized, part, o) == mention).ToList();
        if (own.Count > 0)
        {
            return own.OrderBy(o => OwnRank(o.Value)).ThenBy(o => o.Start).First().Value;
        }

        // "Both IVIG and anti-D helped briefly": the neighbour's outcomes, read as the neighbour reads them.
        var candidates = part.Outcomes
            .Where(o => !IsEarlierInStory(normalized, o, mention))
            .OrderBy(o => o.DistanceTo(mention.Start, mention.End))
            .ThenBy(o => o.Start < mention.Start ? 0 : 1)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var neighbour = Nearest(normalized, part, candidates[0]);
        return part.Outcomes
            .Where(o => Nearest(normalized, part, o) == neighbour && !IsEarlierInStory(normalized, o, mention))
            .OrderBy(o => OwnRank(o.Value)).ThenBy(o => o.Start)
            .First().Value;
    }

    // An outcome told before "then" belongs to an earlier drug of the story, never to the one named after it.
    private static bool IsEarlierInStory(string normalized, PhraseMatch<TreatmentOutcome> outcome, TherapyMention mention) =>
        outcome.End <= mention.Start && NextInStory().IsMatch(normalized.AsSpan(outcome.End, mention.Start - outcome.End));

    // "cyclophosphamide with no benefit and then danazol": an outcome does not reach forward across "then" to the
    // next drug of the story; it stays with the drug its clause is about.
    private static TherapyMention Nearest(string normalized, Part part, PhraseMatch<TreatmentOutcome> outcome) =>
        part.Mentions
            .OrderBy(m => IsEarlierInStory(normalized, outcome, m) ? 1 : 0)
            .ThenBy(m => outcome.DistanceTo(m.Start, m.End))
            .ThenBy(m => outcome.Start < m.Start ? 1 : 0)
            .First();

    [GeneratedRegex(@"\b(?:then|before that|after that|afterwards|later|followed by|next)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NextInStory();

    // The most informative outcome first, as for a single answer.
    private static int OwnRank(TreatmentOutcome outcome) => TreatmentOutcomeRecognizer.Rank(outcome);

    // "rituximab in 2022, relapsed after a year", "tried MMF, nothing happened": the last therapy named takes the
    // outcome of the parts after it that name no therapy of their own.
    private static TreatmentOutcome? FollowingOutcome(List<Part> parts, int index)
    {
        for (var i = index + 1; i < parts.Count && parts[i].Mentions.Count == 0; i++)
        {
            if (parts[i].Outcomes.Count > 0)
            {
                return parts[i].Outcomes.OrderBy(o => OwnRank(o.Value)).First().Value;
            }
        }

        return null;
    }

    // "eltrombopag responded but liver enzymes went up so stopped": a later clause with no therapy of its own that
    // says the drug could not be kept (intolerance, relapse, dependence) revises the outcome of the last one named.
    // A drug taken now whose next clause says how it is going ("switched to avatrombopag, working well") takes
    // that outcome: a response or its lack tells more than "still on it".
    private static TreatmentOutcome? Revision(List<Part> parts, int index, TreatmentOutcome current)
    {
        TreatmentOutcome? revised = null;
        if (current == TreatmentOutcome.Ongoing)
        {
            for (var i = index + 1; i < parts.Count && parts[i].Mentions.Count == 0; i++)
            {
                revised ??= parts[i].Outcomes.Select(o => (TreatmentOutcome?)o.Value)
                    .FirstOrDefault(o => o is TreatmentOutcome.Response or TreatmentOutcome.NoResponse);
            }
        }

        for (var i = index + 1; i < parts.Count && parts[i].Mentions.Count == 0; i++)
        {
            foreach (var outcome in parts[i].Outcomes.Select(o => o.Value))
            {
                if (RevisionRank(outcome) < RevisionRank(revised))
                {
                    revised = outcome;
                }
            }
        }

        return revised;
    }

    private static bool SaysSameAsBefore(string normalized, List<Part> parts, int index)
    {
        for (var i = index; i < parts.Count && (i == index || parts[i].Mentions.Count == 0); i++)
        {
            if (SameAsBefore().IsMatch(normalized.AsSpan(parts[i].Span.Start, parts[i].Span.Length)))
            {
                return true;
            }
        }

        return false;
    }

    // "dapsone did nothing and neither did danazol", "nor did the IVIG": the drug shares the outcome told before it;
    // the denial is of the effect, not of the giving.
    private static bool SharesTheDenialBefore(string normalized, TherapyMention mention) =>
        NeitherDidBefore().IsMatch(normalized.AsSpan(0, mention.Start));

    [GeneratedRegex(@"[\w)]\s*(?:,\s*|;\s*|\s+)(?:and\s+|but\s+)?(?:neither|nor)\s+(?:did|has|had|was|were|could|have|does|is)\s+(?:the\s+|her\s+|his\s+|my\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NeitherDidBefore();

    [GeneratedRegex(@"\b(?:same (?:story|thing|result|again|outcome|problem)|(?:neither|nor) did\b|neither(?=\s*(?:$|\n|[.;,!]))|(?:didn'?t|did not|wasn'?t|hasn'?t|doesn'?t) either\b|did the same|(?:was|went) the same|likewise|ditto|no different|similar|similarly|as above)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SameAsBefore();

    // "romiplostim is off formulary", "efgartigimod: not licensed here", "pros and cons of rilzabrutinib": a drug
    // out of reach or asked about, not a treatment given.
    private static bool IsNotGiven(string normalized, TherapyMention mention)
    {
        var clause = UnderstandingText.ClauseAt(normalized, mention.Start);
        var afterEnd = normalized.AsSpan(mention.End).IndexOfAny(".;\n") is >= 0 and var stop ? stop : normalized.Length - mention.End;
        return NotGivenAfter().IsMatch(normalized.AsSpan(mention.End, afterEnd))
            || UnavailableTherapyRecognizer.IsSaidUnavailableAfter(normalized.Substring(clause.Start, clause.Length), mention.Start - clause.Start, mention.Length)
            || AskedAboutBefore().IsMatch(normalized.AsSpan(clause.Start, mention.Start - clause.Start));
    }

    [GeneratedRegex(@"^\s*[:-]?\s*(?:(?:is|are|isn't|aren't)\s+)?(?:(?:off|not on) (?:the |our |their )?(?:hospital |trust |local )?formulary|not licen[cs]ed|unlicen[cs]ed|not (?:available|funded|approved)|unavailable)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NotGivenAfter();

    [GeneratedRegex(@"\b(?:pros and cons|risks and benefits|benefits and risks|advantages and disadvantages|evidence) (?:of|for) (?:\w+ )?$", RegexOptions.CultureInvariant)]
    private static partial Regex AskedAboutBefore();

    private static int RevisionRank(TreatmentOutcome? outcome) => outcome switch
    {
        TreatmentOutcome.Intolerant => 0,
        TreatmentOutcome.Dependent => 1,
        TreatmentOutcome.Relapsed => 2,
        _ => 3,
    };

    // A list split by commas shares its outcome: "failed pred, IVIG, romiplostim" or "pred, IVIG, romiplostim all failed".
    private static TreatmentOutcome? SharedOutcome(List<Part> parts, int index)
    {
        if (!parts[index].IsOnlyTherapies)
        {
            return null;
        }

        for (var i = index - 1; i >= 0 && parts[i].Mentions.Count > 0; i--)
        {
            if (parts[i].Outcomes.Count > 0)
            {
                var first = parts[i].Mentions[0];
                return parts[i].Outcomes.Any(o => o.Start < first.Start) ? parts[i].Outcomes[0].Value : null;
            }

            if (!parts[i].IsOnlyTherapies)
            {
                break;
            }
        }

        for (var i = index + 1; i < parts.Count; i++)
        {
            // "MMF, couldn't tolerate it", "eltrombopag, still on it": an outcome with no therapy of its own, right
            // after the list, is the list's.
            if (parts[i].Mentions.Count == 0)
            {
                return parts[i].Outcomes.Count > 0 ? parts[i].Outcomes[0].Value : null;
            }

            if (parts[i].Outcomes.Count > 0)
            {
                var last = parts[i].Mentions[^1];
                return parts[i].Outcomes.Any(o => o.Start >= last.End) ? parts[i].Outcomes[^1].Value : null;
            }

            if (!parts[i].IsOnlyTherapies)
            {
                break;
            }
        }

        return null;
    }

    private static string Blank(string normalized, List<PhraseMatch<TreatmentOutcome>> matches)
    {
        if (matches.Count == 0)
        {
            return normalized;
        }

        var text = normalized.ToCharArray();
        foreach (var match in matches)
        {
            Array.Fill(text, ' ', match.Start, Math.Min(match.Length, text.Length - match.Start));
        }

        return new string(text);
    }

    // "platelets 40", "her platelets dropped", "low platelets": the count. Bare "platelets" is a transfusion only when
    // it is said to be given ("given platelets", "2 units of platelets", "platelets were transfused").
    private static bool IsCount(string normalized, TherapyMention mention) =>
        mention.TherapyId == TherapyIds.PlateletTransfusion
        && !mention.Text.Contains("transfus", StringComparison.Ordinal)
        && !PlateletsGivenBefore().IsMatch(normalized.AsSpan(0, mention.Start))
        && !PlateletsGivenAfter().IsMatch(normalized.AsSpan(mention.End));

    // "thinking about rituximab next", "rituximab being considered": a plan, not a treatment given.
    private static bool IsOnlyPlanned(string normalized, TherapyMention mention)
    {
        var clause = UnderstandingText.ClauseAt(normalized, mention.Start);
        var before = normalized.AsSpan(clause.Start, mention.Start - clause.Start);
        return PlannedBefore().IsMatch(before)
            || HypotheticalBefore().IsMatch(before)
            || PlannedAfter().IsMatch(normalized.AsSpan(mention.End, Math.Max(0, clause.End - mention.End)))
            || NextAfter().IsMatch(normalized.AsSpan(mention.End));
    }

    // "rituximab next", "romiplostim is next, if this fails": the drug to come. "azathioprine next, no change",
    // "Promacta was next but his liver enzymes went up": the next drug of a story told, given.
    [GeneratedRegex(@"^\s*(?:(?:is|are|will be|would be|could be)\s+(?:probably\s+|likely\s+|maybe\s+)?)?next(?:\s+(?:step|option|line|up))?\s*(?:[?.!;\n]|$|,\s*(?:if|unless|maybe|perhaps|probably|i think|we think)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex NextAfter();

    [GeneratedRegex(@"\b(?:given|gave|give|giving|received|receiving|had|needed|needs|need|needing|required|requiring|transfused|infused|more|emergency|prophylactic|pooled|(?:bags?|units?|pools?|doses?|adult doses?|pack|packs) of)\s+(?:some\s+|a\s+|an\s+|\d+\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlateletsGivenBefore();

    [GeneratedRegex(@"^\s*(?:were\s+|was\s+|have been\s+|had been\s+)?(?:given|transfused|infused|transfusion)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PlateletsGivenAfter();

    [GeneratedRegex(@"\b(?:thinking (?:about|of)|consider\w*|plann?\w*|plan to (?:start|try|give)|will (?:start|try|give|need)|going to (?:start|try|give)|" +
                    @"(?:might|may|could|would|'d|should|can) (?:start|try|need|go on|give|use|add|move (?:on )?to|switch (?:over )?to|change to|go on to)|want\w* to (?:start|try)|about to start|offer\w*|discuss\w*|next (?:step|option|line) (?:is|would be|will be|could be)|referred for|thought (?:about|of)|" +
                    // "in for IVIG", "booked for rituximab", "starting eltrombopag" (not "just/recently starting"): not given yet.
                    @"in for|admitted for|booked (?:in )?for|(?<!just |recently |been )starting)\s+(?:(?!after|since|when|because|failed|and)\w+\s+)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex PlannedBefore();

    // "if the count drops below 10 we'd give IVIG", "in case of a bleed, IVIG": a condition not met, nothing given.
    [GeneratedRegex(@"(?:^|\s)(?:if|unless|in case|what if)\s", RegexOptions.CultureInvariant)]
    private static partial Regex HypotheticalBefore();

    [GeneratedRegex(@"^\s*(?:(?:is |was |are )?(?:being |now )?(?:considered|planned|proposed|offered|discussed|the plan|to start|to be started)\b|(?:\w+\s+)?(?:if|in case|should (?:the|her|his|my) count)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex PlannedAfter();

    // "dexamethasone gave her steroid psychosis", "developed steroid-induced diabetes": "steroid" naming the kind of
    // a harm is no treatment of its own.
    private static bool IsHarmKind(string normalized, TherapyMention mention) =>
        mention.Text.StartsWith("steroid", StringComparison.Ordinal)
        && HarmVerbBefore().IsMatch(normalized.AsSpan(0, mention.Start))
        && HarmKindAfter.IsMatch(normalized.AsSpan(mention.End));

    [GeneratedRegex(@"\b(?:gave|given|gives|caused|causing|causes|developed|develops|got|gets|had|has|with|from|left (?:her|him|me|them) with)\s+(?:(?:her|him|me|them|a|an|bad|severe|awful|terrible|nasty)\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex HarmVerbBefore();

    private static readonly Regex HarmKindAfter = new(
        @"^\s*(?:-?\s*induced\s+)?(?:" + TreatmentOutcomeRecognizer.AdverseEffectPattern + @")(?!\w)", RegexOptions.CultureInvariant);

    // "pred - couldn't wean below 10 mg. Romiplostim added; now off steroids, platelets normal": a drug told again
    // as the one now stopped is what the next drug achieved, not a second story of the first; its outcome stays the
    // one told before and the words after it go to the drug taken now.
    private static bool IsOffItSinceTheNext(string normalized, TherapyMention mention, IReadOnlyList<TherapyMention> named) =>
        mention.TherapyId is { } id
        && OffBefore().IsMatch(normalized.AsSpan(0, mention.Start))
        && named.Any(n => n.End <= mention.Start && n.TherapyId == id)
        && named.Any(n => n.End <= mention.Start && n.TherapyId != id && !n.IsClass);

    [GeneratedRegex(@"\b(?:(?:now|been|is|was|got|get|gets|getting|stayed|has been|have been|come|came|coming|weaned|taper(?:ed)?|wean(?:ed)?)\s+(?:\w+\s+)?off|let (?:us|them|me) get (?:her|him|me|them) off|(?:get|got|getting) (?:her|him|me|them) off)\s+(?:the\s+|her\s+|his\s+|my\s+|all\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex OffBefore();

    private static readonly SplenectomyRecognizer Spleen = new();

    // "had my spleen out in 2012 and it worked", "the spleen op did nothing": the operation told in everyday words is
    // a treatment only when the spleen is out; "talked about taking his spleen out but never did" and "the jabs
    // before my spleen op" are plans, which the splenectomy fact reads (its own rules for plans and refusals).
    private static bool IsSpleenNotTakenOut(MessageText text, TherapyMention mention) =>
        mention.TherapyId == TherapyIds.Splenectomy
        && mention.Text.Contains("spleen", StringComparison.Ordinal)
        && Spleen.FindInText(text) != true;

    // "osteoporosis on the DEXA last year", "DEXA scan in May": the bone density scan shares the name "dexa" with
    // dexamethasone; "dexa 40 x4" or "a course of dexa" stays the drug.
    private static bool IsBoneScan(string normalized, TherapyMention mention) =>
        mention.Text == "dexa"
        && !DrugAfter().IsMatch(normalized.AsSpan(mention.End))
        && (BoneScanAfter().IsMatch(normalized.AsSpan(mention.End))
            || BoneScanBefore().IsMatch(normalized.AsSpan(0, mention.Start)));

    // After the scan: what it showed or when ("DEXA done", "DEXA booked", "DEXA 2024 normal", "DEXA 2023 (osteopenia)",
    // "DEXA = bone density"); a dose, a count of courses or an outcome ("dexa 40", "dexa (NR)", "dexa -> CR") is the drug.
    [GeneratedRegex(@"^\s*(?:(?:scans?|bone|density|showed|shows|result|results|report|t[- ]?scores?|z[- ]?scores?|done|booked|normal|fine|clear|confirmed|was|last|next|because)\b|=|\(\s*(?:osteo|normal|t[- ]?score)|(?:19|20)\d\d\s*[:(,-]?\s*(?:normal|fine|osteo|showed|t[- ]?score))", RegexOptions.CultureInvariant)]
    private static partial Regex BoneScanAfter();

    // "the dexa pulses", "dexa 40 mg x4", "dexa (NR)", "dexa -> CR": a dose, a course or an outcome makes it the drug.
    [GeneratedRegex(@"^\s*(?:\d+(?:\.\d+)?\s*(?:mg|x|cycles?|courses?|days?|d)\b|x\s*\d|(?:pulses?|courses?|cycles?)\b|\(\s*(?:nr|r|cr|pr|no|good|partial|response|responded|relapsed|failed|dependent|transient)\b|->|\u2192)", RegexOptions.CultureInvariant)]
    private static partial Regex DrugAfter();

    // Before the scan: "osteoporosis on the DEXA", "bone scan (DEXA)", and a scan had as a thing ("had a DEXA", "the DEXA
    // was fine", "last DEXA: T-score -2.8"); the drug is taken, not had as "a" or "the" one.
    [GeneratedRegex(@"\b(?:osteopor\w*|osteopeni\w*|bone density|bone scan|bones?|t[- ]?scores?)\b[^;\n]{0,40}?\b(?:on|from|by|at|in) (?:the|a|her|his|my|their|last|latest|recent)\s+(?:\w+\s+)?$|\bbone (?:density )?scan\s*\(\s*$|\b(?:a|the|last|latest|recent|repeat|annual|baseline)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex BoneScanBefore();

    // "epidural steroid injection", "steroid inhaler", "prednisolone for asthma, nothing to do with the ITP": a drug
    // of the list given for something else is no ITP treatment.
    private static bool IsForSomethingElse(string normalized, TherapyMention mention)
    {
        var clause = UnderstandingText.ClauseAt(normalized, mention.Start);
        var start = normalized.AsSpan(0, mention.Start).LastIndexOfAny(".;\n") + 1;
        var length = normalized.AsSpan(mention.End).IndexOfAny(".;\n") is >= 0 and var stop ? mention.End + stop - start : normalized.Length - start;
        // Only the word "steroid" says so: "Nplate injections" and "dexamethasone injection" are ITP treatments.
        var steroid = mention.Text.Contains("steroid", StringComparison.Ordinal);
        return (steroid && LocalSteroidBefore().IsMatch(normalized.AsSpan(clause.Start, mention.Start - clause.Start)))
            || (steroid && LocalSteroidAfter().IsMatch(normalized.AsSpan(mention.End, Math.Max(0, clause.End - mention.End))))
            || NotForItp().IsMatch(normalized.AsSpan(start, length));
    }

    [GeneratedRegex(@"\b(?:epidural|joint|inhaled|topical|nasal|skin|eye|facet|intra-articular)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalSteroidBefore();

    [GeneratedRegex(@"^\s*(?:injection|injections|inhaler|inhalers|cream|creams|ointment|spray|drops|jab|jabs)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LocalSteroidAfter();

    [GeneratedRegex(@"\b(?:nothing to do with|not for|unrelated to|not related to) (?:the |her |his |my |their )?itp\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotForItp();

    // "on eltrombopag", "taking romiplostim": current, too early to judge.
    private static TreatmentOutcome? OnTreatment(string normalized, TherapyMention mention) =>
        CurrentlyOn().IsMatch(normalized[..mention.Start]) ? TreatmentOutcome.Ongoing : null;

    private static IEnumerable<TextSpan> Parts(string normalized) => UnderstandingText.Between(normalized, PartBoundary());

    private sealed record Part(
        TextSpan Span, List<TherapyMention> Mentions, List<PhraseMatch<TreatmentOutcome>> Outcomes, bool HasOtherWords)
    {
        /// <summary>Nothing but therapy names (and doses): an item of a list whose outcome is said once.</summary>
        public bool IsOnlyTherapies => Mentions.Count > 0 && Outcomes.Count == 0 && !HasOtherWords;
    }

    private static bool HasOtherWords(string normalized, TextSpan span, List<TherapyMention> mentions)
    {
        // Blanked, not removed: a name may run past the part's end ("triple IS (aza, mmf, csa)" across the list's
        // commas) or overlap another name, and the words left are all that matter.
        var chars = normalized.Substring(span.Start, span.Length).ToCharArray();
        foreach (var mention in mentions)
        {
            var from = Math.Max(mention.Start - span.Start, 0);
            var to = Math.Min(mention.Start + mention.Length - span.Start, chars.Length);
            Array.Fill(chars, ' ', from, Math.Max(to - from, 0));
        }

        var text = DoseAnywhere().Replace(new string(chars), " ");
        return UnderstandingText.Words(text).Any(w => !ListWords.Contains(w.Word));
    }

    private static readonly HashSet<string> ListWords = new(StringComparer.Ordinal)
    {
        "and", "or", "then", "also", "plus", "with", "all", "both", "as", "well", "x", "mg", "weekly", "daily",
    };

    // Sentence ends, commas, semicolons, and the numbers or bullets of a list ("1) pred - responded 2) IVIG - no effect").
    // A table's column mark ("IVIg: R, lost by d21 | Romi: R, maintained") is a boundary too.
    [GeneratedRegex(@"[,;!?\n\u2022|]|(?<!\d)\.|\.(?!\d)|(?<=^|\s)(?:\d{1,2}|[a-e])\)(?=\s)", RegexOptions.CultureInvariant)]
    private static partial Regex PartBoundary();

    [GeneratedRegex(@"^[^\d,;]{0,12}?(?<dose>\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|g|iu|units?)\b(?:\s*/\s*(?:kg|m2|m\^2|day|d|wk|week))*(?:\s+(?:daily|weekly|od|bd|tds|once daily|twice daily|per day|a day|a week|per week))?)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Dose();

    [GeneratedRegex(@"\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|g|iu|units?)\b(?:\s*/\s*(?:kg|m2|m\^2|day|d|wk|week))*", RegexOptions.CultureInvariant)]
    private static partial Regex DoseAnywhere();

    // "was on prednisolone years ago" is past: not ongoing.
    [GeneratedRegex(@"(?<!\b(?:was|were|previously|formerly|once)\s+)\b(?:on|taking|takes|take|receiving|started)\s+(?:\w+\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrentlyOn();
}
