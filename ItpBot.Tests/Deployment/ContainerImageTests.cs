using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.Deployment;

/// <summary>
/// <c>dotnet publish ItpBot /t:PublishContainer</c>: a non-root image that listens on the port it declares. The
/// project's container settings are read from MSBuild offline; the image itself is built as a tarball (no Docker
/// daemon) when the base image's registry can be reached, and skipped with the reason otherwise.
/// </summary>
public sealed class ContainerImageTests
{
    private const string Port = "8080";
    private const string BaseImageRegistry = "mcr.microsoft.com";
    private static readonly string Project = SharedFolder.InRepository("ItpBot", "ItpBot.csproj");

    [Fact]
    public async Task The_project_declares_a_non_root_user_and_one_port_that_the_host_listens_on()
    {
        var (exitCode, output) = await DotnetAsync(TimeSpan.FromMinutes(2), "msbuild", Project,
            "-getProperty:ContainerUser", "-getProperty:ContainerRepository", "-getItem:ContainerPort", "-getItem:ContainerEnvironmentVariable");
        Assert.True(exitCode == 0, output);
        var evaluated = JsonNode.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..])!;
        Assert.Equal("app", (string?)evaluated["Properties"]!["ContainerUser"]);
        Assert.Equal("itpbot", (string?)evaluated["Properties"]!["ContainerRepository"]);
        Assert.Equal(Port, (string?)Assert.Single(evaluated["Items"]!["ContainerPort"]!.AsArray())!["Identity"]);
        var variables = evaluated["Items"]!["ContainerEnvironmentVariable"]!.AsArray();
        Assert.Contains(variables, v => (string?)v!["Identity"] == "ASPNETCORE_HTTP_PORTS" && (string?)v["Value"] == Port);
        Assert.DoesNotContain(variables, v => (string?)v!["Identity"] == "ASPNETCORE_URLS");
    }

    [SkippableFact]
    public async Task The_published_image_runs_as_a_non_root_user_and_listens_on_the_configured_port()
    {
        Skip.IfNot(await RegistryResolvesAsync(), $"the base image's registry ({BaseImageRegistry}) cannot be reached from here; the image cannot be built offline");
        var folder = Directory.CreateTempSubdirectory("itpbot-image-");
        try
        {
            var archive = Path.Combine(folder.FullName, "itpbot.tar.gz");
            var (exitCode, output) = await DotnetAsync(TimeSpan.FromMinutes(9), "publish", Project, "-c", "Release", "/t:PublishContainer",
                $"-p:ContainerArchiveOutputPath={archive}", "-o", Path.Combine(folder.FullName, "publish"));
            Assert.True(exitCode == 0, output);

            var config = ImageConfig(archive)["config"]!;
            var user = (string?)config["User"];
            Assert.False(string.IsNullOrEmpty(user) || user is "root" or "0", $"the image runs as '{user}'");
            Assert.Equal([$"{Port}/tcp"], config["ExposedPorts"]!.AsObject().Select(p => p.Key));
            Assert.Contains($"ASPNETCORE_HTTP_PORTS={Port}", config["Env"]!.AsArray().Select(e => (string?)e));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The image configuration from a docker-archive tarball: manifest.json names the config blob.</summary>
    private static JsonNode ImageConfig(string archive)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var file = File.OpenRead(archive))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is not null && entry.Name.EndsWith(".json", StringComparison.Ordinal))
                {
                    using var buffer = new MemoryStream();
                    entry.DataStream.CopyTo(buffer);
                    entries[entry.Name.TrimStart('.', '/')] = buffer.ToArray();
                }
            }
        }

        var manifest = JsonNode.Parse(entries["manifest.json"])!.AsArray()[0]!;
        return JsonNode.Parse(entries[((string)manifest["Config"]!).TrimStart('.', '/')])!;
    }

    private static async Task<bool> RegistryResolvesAsync()
    {
        try
        {
            return (await Dns.GetHostAddressesAsync(BaseImageRegistry)).Length > 0;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static async Task<(int ExitCode, string Output)> DotnetAsync(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output + await errors);
    }
}
