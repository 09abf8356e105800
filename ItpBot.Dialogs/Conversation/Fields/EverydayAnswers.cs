using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding;

namespace ItpBot.Dialogs.Conversation.Fields;

/// <summary>
/// The answers people give to any question in their own words, beyond the button words: "nothing like that" and
/// "no particular preference" (there is nothing to report), "don't know", "not sure", "skip", "I don't know her
/// weight" (a way out: go on without it), "looks right" (the case is right). Grammar over a few shapes rather than a
/// list of sentences, so unseen variants are read too.
/// </summary>
public static partial class EverydayAnswers
{
    /// <summary>"none", "nothing like that", "no particular preference", "none of those", "not that I know of".</summary>
    public static bool SaysNone(string? text) => NoneShape().IsMatch(Bare(text));

    /// <summary>"nothing", "none", "n/a" without a plain "no": nothing to report, never "no, that is wrong".</summary>
    public static bool SaysNothing(string? text)
    {
        var bare = Bare(text);
        return NoneShape().IsMatch(bare) && !PlainNo().IsMatch(bare);
    }

    /// <summary>"don't know", "not sure", "skip", "I don't know her weight", "no idea", "rather not say", "pass".</summary>
    public static bool SaysNotKnown(string? text) => NotKnownShape().IsMatch(Bare(text));

    /// <summary>"looks right", "all good", "that's all correct", "spot on", "perfect": the case shown is right.</summary>
    public static bool SaysLooksRight(string? text) => LooksRightShape().IsMatch(Bare(text));

    private static string Bare(string? text) =>
        Trailing().Replace(Leading().Replace(UnderstandingText.Normalize(text).Trim(), string.Empty), string.Empty).Trim();

    [GeneratedRegex(@"^(?:(?:um+|uh+|erm?|hmm+|well|ok|okay|so|honestly|sorry|oh)[\s,]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Leading();

    [GeneratedRegex(@"[\s,.!;:]*(?:(?:thanks|thank you|i'm afraid|im afraid|sorry|really|at all|i think)[\s,.!]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Trailing();

    [GeneratedRegex(@"^(?:no|nope|nah|neither)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNo();

    [GeneratedRegex(
        @"^(?:" +
        @"(?:none|nothing|nil|n/?a|not any|no|nope|neither|zero)" +
        @"(?:\s+(?:of (?:those|them|these|that|the above)|like that|like (?:those|these)|in particular|particular(?:ly)?|special|specific|" +
        @"real|relevant|significant|important|notable|known|other|others|else|at all|that i know of|i know of|to report|to mention|" +
        @"(?:that )?i(?:'m| am) aware of|really|yet|preferences?|problems?|conditions?|issues?|illness(?:es)?|diseases?|" +
        @"drugs?|medications?|medicines?|meds|tablets|pills|blood thinners?|thinners|treatments?|therapy|therapies|" +
        @"bleeding|concerns?|wishes|restrictions?|limits?|requirements?|comorbidities|history|missing|unavailable))*" +
        @"|not that i know(?: of)?|not as far as i know|nothing springs to mind|can't think of any(?:thing)?|" +
        @"(?:doesn't|does not|don't|do not) (?:matter|mind)|(?:i )?(?:have|has|take|takes) (?:none|nothing)|no,? (?:none|nothing)|" +
        @"all (?:available|accessible|fine)|everything(?:'s| is)? (?:available|accessible|fine)|(?:they're|they are) all available|we (?:can|could) get (?:everything|all of them|them all)|" +
        @"happy with (?:anything|whatever)|whatever works(?: best)?|anything(?: is fine| goes| works)?|open to (?:anything|everything|all options)|" +
        @"(?:i'm |i am )?not fussy|no strong (?:preference|views?|feelings?)s?" +
        @")$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NoneShape();

    [GeneratedRegex(
        @"^(?:" +
        @"(?:i |we |she |he )?(?:don't|do not|dont|doesn't|does not|didn't|did not) know(?:\b.*)?|" +
        @"(?:i'm |i am |im |we're |we are )?(?:not sure|unsure|uncertain|not certain)(?:\b.*)?|" +
        @"no idea(?:\b.*)?|(?:i )?(?:have|has) no idea(?:\b.*)?|" +
        @"(?:i )?(?:can't|cannot|can not|don't|do not) (?:remember|recall|say|tell)(?:\b.*)?|" +
        @"(?:i )?(?:haven't|have not|hasn't|has not) (?:got|checked|measured)(?: (?:it|that|one|them))?(?:\b.*)?|" +
        @"unknown|not known|not recorded|not measured|not checked|n/?k|dunno|idk|" +
        @"skip(?: (?:it|this|that|this one|that one|for now|this question))?|pass|next(?: question)?|move on|" +
        @"(?:i'd |i would )?rather not (?:say|answer)|prefer not to (?:say|answer)|not now|later" +
        @")$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NotKnownShape();

    [GeneratedRegex(
        @"^(?:(?:yes|yeah|yep|yup|ok|okay)[\s,]+)?(?:" +
        @"(?:that |it |this |all |everything )?(?:looks|seems|sounds|is|reads|'s)? ?(?:all )?(?:right|correct|good|fine|ok|okay|accurate|great|perfect)(?: to me)?|" +
        @"(?:that's|thats|that is|it's|its|this is) (?:all )?(?:right|correct|it|accurate|fine|good)|" +
        @"all good|spot on|perfect|exactly|confirmed|confirm|go ahead|proceed|looks right|lgtm|no changes(?: needed)?|nothing to change" +
        @")$",
        RegexOptions.CultureInvariant)]
    private static partial Regex LooksRightShape();
}
