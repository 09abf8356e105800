namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>A lexicon sign (or a fact that a rule can name, such as a lumbar puncture) found with its context.</summary>
internal readonly record struct SignFinding(LexiconMeaning Sign, FindingContext Context, string Evidence);

/// <summary>What the lexicon finds in one message: findings with their context, signs for the red-flag rules, audience cues.</summary>
internal sealed record LexiconFindings(
    IReadOnlyList<Finding> Findings, IReadOnlyList<SignFinding> Signs, IReadOnlyList<AudienceCue> Cues, bool Truncated,
    IReadOnlyList<LexiconMatch> Triggers);

/// <summary>
/// The lexicon half of the reading pass: the message's words are matched once against the span categories (signs,
/// audience, facts, inert look-alikes), and each match gets its ConText context.
/// </summary>
internal sealed class FindingReader
{
    private readonly ContextReader context;
    private readonly LexiconMatcher spans;

    public FindingReader(ReadingLexicon lexicon)
    {
        context = new ContextReader(lexicon);
        spans = new LexiconMatcher(
            lexicon.Category("sign").Concat(lexicon.Category("audience")).Concat(lexicon.Category("fact")).Concat(lexicon.Category("inert")));
    }

    public LexiconFindings Read(MessageTokens tokens)
    {
        var triggers = context.Triggers(tokens);
        var matches = spans.FindAll(tokens);
        var covered = new bool[tokens.Count];
        foreach (var match in matches)
        {
            for (var i = match.First; i < match.End; i++)
            {
                covered[i] = true;
            }
        }

        var findings = new List<Finding>();
        var signs = new List<SignFinding>();
        var cues = new List<AudienceCue>();
        foreach (var match in matches)
        {
            var found = context.ContextOf(tokens, triggers, match.First, match.End, i => covered[i]);
            var evidence = tokens.Span(match.First, match.End);
            var start = tokens[match.First].Start;
            switch (match.Meaning.Category)
            {
                case "sign":
                    signs.Add(new SignFinding(match.Meaning, found, evidence));
                    findings.Add(new Finding("sign", match.Meaning.Meaning, found, evidence, start, evidence.Length));
                    break;
                case "audience" when Enum.TryParse<Speaker>(match.Meaning.Meaning.Split('-')[0], ignoreCase: true, out var speaker):
                    cues.Add(new AudienceCue(speaker, evidence, SexOf(match.Meaning.Tags)));
                    break;
                case "fact" when match.Meaning.Tags.Contains("planned-only") && found.Status != FindingStatus.Planned:
                    break;
                case "fact":
                    if (match.Meaning.Tags.Count > 0)
                    {
                        signs.Add(new SignFinding(match.Meaning, found, evidence));
                    }

                    findings.Add(new Finding(match.Meaning.Field!, match.Meaning.Value!, found, evidence, start, evidence.Length));
                    break;
            }
        }

        return new LexiconFindings(findings, signs, cues, tokens.Truncated, triggers);
    }

    private static Knowledge.Model.Sex? SexOf(IReadOnlySet<string> tags) =>
        tags.Contains("female") ? Knowledge.Model.Sex.Female : tags.Contains("male") ? Knowledge.Model.Sex.Male : null;
}
