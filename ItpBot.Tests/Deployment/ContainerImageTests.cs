using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.Deployment;

/// <summary>
/// <c>dotnet publish ItpBot /t:PublishContainer</c>: a non-root image that listens on the port it declares. The
/// project's container settings are read from MSBuild offline; the image itself is built as a tarball (no Docker
/// daemon) on a bare base image served from a registry on loopback, so it runs with no network.
/// </summary>
public sealed class ContainerImageTests
{
    private const string Port = "8080";
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

    [Fact]
    public async Task The_published_image_runs_as_a_non_root_user_and_listens_on_the_configured_port()
    {
        // The base image comes from a registry on loopback (mcr.microsoft.com is out of reach here, and a test must not
        // need the network): a bare image, so the user, port and environment checked below are the project's own.
        await using var registry = await LocalImageRegistry.StartAsync();
        var folder = Directory.CreateTempSubdirectory("itpbot-image-");
        try
        {
            var archive = Path.Combine(folder.FullName, "itpbot.tar.gz");
            var (exitCode, output) = await DotnetAsync(
                TimeSpan.FromMinutes(9),
                new Dictionary<string, string> { ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = registry.Registry },
                "publish", Project, "-c", "Release", "/t:PublishContainer",
                $"-p:ContainerBaseImage={registry.BaseImage}", "-p:ContainerRuntimeIdentifier=linux-x64",
                $"-p:ContainerArchiveOutputPath={archive}", "-o", Path.Combine(folder.FullName, "publish"));
            Assert.True(exitCode == 0, output);
            Assert.Contains(registry.Requests, r => r.Contains("/manifests/", StringComparison.Ordinal));

            var (image, layers) = ImageConfig(archive);
            var config = image["config"]!;
            var user = (string?)config["User"];
            Assert.False(string.IsNullOrEmpty(user) || user is "root" or "0", $"the image runs as '{user}'");
            Assert.Equal([$"{Port}/tcp"], config["ExposedPorts"]!.AsObject().Select(p => p.Key));
            Assert.Contains($"ASPNETCORE_HTTP_PORTS={Port}", config["Env"]!.AsArray().Select(e => (string?)e));
            Assert.DoesNotContain(config["Env"]!.AsArray(), e => ((string?)e)!.StartsWith("ASPNETCORE_URLS=", StringComparison.Ordinal));
            var entrypoint = string.Join(" ", (config["Entrypoint"] ?? config["Cmd"])!.AsArray().Select(e => (string?)e));
            Assert.Contains("ItpBot", entrypoint, StringComparison.Ordinal);

            // The base layer and the app's layer on top of it.
            Assert.Equal(2, layers);
            Assert.Equal(2, image["rootfs"]!["diff_ids"]!.AsArray().Count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The image configuration from a docker-archive tarball (gzipped or not): manifest.json names the config blob and
    /// the layers.
    /// </summary>
    private static (JsonNode Config, int Layers) ImageConfig(string archive)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var file = File.OpenRead(archive))
        {
            var gzipped = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
            file.Position = 0;
            using var content = gzipped ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            using var tar = new TarReader(content);
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
        return (JsonNode.Parse(entries[((string)manifest["Config"]!).TrimStart('.', '/')])!, manifest["Layers"]!.AsArray().Count);
    }

    private static Task<(int ExitCode, string Output)> DotnetAsync(TimeSpan timeout, params string[] arguments) =>
        DotnetAsync(timeout, new Dictionary<string, string>(), arguments);

    private static async Task<(int ExitCode, string Output)> DotnetAsync(TimeSpan timeout, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output + await errors);
    }
}
