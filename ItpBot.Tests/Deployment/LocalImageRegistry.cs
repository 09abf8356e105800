using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ItpBot.Tests.Deployment;

/// <summary>
/// A read-only container registry (the Docker Registry HTTP API v2, pull only) on a free loopback port, serving one
/// tiny linux/amd64 base image made here: one layer with one file, and a config with no user and no ports of its own.
/// So <c>dotnet publish /t:PublishContainer</c> can build an image with no network: whatever user, port and
/// environment the tarball has came from the project, not from a real base image. Plain HTTP: the SDK allows it
/// for localhost registries (and those in DOTNET_CONTAINER_INSECURE_REGISTRIES).
/// </summary>
public sealed class LocalImageRegistry : IAsyncDisposable
{
    public const string Repository = "itpbot-test/base";
    public const string Tag = "1.0";
    private const string ManifestType = "application/vnd.docker.distribution.manifest.v2+json";

    private readonly WebApplication _app;
    private readonly Dictionary<string, byte[]> _blobs;
    private readonly byte[] _manifest;

    private LocalImageRegistry(WebApplication app, Dictionary<string, byte[]> blobs, byte[] manifest)
    {
        _app = app;
        _blobs = blobs;
        _manifest = manifest;
    }

    /// <summary>host:port, as an image name's registry part ("localhost:PORT").</summary>
    public string Registry { get; private set; } = string.Empty;

    /// <summary>The base image's full name, for ContainerBaseImage.</summary>
    public string BaseImage => $"{Registry}/{Repository}:{Tag}";

    /// <summary>What the SDK asked for ("GET /v2/..."): proof that the image came from here.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public string LayerDigest { get; private set; } = string.Empty;

    public static async Task<LocalImageRegistry> StartAsync()
    {
        var (layer, diffId) = Layer();
        var layerDigest = Digest(layer);
        var config = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject { ["Env"] = new JsonArray("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin") },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(diffId) },
            ["history"] = new JsonArray(new JsonObject { ["created_by"] = "ItpBot.Tests LocalImageRegistry" }),
        }.ToJsonString());
        var configDigest = Digest(config);
        var manifest = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ManifestType,
            ["config"] = Descriptor("application/vnd.docker.container.image.v1+json", config, configDigest),
            ["layers"] = new JsonArray(Descriptor("application/vnd.docker.image.rootfs.diff.tar.gzip", layer, layerDigest)),
        }.ToJsonString());
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [layerDigest] = layer, [configDigest] = config };

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var registry = new LocalImageRegistry(app, blobs, manifest);
        app.MapMethods("/v2/", ["GET", "HEAD"], (HttpContext http) => registry.Answer(http, null));
        app.MapMethods("/v2/{**path}", ["GET", "HEAD"], (HttpContext http, string path) => registry.Answer(http, path));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        registry.Registry = $"localhost:{address.Port}";
        registry.LayerDigest = layerDigest;
        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Answer(HttpContext http, string? path)
    {
        Requests.Enqueue($"{http.Request.Method} {http.Request.Path}");
        if (path is null)
        {
            return Results.Ok();
        }

        var manifests = $"{Repository}/manifests/";
        var blobs = $"{Repository}/blobs/";
        if (path.StartsWith(manifests, StringComparison.Ordinal) && path[manifests.Length..] is var reference
            && (reference == Tag || reference == Digest(_manifest)))
        {
            http.Response.Headers["Docker-Content-Digest"] = Digest(_manifest);
            return Results.Bytes(_manifest, ManifestType);
        }

        if (path.StartsWith(blobs, StringComparison.Ordinal) && _blobs.TryGetValue(path[blobs.Length..], out var blob))
        {
            http.Response.Headers["Docker-Content-Digest"] = path[blobs.Length..];
            return Results.Bytes(blob, "application/octet-stream");
        }

        return Results.NotFound();
    }

    /// <summary>A gzipped tar with one file; returns it and the digest of the uncompressed tar (the config's diff id).</summary>
    private static (byte[] Layer, string DiffId) Layer()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "etc/itpbot-test-base")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes("a base image made by ItpBot.Tests\n")),
                Mode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            };
            writer.WriteEntry(entry);
        }

        var uncompressed = tar.ToArray();
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(uncompressed);
        }

        return (gzipped.ToArray(), Digest(uncompressed));
    }

    private static JsonObject Descriptor(string mediaType, byte[] content, string digest) =>
        new() { ["mediaType"] = mediaType, ["size"] = content.Length, ["digest"] = digest };

    private static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}
