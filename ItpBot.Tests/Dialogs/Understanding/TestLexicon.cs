using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>A small stand-in for the knowledge content's lexicon: every contract therapy id with its usual names.</summary>
internal sealed class TestLexicon : ITherapyLexicon
{
    public static TestLexicon Instance { get; } = new();

    public IReadOnlyList<TherapyName> Therapies { get; } =
    [
        new(TherapyIds.Observation, "Observation", ["watch and wait", "watchful waiting", "active monitoring"]),
        new(TherapyIds.Prednisone, "Prednisone", ["prednisolone", "pred", "pdn", "steroid", "steroids"]),
        new(TherapyIds.Dexamethasone, "Dexamethasone", ["dex", "dexa", "hd-dex", "high-dose dexamethasone"]),
        new(TherapyIds.Methylprednisolone, "Methylprednisolone", ["methylpred", "solumedrol", "Solu-Medrol", "IVMP"]),
        new(TherapyIds.Ivig, "IVIg", ["IVIG", "intravenous immunoglobulin", "IV immunoglobulin", "immunoglobulin", "Privigen", "Octagam"]),
        new(TherapyIds.AntiD, "Anti-D", ["anti-D immunoglobulin", "WinRho", "Rhophylac"]),
        new(TherapyIds.PlateletTransfusion, "Platelet transfusion", ["platelet transfusions", "platelets transfused", "platelet infusion"]),
        new(TherapyIds.TranexamicAcid, "Tranexamic acid", ["TXA", "Cyklokapron", "tranexamic"]),
        new(TherapyIds.Romiplostim, "Romiplostim", ["Nplate", "romi"]),
        new(TherapyIds.Eltrombopag, "Eltrombopag", ["Promacta", "Revolade", "Alvaiz", "eltrom", "EPAG"]),
        new(TherapyIds.Avatrombopag, "Avatrombopag", ["Doptelet", "ava"]),
        new(TherapyIds.Fostamatinib, "Fostamatinib", ["Tavalisse", "Tavlesse", "fosta"]),
        new(TherapyIds.Rilzabrutinib, "Rilzabrutinib", ["Wayrilz", "rilza"]),
        new(TherapyIds.Efgartigimod, "Efgartigimod", ["Vyvgart", "efgart"]),
        new(TherapyIds.Rituximab, "Rituximab", ["Rituxan", "MabThera", "Truxima", "ritux", "RTX"]),
        new(TherapyIds.Splenectomy, "Splenectomy", ["laparoscopic splenectomy", "spleen removal"]),
        new(TherapyIds.Azathioprine, "Azathioprine", ["AZA", "Imuran"]),
        new(TherapyIds.Mycophenolate, "Mycophenolate", ["MMF", "mycophenolate mofetil", "CellCept", "Myfortic"]),
        new(TherapyIds.Cyclosporine, "Cyclosporine", ["ciclosporin", "cyclosporin", "CsA", "Neoral", "Sandimmune"]),
        new(TherapyIds.Cyclophosphamide, "Cyclophosphamide", ["Cytoxan", "CYC"]),
        new(TherapyIds.Danazol, "Danazol", ["Danol"]),
        new(TherapyIds.Dapsone, "Dapsone", []),
        new(TherapyIds.VincaAlkaloids, "Vinca alkaloids", ["vincristine", "vinblastine", "vinca"]),
        new(TherapyIds.ImmunosuppressantCombination, "Immunosuppressant combination", ["triple immunosuppression", "AZA + MMF + CsA"]),
        new(TherapyIds.TpoRaCombination, "TPO-RA combination", ["TPO-RA plus immunosuppressant"]),
        new(TherapyIds.ClinicalTrial, "Clinical trial", ["trial enrolment", "research study"]),
    ];

    public IReadOnlyList<string> DefinitionTerms { get; } =
    [
        "refractory", "chronic", "persistent", "newly diagnosed", "response", "complete response",
        "corticosteroid dependence", "ITP", "primary ITP", "secondary ITP",
    ];
}
