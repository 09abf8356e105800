using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using ItpBot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ItpBot.Tests.Channels;

/// <summary>Azure mode against a loopback fake of Azure Direct Line's token service.</summary>
public sealed class AzureDirectLineModeTests : IAsyncLifetime
{
    private const string Secret = "azure-direct-line-secret-for-tests";

    private readonly ConcurrentQueue<(string Authorization, string Body)> _tokenRequests = new();
    private WebApplication _fakeAzure = null!;
    private string _fakeAzureUrl = string.Empty;
    private int _fakeStatus = StatusCodes.Status200OK;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _fakeAzure = builder.Build();
        _fakeAzure.MapPost("/v3/directline/tokens/generate", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            _tokenRequests.Enqueue((http.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
            return _fakeStatus == StatusCodes.Status200OK
                ? Results.Json(new { conversationId = "azure-conv-1", token = "azure-token-1", expires_in = 3600 })
                : Results.StatusCode(_fakeStatus);
        });
        await _fakeAzure.StartAsync();
        _fakeAzureUrl = _fakeAzure.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
    }

    public async Task DisposeAsync()
    {
        await _fakeAzure.StopAsync();
        await _fakeAzure.DisposeAsync();
    }

    [Fact]
    public async Task The_page_gets_an_azure_token_and_never_the_secret()
    {
        await using var host = await StartHostAsync();

        var response = await host.Client.PostAsync("api/directline/token", null);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Secret, text);
        var session = JsonNode.Parse(text)!;
        Assert.Equal("azure", (string?)session["mode"]);
        Assert.Equal("azure-token-1", (string?)session["token"]);
        Assert.Equal("azure-conv-1", (string?)session["conversationId"]);
        Assert.Equal(_fakeAzureUrl + "v3/directline", (string?)session["domain"]);
        Assert.StartsWith("dl_", (string?)session["userId"]);

        var (authorization, body) = Assert.Single(_tokenRequests);
        Assert.Equal("Bearer " + Secret, authorization);
        Assert.Equal((string?)session["userId"], (string?)JsonNode.Parse(body)!["user"]?["id"]);
    }

    [Fact]
    public async Task Azure_refusing_the_secret_is_a_502_without_details()
    {
        _fakeStatus = StatusCodes.Status403Forbidden;
        await using var host = await StartHostAsync();

        var response = await host.Client.PostAsync("api/directline/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_local_direct_line_is_off_in_azure_mode()
    {
        await using var host = await StartHostAsync();

        var response = await host.Client.PostAsync("v3/directline/tokens/generate", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<RunningBotHost> StartHostAsync() => RunningBotHost.StartAsync(new Dictionary<string, string?>
    {
        ["DirectLine:Secret"] = Secret,
        ["DirectLine:AzureBaseUrl"] = _fakeAzureUrl,
    });
}
