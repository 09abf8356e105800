using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;
using Microsoft.Bot.Schema;

namespace ItpBot.Tests.Dialogs.Replies;

public class WelcomeReplyTests
{
    [Fact]
    public void Welcome_says_who_and_what_gives_the_disclaimer_and_how_to_start()
    {
        var text = WelcomeReply.Create().Text;

        Assert.Contains("ItpBot", text);
        Assert.Contains("immune thrombocytopenia", text);
        Assert.Contains(MarkdownText.Escape(Disclaimer.Text(Audience.Clinician)), text);
        Assert.Contains("\"start\"", text);
        Assert.DoesNotMatch(@"(?m)^\s*#", text);
    }

    [Fact]
    public void Welcome_asks_the_audience_once_with_two_actions()
    {
        var message = WelcomeReply.Create();

        Assert.Equal(
            ["I'm a clinician", "I'm a patient or caregiver"],
            message.SuggestedActions.Actions.Select(a => a.Title));
        Assert.All(message.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.Equal(Audience.Clinician, WelcomeReply.AudienceFrom((string)message.SuggestedActions.Actions[0].Value));
        Assert.Equal(Audience.Patient, WelcomeReply.AudienceFrom((string)message.SuggestedActions.Actions[1].Value));
        Assert.Null(WelcomeReply.AudienceFrom("hello"));
    }

    [Fact]
    public void Known_audience_is_not_asked_again_and_gets_its_own_disclaimer()
    {
        var message = WelcomeReply.Create(Audience.Patient);

        Assert.Null(message.SuggestedActions);
        Assert.Contains(MarkdownText.Escape(Disclaimer.Text(Audience.Patient)), message.Text);
    }

    [Fact]
    public void Disclaimers_differ_by_audience()
    {
        Assert.NotEqual(Disclaimer.Text(Audience.Clinician), Disclaimer.Text(Audience.Patient));
        Assert.Contains("haematologist", Disclaimer.Text(Audience.Patient));
        Assert.Contains("judgement", Disclaimer.Text(Audience.Clinician));
    }

    [Fact]
    public void Reply_texts_hold_no_numbers()
    {
        using var stream = typeof(ReplyTexts).Assembly.GetManifestResourceStream("ItpBot.Dialogs.Replies.Texts.json");
        Assert.NotNull(stream);
        var strings = JsonNode.Parse(stream)!.AsObject().DescendantStrings().ToList();

        Assert.True(strings.Count > 50);
        // "{0}" and "{1}" are placeholders for therapy names, not numbers a reader sees.
        Assert.All(strings, text => Assert.Empty(
            ReplyNumbersGuard.UnsourcedNumbers(Regex.Replace(text, @"\{\d\}", "name"), [])));
    }
}

internal static class JsonNodeStrings
{
    public static IEnumerable<string> DescendantStrings(this JsonNode node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Value is null ? [] : p.Value.DescendantStrings()),
        JsonArray array => array.SelectMany(item => item is null ? [] : item.DescendantStrings()),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
