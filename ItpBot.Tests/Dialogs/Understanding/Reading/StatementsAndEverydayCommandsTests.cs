using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// Session 15's intent classes, in words of their own: a statement that fills no field is still a statement (only
/// keyboard noise and fillers are unclear), commands and who is typing in everyday words, and corrections that name
/// a value but no field.
/// </summary>
public sealed class StatementsAndEverydayCommandsTests
{
    private readonly IntentReader intents = new(new TherapyRecognizer(TestLexicon.Instance), TestLexicon.Instance);

    [Theory]
    [InlineData("her cousin was told she has lupus")]
    [InlineData("he gets worn out by the afternoon")]
    [InlineData("my counts were normal at school")]
    [InlineData("fit as a fiddle apart from this")]
    [InlineData("we moved here from Leeds last year")]
    [InlineData("his grandad had something similar")]
    [InlineData("she's a keen runner")]
    [InlineData("the swelling went down over the weekend")]
    [InlineData("ages ago, maybe 2015")]
    public void A_statement_that_fills_no_field_is_facts_not_unclear(string text) =>
        Assert.Equal(MessageIntent.Facts, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("zxcvbn")]
    [InlineData("hmm")]
    [InlineData("jkjkjk")]
    [InlineData("um well")]
    public void Keyboard_noise_and_fillers_stay_unclear(string text) =>
        Assert.Equal(MessageIntent.Unclear, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("could you wipe what you've got on me", Command.ForgetMe)]
    [InlineData("please erase everything you keep on me", Command.ForgetMe)]
    [InlineData("scrap it all, different case", Command.StartOver)]
    [InlineData("ditch the previous patient and start afresh", Command.StartOver)]
    [InlineData("delete this case please", Command.StartOver)]
    public void Commands_in_everyday_words_are_read(string text, Command command) =>
        Assert.Equal(new CommandIntent(command), intents.Read(text));

    [Theory]
    [InlineData("writing as the mother of a patient", MessageIntent.Audience)]
    [InlineData("as the carer", MessageIntent.Audience)]
    [InlineData("as a treating physician", MessageIntent.Audience)]
    public void Who_is_typing_without_a_verb_is_read(string text, MessageIntent intent) =>
        Assert.Equal(intent, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("typo, 24 weeks not 42")]
    [InlineData("I meant 7 months, not 7 years")]
    [InlineData("no sorry, make it 45")]
    [InlineData("not clopidogrel, it's ticagrelor")]
    [InlineData("she isn't taking apixaban anymore, it's edoxaban now")]
    public void A_correction_that_names_a_value_is_a_correction(string text) =>
        Assert.Equal(MessageIntent.Correction, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("she had 3 courses of steroids")]
    [InlineData("not pregnant, 45 and post menopause")]
    public void A_number_without_a_correcting_word_is_no_correction(string text) =>
        Assert.NotEqual(MessageIntent.Correction, TestReaders.Message.Read(text).Intent);
}
