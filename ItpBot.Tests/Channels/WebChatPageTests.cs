using System.Net;
using System.Text.RegularExpressions;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.Channels;

/// <summary>The page and its Web Chat bundle are served by the host itself (no CDN), whatever the browser.</summary>
public sealed partial class WebChatPageTests : IAsyncLifetime
{
    private RunningBotHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_page_and_every_script_it_loads_come_from_the_host()
    {
        var page = await _host.Client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>ItpBot</title>", html);
        Assert.Contains("does not replace, clinical judgement", html);
        Assert.Contains("script-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single());

        var scripts = ScriptSources().Matches(html).Select(m => m.Groups["src"].Value).ToList();
        Assert.Contains("lib/botframework-webchat/webchat.js", scripts);
        foreach (var src in scripts)
        {
            Assert.False(Uri.TryCreate(src, UriKind.Absolute, out _), $"{src} is not served by the host");
            var script = await _host.Client.GetAsync(src);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        }

        var bundle = await _host.Client.GetByteArrayAsync("lib/botframework-webchat/webchat.js");
        Assert.True(bundle.Length > 1_000_000, "the Web Chat bundle is missing or truncated");
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSources();
}
