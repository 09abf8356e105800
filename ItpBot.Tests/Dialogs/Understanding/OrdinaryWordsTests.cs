using ItpBot.Dialogs.Understanding;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>Typo tolerance must never turn ordinary words of a case description into a drug.</summary>
public sealed class OrdinaryWordsTests
{
    private const string Words =
        "and the a an of to in on for with failed failure dose doses dosing daily weekly monthly tablet tablets " +
        "injection injections patient patients woman women man male female platelet platelets count counts bleeding " +
        "bruising bruises nosebleed relapsed relapse response responded respond worked working stopped started " +
        "treatment treatments therapy therapies course courses months years weeks days before after " +
        "because however although previous prior history chronic persistent refractory newly diagnosed diagnosis " +
        "remission rescue emergency hospital clinic admitted discharged transfusion transfused surgery operation " +
        "pregnant pregnancy weight kilos pounds stone height blood pressure diabetes hypertension kidney liver heart " +
        "stroke clot clots warfarin aspirin cancer infection infections fever tired fatigue headache dizzy fainted " +
        "better worse stable unstable improved improving dropped dropping rising normal abnormal high low very quite " +
        "really maybe perhaps probably likely unlikely possible impossible again still never always sometimes often " +
        "about above below between during until while where which whose would could should might must shall " +
        "there their these those three third second first another other others every either neither something " +
        "nothing anything everything someone anyone everyone today tomorrow yesterday morning evening night " +
        "doctor nurse haematologist hematologist consultant registrar pharmacist family mother father sister brother " +
        "daughter son husband wife partner children child baby babies plate plated plates romance rotating " +
        "predict predicted dexterity romantic elated elevated element evident rituals ritual dapper danger dangerous " +
        "avatar avocado cyclist cyclone cycling sister fosters foster azalea mycology trial trials study studies";

    public static TheoryData<string> OrdinaryWords()
    {
        var data = new TheoryData<string>();
        foreach (var word in Words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct())
        {
            data.Add(word);
        }

        return data;
    }

    private readonly TherapyRecognizer recognizer = new(TestLexicon.Instance);

    [Theory]
    [MemberData(nameof(OrdinaryWords))]
    public void An_ordinary_word_is_no_therapy(string word) => Assert.Empty(recognizer.FindAll(word));
}
