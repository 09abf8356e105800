using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>Names of therapy classes. A class is never one therapy: saying "TPO-RA" does not tell which.</summary>
internal static class TherapyClasses
{
    public sealed record TherapyClass(string Name, IReadOnlyList<string> Names, IReadOnlyList<string> TherapyIds);

    public static readonly IReadOnlyList<TherapyClass> All =
    [
        new("TPO-RA",
            ["tpo-ra", "tpora", "tpo ra", "tpo-ras", "tpo receptor agonist", "tpo agonist", "thrombopoietin receptor agonist",
             "thrombopoietin agonist", "tpo mimetic", "thrombopoietin mimetic"],
            [TherapyIds.Romiplostim, TherapyIds.Eltrombopag, TherapyIds.Avatrombopag]),
        new("corticosteroids",
            // "steroids" and "corticosteroids" are prednisone's names in the content (therapies.yaml): in an ITP history they
            // mean prednis(ol)one, and clinicians name dexamethasone or methylprednisolone when they mean it.
            ["glucocorticoid", "glucocorticoids"],
            [TherapyIds.Prednisone, TherapyIds.Dexamethasone, TherapyIds.Methylprednisolone]),
        new("immunosuppressants",
            ["immunosuppressant", "immunosuppressants", "immunosuppressive", "immunosuppressives"],
            [TherapyIds.Azathioprine, TherapyIds.Mycophenolate, TherapyIds.Cyclosporine]),
    ];
}
