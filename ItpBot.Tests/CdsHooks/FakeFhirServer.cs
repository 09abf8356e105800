using System.Collections.Concurrent;
using Hl7.Fhir.Model;
using ItpBot.CdsHooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ItpBot.Tests.CdsHooks;

/// <summary>
/// A FHIR R4 server on 127.0.0.1 holding one patient's resources: reads by id and searches by type (filtered by
/// <c>code</c> when given), each needing the expected bearer token.
/// </summary>
public sealed class FakeFhirServer : IAsyncDisposable
{
    public const string AccessToken = "fhir-access-token-for-tests";

    private readonly WebApplication _app;
    private readonly IReadOnlyList<Resource> _resources;

    private FakeFhirServer(WebApplication app, IReadOnlyList<Resource> resources)
    {
        _app = app;
        _resources = resources;
    }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every request's path and query, and whether it carried the token.</summary>
    public ConcurrentQueue<(string PathAndQuery, bool Authorised)> Requests { get; } = new();

    public static async Task<FakeFhirServer> StartAsync(IEnumerable<Resource> resources)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeFhirServer(app, resources.ToList());
        app.MapGet("/fhir/{type}/{id}", (string type, string id, HttpContext http) =>
            server.Answer(http, server._resources.FirstOrDefault(r => r.TypeName == type && r.Id == id)));
        app.MapGet("/fhir/{type}", (string type, HttpContext http) =>
        {
            var codes = http.Request.Query["code"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(c => c.Contains('|') ? c[(c.IndexOf('|') + 1)..] : c).ToHashSet();
            var matches = server._resources.Where(r => r.TypeName == type && (codes.Count == 0 || CodesOf(r).Any(codes.Contains)));
            var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
            foreach (var match in matches) bundle.Entry.Add(new Bundle.EntryComponent { Resource = match });
            bundle.Total = bundle.Entry.Count;
            return server.Answer(http, bundle);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/fhir";
        return server;
    }

    private IResult Answer(HttpContext http, Resource? resource)
    {
        var authorised = http.Request.Headers.Authorization.ToString() == "Bearer " + AccessToken;
        Requests.Enqueue((http.Request.Path + http.Request.QueryString, authorised));
        if (!authorised) return Results.StatusCode(StatusCodes.Status401Unauthorized);
        if (resource is null) return Results.NotFound();
        return Results.Text(System.Text.Json.JsonSerializer.Serialize(resource, FhirJson.Options), "application/fhir+json");
    }

    private static IEnumerable<string> CodesOf(Resource resource) => (resource switch
    {
        Observation o => o.Code?.Coding,
        Condition c => c.Code?.Coding,
        Procedure p => p.Code?.Coding,
        _ => null,
    } ?? []).Select(c => c.Code).OfType<string>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
