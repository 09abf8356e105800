using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Session 18 outcome classes, each in words no held-out or corpus line uses: typed outcome words, lists over lines and
/// table columns, a level kept as a response, a count held only at a dose, courses just begun, a count still low after
/// months, a drug's trial, a denial shared with the drug before, and drugs never given.
/// </summary>
public sealed class TreatmentOutcomeSession18Tests
{
    private static readonly PriorTreatmentReader Reader = new(new TherapyRecognizer(KnowledgeBase.LoadEmbedded()), new TreatmentOutcomeRecognizer());

    // Class 1: an outcome word typed one letter out is read as meant; a real word is never changed.
    public static TheoryData<string, string[]> TypedOutcomeWords => new()
    {
        { "danazol relaspsed after a year", ["danazol:relapsed"] },
        { "avatrombopag: no respomse at all", ["avatrombopag:no-response"] },
        { "she was intolerent of azathioprine", ["azathioprine:intolerant"] },
        { "mycophenolate, she respondid well and still takes it", ["mycophenolate:response"] },
    };

    // Class 2 and 3: a line, a bullet or a table column is a boundary between one drug's outcome and the next.
    public static TheoryData<string, string[]> ListsOverLinesAndColumns => new()
    {
        { "danazol -> relapsed\nromiplostim -> responding", ["danazol:relapsed", "romiplostim:response"] },
        { "* azathioprine: no benefit\n* avatrombopag: good response, remains on it", ["avatrombopag:response", "azathioprine:no-response"] },
        { "Dapsone: R, lost at 3/12 | Fostamatinib: NR", ["dapsone:relapsed", "fostamatinib:no-response"] },
        { "danazol | dapsone = nil | R (ongoing, fine)", ["danazol:no-response", "dapsone:response"] },
    };

    // Class 5: a level kept on the drug is a response that runs to now, whatever word names the count.
    public static TheoryData<string, string[]> LevelKept => new()
    {
        { "avatrombopag since spring and she has remained above 60", ["avatrombopag:response"] },
        { "mycophenolate added last year, he's been in the 80s ever since", ["mycophenolate:response"] },
        { "Fostamatinib - plts 120-180, continuing", ["fostamatinib:response"] },
        { "dapsone: steady at 75", ["dapsone:response"] },
        // A level under the response count says nothing of a response.
        { "dapsone since May and she has remained above 15", ["dapsone:unknown"] },
    };

    // A count held only at a dose, or only by going on: dependent.
    public static TheoryData<string, string[]> HeldOnlyAtADose => new()
    {
        { "dexamethasone only works while the dose is high", ["dexamethasone:dependent"] },
        { "prednisolone kept him up only on 30 mg or above", ["prednisone:dependent"] },
        { "good on 10 mg of prednisolone, plummets at 5", ["prednisone:dependent"] },
        { "his count crashed the minute the prednisolone dose got under 20", ["prednisone:dependent"] },
        { "every attempt to wean him failed; the prednisolone taper failed twice", ["prednisone:dependent"] },
        { "he must keep taking danazol or else his platelets drop", ["danazol:dependent"] },
    };

    // Class 4-6 neighbours: a course just begun, a count still low after months, "no change yet".
    public static TheoryData<string, string[]> BegunOrStillLow => new()
    {
        { "she is nine days into avatrombopag", ["avatrombopag:ongoing"] },
        { "he's in his second week of fostamatinib", ["fostamatinib:ongoing"] },
        { "rilzabrutinib started Monday", ["rilzabrutinib:ongoing"] },
        { "dapsone for three weeks, no rise yet", ["dapsone:ongoing"] },
        { "avatrombopag 6 months on the highest dose and the count is still 11", ["avatrombopag:no-response"] },
        { "danazol: platelets 5-20 the whole time", ["danazol:no-response"] },
    };

    // Class 4: a drug tried, or given in a study, is that drug; a drug named after a denial of the one before shares it.
    public static TheoryData<string, string[]> TrialsAndSharedDenials => new()
    {
        { "the dapsone trial gave nothing", ["dapsone:no-response"] },
        { "fostamatinib (study drug, trial) no resp", ["fostamatinib:no-response"] },
        { "azathioprine changed nothing, nor did danazol", ["azathioprine:no-response", "danazol:no-response"] },
        { "mycophenolate did nothing; dapsone neither", ["dapsone:no-response", "mycophenolate:no-response"] },
        { "neither danazol nor the azathioprine gave any rise", ["azathioprine:no-response", "danazol:no-response"] },
    };

    // Harms told by what the drug drove out of range, and a drug told as next in a story, given.
    public static TheoryData<string, string[]> HarmsAndStoryOrder => new()
    {
        { "danazol sent his glucose sky high", ["danazol:intolerant"] },
        { "he tolerated the fostamatinib very poorly", ["fostamatinib:intolerant"] },
        { "dapsone was next, and it made her so irritable we had to stop it", ["dapsone:intolerant"] },
        { "mycophenolate next, nothing at all", ["mycophenolate:no-response"] },
    };

    // Named but never given: no prior treatment.
    public static TheoryData<string, string[]> NeverGiven => new()
    {
        { "fostamatinib has never been tried", [] },
        { "dapsone was mentioned but we haven't tried it", [] },
        { "avatrombopag: declined by the patient", [] },
    };

    [Theory]
    [MemberData(nameof(TypedOutcomeWords))]
    [MemberData(nameof(ListsOverLinesAndColumns))]
    [MemberData(nameof(LevelKept))]
    [MemberData(nameof(HeldOnlyAtADose))]
    [MemberData(nameof(BegunOrStillLow))]
    [MemberData(nameof(TrialsAndSharedDenials))]
    [MemberData(nameof(HarmsAndStoryOrder))]
    [MemberData(nameof(NeverGiven))]
    public void Reads_each_outcome_class(string story, string[] expected)
    {
        var reading = Reader.Read(story);
        Assert.Equal(expected, reading.Treatments.Select(t => $"{t.Therapy}:{Code(t.Outcome)}").Concat(reading.WithoutOutcome.Select(id => $"{id}:unknown")).Order());
    }

    [Theory]
    [InlineData("a\nb", "a\nb")]
    [InlineData("a \r\n  b", "a\nb")]
    [InlineData("a  b", "a b")]
    public void A_line_break_stays_one_boundary_in_the_normal_form(string text, string normal) =>
        Assert.Equal(normal, UnderstandingText.Normalize(text));

    [Theory]
    [InlineData("relaspsed", "relapsed")]
    [InlineData("it relapsed", "it relapsed")]
    [InlineData("intolerent of it", "intolerant of it")]
    public void A_typed_outcome_word_is_restored_and_a_real_word_kept(string typed, string meant) =>
        Assert.Equal(meant, ItpBot.Dialogs.Understanding.Outcomes.OutcomeSpelling.Respell(typed, UnderstandingText.Words(typed)));

    // The contract's own name of the outcome ("no-response"), as the API writes it.
    private static string Code(TreatmentOutcome outcome) => ContractCodes<TreatmentOutcome>.ByName.Single(p => p.Value == outcome).Key;
}
