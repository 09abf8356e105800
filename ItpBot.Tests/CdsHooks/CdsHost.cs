using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.CdsHooks;

/// <summary>The real bot host on loopback, trusting one local EHR issuer, with helpers to call the CDS Hooks endpoints.</summary>
public sealed class CdsHost : IAsyncLifetime
{
    public CdsTokens Tokens { get; } = new();

    public RunningBotHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await StartAsync(Tokens);

    public static Task<RunningBotHost> StartAsync(CdsTokens tokens, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["CdsHooks:Authentication:TrustedIssuers:0:Issuer"] = CdsTokens.Issuer,
            ["CdsHooks:Authentication:TrustedIssuers:0:Jwks"] = tokens.Jwks,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return RunningBotHost.StartAsync(all, configure);
    }

    public string Audience(string path) => new Uri(Host.BaseAddress, path.TrimStart('/')).ToString();

    public Task<HttpResponseMessage> PostAsync(string serviceId, string json, string? token = null) =>
        Send(Host, HttpMethod.Post, $"cds-services/{serviceId}", json, token ?? Tokens.Token(Audience($"cds-services/{serviceId}")));

    public Task<HttpResponseMessage> GetDiscoveryAsync(string? token = null) =>
        Send(Host, HttpMethod.Get, "cds-services", null, token ?? Tokens.Token(Audience("cds-services")));

    public static async Task<HttpResponseMessage> Send(RunningBotHost host, HttpMethod method, string path, string? json, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Client.SendAsync(request);
    }

    public async Task<JsonElement> CardsAsync(string serviceId, string json)
    {
        using var response = await PostAsync(serviceId, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        var root = JsonDocument.Parse(body).RootElement.Clone();
        CdsShape.AssertResponse(root);
        return root.GetProperty("cards");
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Tokens.Dispose();
    }
}

/// <summary>Checks a response against the CDS Hooks 2.0 JSON shapes (required fields, allowed values, conditional fields).</summary>
public static class CdsShape
{
    private static readonly string[] Indicators = ["info", "warning", "critical"];
    private static readonly string[] ActionTypes = ["create", "update", "delete"];

    public static void AssertResponse(JsonElement response)
    {
        Assert.Equal(JsonValueKind.Object, response.ValueKind);
        Assert.Equal(JsonValueKind.Array, response.GetProperty("cards").ValueKind);
        foreach (var card in response.GetProperty("cards").EnumerateArray()) AssertCard(card);
    }

    public static void AssertCard(JsonElement card)
    {
        var summary = card.GetProperty("summary").GetString();
        Assert.False(string.IsNullOrWhiteSpace(summary));
        Assert.True(summary!.Length <= 140, $"summary has {summary.Length} characters: {summary}");
        Assert.Contains(card.GetProperty("indicator").GetString(), Indicators);
        Assert.False(string.IsNullOrWhiteSpace(card.GetProperty("source").GetProperty("label").GetString()));
        if (card.TryGetProperty("uuid", out var uuid)) Assert.True(Guid.TryParse(uuid.GetString(), out _));
        if (card.TryGetProperty("detail", out var detail)) Assert.Equal(JsonValueKind.String, detail.ValueKind);
        if (card.TryGetProperty("suggestions", out var suggestions))
        {
            Assert.Contains(card.GetProperty("selectionBehavior").GetString(), new[] { "at-most-one", "any" });
            foreach (var suggestion in suggestions.EnumerateArray())
            {
                Assert.False(string.IsNullOrWhiteSpace(suggestion.GetProperty("label").GetString()));
                foreach (var action in suggestion.GetProperty("actions").EnumerateArray())
                {
                    var type = action.GetProperty("type").GetString();
                    Assert.Contains(type, ActionTypes);
                    Assert.False(string.IsNullOrWhiteSpace(action.GetProperty("description").GetString()));
                    if (type == "delete") Assert.Matches("^[A-Za-z]+/[A-Za-z0-9.-]+$", action.GetProperty("resourceId").GetString());
                    else Assert.False(string.IsNullOrEmpty(action.GetProperty("resource").GetProperty("resourceType").GetString()));
                }
            }
        }
        if (card.TryGetProperty("overrideReasons", out var reasons))
            foreach (var reason in reasons.EnumerateArray()) Assert.False(string.IsNullOrWhiteSpace(reason.GetProperty("display").GetString()));
        if (card.TryGetProperty("links", out var links))
        {
            foreach (var link in links.EnumerateArray())
            {
                Assert.False(string.IsNullOrWhiteSpace(link.GetProperty("label").GetString()));
                Assert.True(Uri.TryCreate(link.GetProperty("url").GetString(), UriKind.Absolute, out _));
                Assert.Contains(link.GetProperty("type").GetString(), new[] { "absolute", "smart" });
            }
        }
    }
}
