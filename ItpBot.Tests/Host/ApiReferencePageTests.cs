using System.Net;
using System.Text.RegularExpressions;
using ItpBot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ItpBot.Tests.Host;

/// <summary>
/// The interactive reference page for the OpenAPI document. Must hold: in Development it is served with its script
/// from the host itself and points at /openapi/v1.json; in Production it does not exist.
/// </summary>
public sealed partial class ApiReferencePageTests
{
    [Fact]
    public async Task In_development_the_page_and_its_script_come_from_the_host()
    {
        await using var host = await RunningBotHost.StartAsync();

        var page = await host.Client.GetAsync("scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("\"openapi/v1.json\"", html);

        var scripts = ScriptSource().Matches(html).Select(m => m.Groups["src"].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.False(Uri.TryCreate(script, UriKind.Absolute, out var absolute) && absolute.Host != host.BaseAddress.Host, $"script from elsewhere: {script}");
            var served = await host.Client.GetAsync(new Uri(new Uri(host.BaseAddress, "scalar/v1"), script));
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }
    }

    [Fact]
    public async Task In_production_there_is_no_page()
    {
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production", "--Startup:WarmUp=false"]);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address + "/") };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("openapi/v1.json")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("scalar/v1")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [GeneratedRegex("""<script[^>]*\bsrc="(?<src>[^"]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex ScriptSource();
}
