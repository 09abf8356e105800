using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>Current antithrombotic drugs by class: "on apixaban" is an anticoagulant; "stopped warfarin" is none.</summary>
public sealed class AntithromboticRecognizer
{
    private static readonly PhraseRule<Antithrombotic>[] Rules =
    [
        new(Antithrombotic.Anticoagulant,
            @"\b(?:warfarin|coumadin|acenocoumarol|phenprocoumon|apixaban|eliquis|rivaroxaban|xarelto|edoxaban|lixiana|savaysa|" +
            @"dabigatran|pradaxa|doacs?|noacs?|anticoagula\w*|anti-coagula\w*|heparin|lmwh|enoxaparin|clexane|lovenox|dalteparin|" +
            @"fragmin|tinzaparin|innohep|fondaparinux|arixtra|vka)\b"),
        new(Antithrombotic.Antiplatelet,
            @"\b(?:aspirin|asa|clopidogrel|plavix|ticagrelor|brilinta|brilique|prasugrel|effient|dipyridamole|persantin|" +
            @"antiplatelets?|anti-platelets?|dapt|cangrelor)\b"),
        new(Antithrombotic.Nsaid,
            @"\b(?:nsaids?|ibuprofen|nurofen|advil|motrin|naproxen|naprosyn|aleve|diclofenac|voltaren|voltarol|celecoxib|" +
            @"celebrex|indomethacin|ketorolac|meloxicam|etoricoxib|anti-inflammator(?:y|ies))\b"),
    ];

    public IReadOnlyList<Antithrombotic> FindAll(string? text) => PhraseSetFinder.Stated(Rules, text, NegationScope.Current);

    /// <summary>Classes the text says the patient is not (or no longer) taking.</summary>
    public IReadOnlyList<Antithrombotic> FindDenied(string? text) => PhraseSetFinder.Denied(Rules, text, NegationScope.Current);
}
