namespace ItpBot.Knowledge.Model;

/// <summary>The therapy ids the contract fixes. Content may not invent others.</summary>
public static class TherapyIds
{
    public const string Observation = "observation";
    public const string Prednisone = "prednisone";
    public const string Dexamethasone = "dexamethasone";
    public const string Methylprednisolone = "methylprednisolone";
    public const string Ivig = "ivig";
    public const string AntiD = "anti-d";
    public const string PlateletTransfusion = "platelet-transfusion";
    public const string TranexamicAcid = "tranexamic-acid";
    public const string Romiplostim = "romiplostim";
    public const string Eltrombopag = "eltrombopag";
    public const string Avatrombopag = "avatrombopag";
    public const string Fostamatinib = "fostamatinib";
    public const string Rilzabrutinib = "rilzabrutinib";
    public const string Efgartigimod = "efgartigimod";
    public const string Rituximab = "rituximab";
    public const string Splenectomy = "splenectomy";
    public const string Azathioprine = "azathioprine";
    public const string Mycophenolate = "mycophenolate";
    public const string Cyclosporine = "cyclosporine";
    public const string Cyclophosphamide = "cyclophosphamide";
    public const string Danazol = "danazol";
    public const string Dapsone = "dapsone";
    public const string VincaAlkaloids = "vinca-alkaloids";
    public const string ImmunosuppressantCombination = "immunosuppressant-combination";
    public const string TpoRaCombination = "tpo-ra-combination";
    public const string ClinicalTrial = "clinical-trial";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Observation, Prednisone, Dexamethasone, Methylprednisolone, Ivig, AntiD, PlateletTransfusion,
        TranexamicAcid, Romiplostim, Eltrombopag, Avatrombopag, Fostamatinib, Rilzabrutinib, Efgartigimod,
        Rituximab, Splenectomy, Azathioprine, Mycophenolate, Cyclosporine, Cyclophosphamide, Danazol, Dapsone,
        VincaAlkaloids, ImmunosuppressantCombination, TpoRaCombination, ClinicalTrial,
    };

    public static bool IsKnown(string? id) => id is not null && All.Contains(id);
}
