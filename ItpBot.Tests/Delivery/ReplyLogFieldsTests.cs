using System.Security.Cryptography;
using System.Text;
using ItpBot.Delivery;

namespace ItpBot.Tests.Delivery;

public sealed class ReplyLogFieldsTests
{
    [Fact]
    public void Conversation_hash_is_a_short_sha256_of_the_unescaped_conversation_id()
    {
        const string conversationId = "a:1Bx|livechat";
        var uri = new Uri($"https://connector.example/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/abc");

        var hash = ReplyLogFields.ConversationHash(uri);

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)))[..12];
        Assert.Equal(expected, hash);
        Assert.DoesNotContain("livechat", hash);
    }

    [Fact]
    public void Conversation_hash_of_a_url_without_a_conversation_is_a_dash()
    {
        Assert.Equal("-", ReplyLogFields.ConversationHash(new Uri("https://login.example/oauth2/token")));
        Assert.Equal("-", ReplyLogFields.ConversationHash(null));
    }

    [Theory]
    [InlineData("""{"type":"message","text":"plt 12k, epistaxis"}""", "message")]
    [InlineData("""{"text":"plt 12k","type":"typing"}""", "typing")]
    [InlineData("""{"type":"plt 12k, epistaxis","text":"x"}""", "unknown")]
    [InlineData("""{"text":"no type"}""", "unknown")]
    [InlineData("not json, plt 12k", "unknown")]
    public async Task Activity_type_is_read_from_the_body_and_nothing_else_is(string body, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://connector.example/v3/conversations/c/activities")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        Assert.Equal(expected, await ReplyLogFields.ActivityTypeAsync(request, CancellationToken.None));
    }
}
