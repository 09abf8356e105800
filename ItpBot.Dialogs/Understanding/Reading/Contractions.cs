namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Contractions typed without their apostrophe ("cant move his legs", "didnt work", "im pregnant") read as the
/// contraction meant, in the lexicon's phrases and in a message's words alike, so a phrase written "can't" also
/// matches "cant" and one written "cant" also matches "can't". Only forms that are not ordinary words of their own are
/// listed ("well", "ill", "its", "were", "shed" stay as they are); "cant" and "wont" are English words, but in a typed
/// message they are the contractions.
/// </summary>
internal static class Contractions
{
    private static readonly Dictionary<string, string> Meant = new(StringComparer.Ordinal)
    {
        ["cant"] = "can't",
        ["wont"] = "won't",
        ["dont"] = "don't",
        ["doesnt"] = "doesn't",
        ["didnt"] = "didn't",
        ["isnt"] = "isn't",
        ["wasnt"] = "wasn't",
        ["arent"] = "aren't",
        ["werent"] = "weren't",
        ["hasnt"] = "hasn't",
        ["havent"] = "haven't",
        ["hadnt"] = "hadn't",
        ["couldnt"] = "couldn't",
        ["wouldnt"] = "wouldn't",
        ["shouldnt"] = "shouldn't",
        ["mustnt"] = "mustn't",
        ["neednt"] = "needn't",
        ["aint"] = "ain't",
        ["im"] = "i'm",
        ["ive"] = "i've",
        ["shes"] = "she's",
        ["hes"] = "he's",
        ["theyre"] = "they're",
        ["youre"] = "you're",
        ["weve"] = "we've",
        ["theyve"] = "they've",
        ["youve"] = "you've",
    };

    /// <summary>The contraction a word typed without its apostrophe stands for, or null.</summary>
    public static string? Restore(string word) => Meant.GetValueOrDefault(word);

    /// <summary>The word itself, or the contraction it stands for.</summary>
    public static string Canonical(string word) => Restore(word) ?? word;
}
