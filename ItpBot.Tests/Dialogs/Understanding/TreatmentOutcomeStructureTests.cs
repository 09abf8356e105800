using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Session 17 outcome classes (issue 12), each in words no held-out or corpus line uses: a response then lost in a
/// chart's shorthand or told of several drugs at once, a harm told beside the stop with no verb, dependence told as a
/// threshold or a taper, a current drug told by the count it holds or by how long it has run, and denials with an
/// adverb between.
/// </summary>
public sealed class TreatmentOutcomeStructureTests
{
    private static readonly PriorTreatmentReader Reader = new(new TherapyRecognizer(KnowledgeBase.LoadEmbedded()), new TreatmentOutcomeRecognizer());

    // A response that was lost: "lost" with when, CR/PR, a count up then down, "now" under the response count, a
    // good stretch the drug bought, and one word (both/all/each) that tells it of every drug before.
    public static TheoryData<string, string[]> ResponseLost => new()
    {
        { "danazol: CR, lost during the taper", ["danazol:relapsed"] },
        { "anti-D (PR, lost at week 6)", ["anti-d:relapsed"] },
        { "azathioprine bought him about 2 years", ["azathioprine:relapsed"] },
        { "dapsone: R. danazol: R. Both faded within a few months.", ["danazol:relapsed", "dapsone:relapsed"] },
        { "fostamatinib helped, avatrombopag helped, each only temporarily", ["avatrombopag:relapsed", "fostamatinib:relapsed"] },
        { "romiplostim: plt 12 -> 160 -> 20 over two months", ["romiplostim:relapsed"] },
        { "avatrombopag was great, count 140 in the spring, now 18", ["avatrombopag:relapsed"] },
        { "splenectomy: brief remission", ["splenectomy:relapsed"] },
        { "IVIG gave three days of safe numbers", ["ivig:relapsed"] },
        { "rituximab, mycophenolate, dapsone: all given, all useless", ["dapsone:no-response", "mycophenolate:no-response", "rituximab:no-response"] },
        // A response told as running on, and a count that only rose, stay as they are.
        { "rituximab: CR, still in remission at 4 yrs", ["rituximab:response"] },
        { "romiplostim: plt 12 -> 160, holding", ["romiplostim:response"] },
    };

    // A harm in the drug's own cell, before or after the stop, with no verb; a stop for no harm is none.
    public static TheoryData<string, string[]> HarmBesideStop => new()
    {
        { "azathioprine (pancreatitis, stopped)", ["azathioprine:intolerant"] },
        { "dapsone: methaemoglobinaemia -> switched", ["dapsone:intolerant"] },
        { "mycophenolate discontinued - mouth ulcers", ["mycophenolate:intolerant"] },
        { "Hb fell to 80 after the anti-D, won't repeat", ["anti-d:intolerant"] },
        { "gave dad the steroids and they made him aggressive", ["prednisone:intolerant"] },
        { "danazol 3 months, stopped", ["danazol:unknown"] },
        { "ciclosporin: R, stopped for cost", ["cyclosporine:response"] },
        { "dapsone: R, lost 2/12 after stopping", ["dapsone:relapsed"] },
    };

    // The count holds only above a dose or until a taper.
    public static TheoryData<string, string[]> Threshold => new()
    {
        { "prednisolone held until we cut below 7.5", ["prednisone:dependent"] },
        { "dexamethasone fine until the dose was lowered", ["dexamethasone:dependent"] },
        { "pred only works above 15 mg", ["prednisone:dependent"] },
        { "whenever we stop the azathioprine he bleeds", ["azathioprine:dependent"] },
    };

    // A current drug told by the count it holds, or too new to judge.
    public static TheoryData<string, string[]> Current => new()
    {
        { "eltrombopag has her at 95", ["eltrombopag:response"] },
        { "avatrombopag keeping him around 120", ["avatrombopag:response"] },
        { "on romiplostim now and it's 75", ["romiplostim:response"] },
        { "fostamatinib | 2025- | plt 60-80", ["fostamatinib:response"] },
        { "dapsone: plt from 12 to 88 and steady", ["dapsone:response"] },
        { "romiplostim started 2/52, count 24", ["romiplostim:ongoing"] },
        { "avatrombopag, plt climbing 10->38", ["avatrombopag:ongoing"] },
        { "she's four weeks into avatrombopag", ["avatrombopag:ongoing"] },
        { "IVIG infusing now", ["ivig:ongoing"] },
        { "avatrombopag a month in, unsure yet", ["avatrombopag:ongoing"] },
        // A count under the response count names no response.
        { "eltrombopag has her at 22", ["eltrombopag:unknown"] },
    };

    public static TheoryData<string, string[]> Denials => new()
    {
        { "dapsone never actually helped", ["dapsone:no-response"] },
        { "mycophenolate didn't really work", ["mycophenolate:no-response"] },
        // The verb left out after a contrast, and a count that never climbed.
        { "danazol helped, cyclosporin didn't", ["cyclosporine:no-response", "danazol:response"] },
        { "romiplostim, count never climbed above 25", ["romiplostim:no-response"] },
        { "mycophenolate 1 g, plt unchanged", ["mycophenolate:no-response"] },
    };

    // A length or a rise and fall told bare, "similar" for the drug before, a harm whose kind names a drug, a chart's
    // length right after the drug.
    public static TheoryData<string, string[]> Bare => new()
    {
        { "mycophenolate which lasted some eight weeks", ["mycophenolate:relapsed"] },
        { "azathioprine: R. dapsone: similar.", ["azathioprine:response", "dapsone:response"] },
        { "anti-D: up and then back down inside a fortnight", ["anti-d:relapsed"] },
        { "dapsone - marked rash, didn't finish the course", ["dapsone:intolerant"] },
        { "dexamethasone gave her steroid psychosis", ["dexamethasone:intolerant"] },
        { "dapsone NR, fostamatinib 2/52", ["dapsone:no-response", "fostamatinib:ongoing"] },
    };

    [Theory]
    [MemberData(nameof(ResponseLost))]
    [MemberData(nameof(HarmBesideStop))]
    [MemberData(nameof(Threshold))]
    [MemberData(nameof(Current))]
    [MemberData(nameof(Denials))]
    [MemberData(nameof(Bare))]
    public void Reads_the_outcome_from_the_structure(string story, string[] expected)
    {
        var reading = Reader.Read(story);
        Assert.Equal(expected, reading.Treatments.Select(t => $"{t.Therapy}:{Code(t.Outcome)}").Concat(reading.WithoutOutcome.Select(id => $"{id}:unknown")).Order());
    }

    private static string Code(TreatmentOutcome outcome) => outcome switch
    {
        TreatmentOutcome.NoResponse => "no-response",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
