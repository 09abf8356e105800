using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Session 22: the list fields by class, in words of no corpus line. Everyday medicines by generic and brand name; a
/// contraceptive named as a medicine; an ITP drug never a medicine taken besides; blood thinners stopped or denied
/// are none now; a drug lost to its cost is out of reach and still a treatment given; a failed supply or a waiting
/// list is out of reach.
/// </summary>
public sealed class ListFieldClassesSession22Tests
{
    private readonly UnavailableTherapyRecognizer unavailable = new(new TherapyRecognizer(TestLexicon.Instance));

    private static PatientProfile Read(string text) => TestReaders.Message.Read(text).Facts;

    [Theory]
    [InlineData("takes levetiracetam, quetiapine and lactulose", new[] { "levetiracetam", "quetiapine", "lactulose" })]
    [InlineData("she's on Crestor and Losec", new[] { "crestor", "losec" })]
    [InlineData("trimethoprim for a water infection, finishing Friday", new[] { "trimethoprim" })]
    [InlineData("uses Ventolin and Spiriva for his COPD", new[] { "ventolin", "spiriva" })]
    [InlineData("Ozempic weekly plus glimepiride", new[] { "ozempic", "glimepiride" })]
    [InlineData("he takes fish oil and turmeric capsules", new[] { "fish oil", "turmeric" })]
    [InlineData("on co-codamol and Movicol", new[] { "co-codamol", "movicol" })]
    public void Everyday_medicines_by_generic_and_brand_name(string text, string[] expected) =>
        Assert.Equal(expected.Order(), (Read(text).CurrentDrugs ?? []).Select(d => d.ToLowerInvariant()).Order());

    [Theory]
    [InlineData("she uses Yasmin", "yasmin")]
    [InlineData("on the OCP", "ocp")]
    public void A_contraceptive_named_as_a_medicine_is_a_medicine_and_says_she_could_conceive(string text, string drug)
    {
        var profile = Read(text);
        Assert.Equal([drug], (profile.CurrentDrugs ?? []).Select(d => d.ToLowerInvariant()));
        Assert.True(profile.ChildbearingPotential);
    }

    [Fact]
    public void The_coil_is_a_method_not_a_medicine()
    {
        var profile = Read("has a copper coil");
        Assert.Null(profile.CurrentDrugs);
        Assert.True(profile.ChildbearingPotential);
    }

    [Theory]
    [InlineData("mycophenolate, azathioprine and ciclosporin in combination since May, count now 60")]
    [InlineData("romiplostim with ciclosporin, holding at 70")]
    public void An_itp_drug_is_never_a_medicine_taken_besides(string text) =>
        Assert.DoesNotContain(Read(text).CurrentDrugs ?? [], d => d.Contains("ciclosporin", StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("her ticagrelor was stopped in the summer")]
    [InlineData("came off the dabigatran last spring")]
    [InlineData("no NSAIDs")]
    public void Blood_thinners_stopped_or_denied_are_none_now(string text) =>
        Assert.Equal([], Read(text).Antithrombotics ?? [Antithrombotic.Anticoagulant]);

    [Fact]
    public void A_blood_thinner_taken_now_is_still_read()
    {
        var profile = Read("still on edoxaban for her AF");
        Assert.Equal([Antithrombotic.Anticoagulant], profile.Antithrombotics);
    }

    [Theory]
    [InlineData("romiplostim kept him above 50, stopped in 2025 because of the price", "romiplostim")]
    [InlineData("Promacta was working but the insurer stopped paying for it", "eltrombopag")]
    [InlineData("avatrombopag - good response, had to stop over the cost", "avatrombopag")]
    public void A_drug_lost_to_its_cost_is_out_of_reach_and_still_given(string text, string therapy)
    {
        var profile = Read(text);
        Assert.Contains(therapy, profile.Unavailable ?? []);
        Assert.Contains(profile.PriorTreatments ?? [], t => t.Therapy == therapy);
    }

    [Theory]
    [InlineData("dapsone is on backorder at the pharmacy", new[] { "dapsone" })]
    [InlineData("anti-D supplies are short this winter", new[] { "anti-d" })]
    [InlineData("fostamatinib has been discontinued in this country", new[] { "fostamatinib" })]
    [InlineData("the wait list for a splenectomy is over a year", new[] { "splenectomy" })]
    public void A_failed_supply_or_a_waiting_list_puts_a_drug_out_of_reach(string text, string[] expected) =>
        Assert.Equal(expected.Order(), unavailable.FindAll(text).Order());

    [Theory]
    [InlineData("eltrombopag stopped because of headaches")]
    [InlineData("rituximab discontinued after the second dose")]
    public void A_drug_stopped_for_another_reason_is_not_out_of_reach(string text) =>
        Assert.Empty(unavailable.FindAll(text));
}
