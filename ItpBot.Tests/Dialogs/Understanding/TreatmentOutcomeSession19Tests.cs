using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Session 19 outcome classes, in words no held-out or corpus line uses: a count told as held on the drug taken now,
/// a good word alone as a list's outcome cell, the operation told as "spleen out", the DEXA bone scan, and a drug
/// told again as the one the next drug let the patient come off.
/// </summary>
public sealed class TreatmentOutcomeSession19Tests
{
    private static readonly PriorTreatmentReader Reader = new(new TherapyRecognizer(KnowledgeBase.LoadEmbedded()), new TreatmentOutcomeRecognizer());

    // A count that held on the drug is a response, not a course merely under way.
    public static TheoryData<string, string[]> CountHeldOnTheDrug => new()
    {
        { "on dapsone now and his plts are holding", ["dapsone:response"] },
        { "danazol for two years, platelets firm and steady", ["danazol:response"] },
        { "azathioprine has kept her between 40 and 70", ["azathioprine:response"] },
        { "since MMF her counts haven't fallen below 45", ["mycophenolate:response"] },
        { "rilzabrutinib: platelets consistently above 80", ["rilzabrutinib:response"] },
        { "avatrombopag still, counts safely above the line", ["avatrombopag:response"] },
        // A count that fell back is still a relapse, whatever held before.
        { "dapsone: plts held for a month then dropped back", ["dapsone:relapsed"] },
    };

    // A good word alone as the outcome cell of a list; "good response but..." stays for the words after it.
    public static TheoryData<string, string[]> GoodWordAsACell => new()
    {
        { "Tavalisse - excellent; MMF - nil", ["fostamatinib:response", "mycophenolate:no-response"] },
        { "azathioprine (fine, still taking)", ["azathioprine:response"] },
        { "Doptelet: v good", ["avatrombopag:response"] },
    };

    // The operation in everyday words counts only when the spleen is out; an operation is never "ongoing".
    public static TheoryData<string, string[]> SpleenOut => new()
    {
        { "his spleen op in 2011 gave him eight good years before the relapse", ["splenectomy:relapsed"] },
        { "spleen removed 2020, made no difference", ["splenectomy:no-response"] },
        { "the team keep suggesting her spleen out but she hasn't agreed; danazol did nothing", ["danazol:no-response"] },
        { "they discussed a spleen operation but decided against it", [] },
    };

    // DEXA, the bone density scan, is not dexamethasone; "dexa" after a dose is the drug.
    public static TheoryData<string, string[]> BoneScan => new()
    {
        { "her DEXA scan was fine; avatrombopag didn't work", ["avatrombopag:no-response"] },
        { "t-score -2.8 on the latest dexa; pred did nothing", ["prednisone:no-response"] },
        { "dexa 40 mg, worked then relapsed", ["dexamethasone:relapsed"] },
    };

    // "now off steroids" after a new drug is that drug's outcome; the steroid keeps the outcome told before.
    public static TheoryData<string, string[]> OffTheOldDrug => new()
    {
        { "prednisolone: every attempt to taper failed. Dapsone was added; weaned off the prednisolone, count fine", ["dapsone:response", "prednisone:dependent"] },
    };

    [Theory]
    [MemberData(nameof(CountHeldOnTheDrug))]
    [MemberData(nameof(GoodWordAsACell))]
    [MemberData(nameof(SpleenOut))]
    [MemberData(nameof(BoneScan))]
    [MemberData(nameof(OffTheOldDrug))]
    public void Reads_each_outcome_class(string story, string[] expected)
    {
        var reading = Reader.Read(story);
        Assert.Equal(expected, reading.Treatments.Select(t => $"{t.Therapy}:{Code(t.Outcome)}").Concat(reading.WithoutOutcome.Select(id => $"{id}:unknown")).Order());
    }

    // The contract's own name of the outcome ("no-response"), as the API writes it.
    private static string Code(TreatmentOutcome outcome) => ContractCodes<TreatmentOutcome>.ByName.Single(p => p.Value == outcome).Key;
}
