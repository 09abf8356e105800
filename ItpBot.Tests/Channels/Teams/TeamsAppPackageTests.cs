using System.IO.Compression;
using System.Text.Json.Nodes;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.Channels.Teams;

/// <summary>The Teams app in deploymentTemplates/teams: manifest, icons, and the package zip, all checked offline.</summary>
public sealed class TeamsAppPackageTests : IDisposable
{
    private static readonly string AppFolder = Path.Combine(SharedFolder.RepositoryRoot, "deploymentTemplates", "teams");
    private readonly string _scratch = Directory.CreateTempSubdirectory("itpbot-teams-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task The_manifest_is_valid_against_the_bundled_Teams_schema()
    {
        var result = await NodeScript.RunAsync(AppFolder, "validate.mjs");

        var report = JsonNode.Parse(result.Output)!;
        Assert.True(result.ExitCode == 0, $"validate.mjs exited {result.ExitCode}: {result.Output} {result.Errors}");
        Assert.True(report["valid"]!.GetValue<bool>());
        Assert.Empty(report["errors"]!.AsArray());
    }

    [Fact]
    public async Task The_validator_rejects_a_manifest_that_breaks_the_schema()
    {
        var manifest = Template();
        manifest["name"]!["short"] = new string('x', 31);
        manifest["bots"]![0]!["scopes"]!.AsArray().Add("everywhere");
        manifest.AsObject().Remove("developer");
        var file = Write("broken.json", manifest);

        var result = await NodeScript.RunAsync(AppFolder, "validate.mjs", file);

        Assert.Equal(1, result.ExitCode);
        var errors = JsonNode.Parse(result.Output)!["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains(errors, e => e.Contains("developer", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/name/short", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/bots/0/scopes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_validator_refuses_a_schema_it_would_have_to_fetch()
    {
        var manifest = Template();
        manifest["manifestVersion"] = "1.18";
        manifest["$schema"] = "https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json";

        var result = await NodeScript.RunAsync(AppFolder, "validate.mjs", Write("v118.json", manifest));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not bundled", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_offers_the_bot_in_every_scope_with_its_commands_and_a_placeholder_id()
    {
        var manifest = Template();

        var version = Version.Parse(manifest["manifestVersion"]!.GetValue<string>());
        Assert.True(version >= new Version(1, 17) && version != new Version(1, 18), $"manifest version {version}");
        Assert.Contains($"/v{version}/", manifest["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(Guid.TryParse(manifest["id"]!.GetValue<string>(), out _));

        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal("{{BOT_ID}}", bot["botId"]!.GetValue<string>());
        Assert.Equal(["groupChat", "personal", "team"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order());
        var commands = bot["commandLists"]!.AsArray().SelectMany(list => list!["commands"]!.AsArray()).Select(c => c!["title"]!.GetValue<string>()).ToList();
        foreach (var expected in new[] { "help", "new patient", "dosing", "compare", "forget me" })
        {
            Assert.Contains(commands, title => title.StartsWith(expected, StringComparison.Ordinal));
        }

        Assert.Contains("{{BOT_DOMAIN}}", manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public async Task The_package_holds_the_manifest_with_the_bot_id_and_both_icons_at_their_sizes()
    {
        var botId = Guid.NewGuid().ToString();
        var zipPath = Path.Combine(_scratch, "app.zip");

        var result = await NodeScript.RunAsync(AppFolder, "package.mjs", "--bot-id", botId, "--domain", "itpbot-test.azurewebsites.net", "--out", zipPath);

        Assert.True(result.ExitCode == 0, $"package.mjs exited {result.ExitCode}: {result.Errors}");
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());

        var manifestText = ReadText(zip, "manifest.json");
        Assert.DoesNotContain("{{", manifestText, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(manifestText)!;
        Assert.Equal(botId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("itpbot-test.azurewebsites.net", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.Equal("https://itpbot-test.azurewebsites.net/", manifest["developer"]!["websiteUrl"]!.GetValue<string>());

        var color = PngImage.Read(ReadBytes(zip, manifest["icons"]!["color"]!.GetValue<string>()));
        Assert.Equal((192, 192), (color.Width, color.Height));

        var outline = PngImage.Read(ReadBytes(zip, manifest["icons"]!["outline"]!.GetValue<string>()));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.True(outline.HasAlpha, "the outline icon needs a transparent background");
        var pixels = Enumerable.Range(0, 32 * 32).Select(i => outline.Pixel(i % 32, i / 32)).ToList();
        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"outline pixel {p} is neither white nor transparent"));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
    }

    [Theory]
    [InlineData("not-a-guid", "itpbot.azurewebsites.net")]
    [InlineData("11111111-2222-3333-4444-555555555555", "https://itpbot.azurewebsites.net/")]
    public async Task The_package_is_not_built_with_a_bad_bot_id_or_domain(string botId, string domain)
    {
        var zipPath = Path.Combine(_scratch, "bad.zip");

        var result = await NodeScript.RunAsync(AppFolder, "package.mjs", "--bot-id", botId, "--domain", domain, "--out", zipPath);

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(File.Exists(zipPath));
    }

    private static JsonNode Template() => JsonNode.Parse(File.ReadAllText(Path.Combine(AppFolder, "manifest.json")))!;

    private string Write(string name, JsonNode manifest)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllText(path, manifest.ToJsonString());
        return path;
    }

    private static string ReadText(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
