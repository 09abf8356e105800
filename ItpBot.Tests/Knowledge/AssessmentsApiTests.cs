using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ItpBot.Api;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ItpBot.Tests.Knowledge;

/// <summary>POST /api/assessments over real HTTP: a minimal Kestrel host on 127.0.0.1 with just the endpoint.</summary>
public sealed class AssessmentsApiTests : IAsyncLifetime
{
    private const string ApiKey = "test-key-123";
    private WebApplication? _open;
    private WebApplication? _keyed;
    private HttpClient _client = null!;
    private HttpClient _keyedClient = null!;

    public async Task InitializeAsync()
    {
        (_open, _client) = await StartAsync(apiKey: null);
        (_keyed, _keyedClient) = await StartAsync(ApiKey);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _keyedClient.Dispose();
        if (_open is not null) await _open.DisposeAsync();
        if (_keyed is not null) await _keyed.DisposeAsync();
    }

    private static async Task<(WebApplication, HttpClient)> StartAsync(string? apiKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (apiKey is not null) builder.Configuration[AssessmentsApi.ApiKeySetting] = apiKey;
        builder.Services.AddSingleton(KnowledgeBase.LoadEmbedded());
        builder.Services.AddSingleton<ITreatmentAdvisor, TreatmentAdvisor>();
        var app = builder.Build();
        app.MapAssessmentsApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private Task<HttpResponseMessage> PostAsync(string json, HttpClient? client = null, string mediaType = "application/json") =>
        (client ?? _client).PostAsync(AssessmentsApi.Route, new StringContent(json, Encoding.UTF8, mediaType));

    private static async Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        return problem.GetProperty("errors");
    }

    [Fact]
    public async Task Valid_profile_gets_the_assessment_in_the_contract_shape()
    {
        var response = await PostAsync("""
            {"ageYears": 45, "weightKg": 70, "monthsSinceDiagnosis": 24, "plateletCount": 18, "bleeding": "none",
             "priorTreatments": [{"therapy": "prednisone", "outcome": "dependent", "note": "relapsed at 10 mg"}],
             "preferences": ["oral"], "eastAsianAncestry": false, "someFutureField": 1}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("routine", body.GetProperty("urgency").GetString());
        Assert.Equal("chronic", body.GetProperty("phase").GetString());
        var first = body.GetProperty("options")[0];
        Assert.Equal("eltrombopag", first.GetProperty("therapy").GetString());
        Assert.Equal("first-choice", first.GetProperty("role").GetString());
        Assert.Contains(body.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("code").GetString() == "switch-to-second-line");
        Assert.NotEmpty(body.GetProperty("references").EnumerateArray());
        Assert.Equal(KnowledgeBase.LoadEmbedded().ContentVersion, body.GetProperty("contentVersion").GetString());
    }

    [Fact]
    public async Task Empty_profile_is_valid_and_names_what_is_missing()
    {
        var response = await PostAsync("{}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(body.GetProperty("missing").EnumerateArray(), m => m.GetString() == "plateletCount");
    }

    [Fact]
    public async Task Emergency_profile_answers_emergency()
    {
        var response = await PostAsync("""{"bleeding": "critical", "plateletCount": 4}""");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("emergency", body.GetProperty("urgency").GetString());
        Assert.Equal("platelet-transfusion", body.GetProperty("options")[0].GetProperty("therapy").GetString());
    }

    [Fact]
    public async Task Unknown_enum_value_is_a_problem_naming_the_field()
    {
        var errors = await ProblemErrorsAsync(await PostAsync("""{"bleeding": "a-lot", "sex": "other"}"""));
        Assert.True(errors.TryGetProperty("bleeding", out _));
        Assert.True(errors.TryGetProperty("sex", out _));
    }

    [Fact]
    public async Task Unknown_therapy_id_is_a_problem_naming_the_item()
    {
        var errors = await ProblemErrorsAsync(await PostAsync("""
            {"priorTreatments": [{"therapy": "prednisone", "outcome": "response"}, {"therapy": "aspirin", "outcome": "response"}],
             "unavailable": ["romiplostim", "unicorn-dust"]}
            """));
        Assert.True(errors.TryGetProperty("priorTreatments[1].therapy", out var therapy));
        Assert.Contains("aspirin", therapy[0].GetString());
        Assert.True(errors.TryGetProperty("unavailable[1]", out _));
        Assert.False(errors.TryGetProperty("priorTreatments[0].therapy", out _));
    }

    [Fact]
    public async Task Wrong_types_are_problems_naming_each_field()
    {
        var errors = await ProblemErrorsAsync(await PostAsync("""
            {"plateletCount": "twelve", "ageYears": 45.5, "pregnant": "yes", "comorbidities": "diabetes",
             "priorTreatments": [{"outcome": "response"}]}
            """));
        foreach (var field in new[] { "plateletCount", "ageYears", "pregnant", "comorbidities", "priorTreatments[0].therapy" })
            Assert.True(errors.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Out_of_range_numbers_are_problems_with_the_range()
    {
        var errors = await ProblemErrorsAsync(await PostAsync("""{"plateletCount": 2500, "weightKg": -3, "gestationWeeks": 60}"""));
        Assert.Equal("must be between 0 and 2000", errors.GetProperty("plateletCount")[0].GetString());
        Assert.True(errors.TryGetProperty("weightKg", out _));
        Assert.True(errors.TryGetProperty("gestationWeeks", out _));
    }

    [Theory]
    [InlineData("{\"plateletCount\": 12,")]
    [InlineData("not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    public async Task Invalid_json_is_a_problem_about_the_body(string body)
    {
        var errors = await ProblemErrorsAsync(await PostAsync(body));
        Assert.True(errors.TryGetProperty("body", out _));
    }

    [Fact]
    public async Task Body_over_64_KiB_is_a_problem_about_the_body()
    {
        var padding = new string('x', AssessmentsApi.MaxBodyBytes);
        var errors = await ProblemErrorsAsync(await PostAsync($$"""{"plateletCount": 12, "padding": "{{padding}}"}"""));
        Assert.Contains("65536", errors.GetProperty("body")[0].GetString());
    }

    [Fact]
    public async Task Body_over_64_KiB_without_a_length_is_refused_too()
    {
        var padding = new string('x', AssessmentsApi.MaxBodyBytes);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"padding": "{{padding}}"}""")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, AssessmentsApi.Route) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await ProblemErrorsAsync(await _client.SendAsync(request));
    }

    [Fact]
    public async Task Non_json_media_type_is_a_problem()
    {
        var errors = await ProblemErrorsAsync(await PostAsync("plateletCount=12", mediaType: "application/x-www-form-urlencoded"));
        Assert.True(errors.TryGetProperty("body", out _));
    }

    [Fact]
    public async Task Configured_api_key_is_required()
    {
        var missing = await PostAsync("{}", _keyedClient);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);

        var wrong = new HttpRequestMessage(HttpMethod.Post, AssessmentsApi.Route) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        wrong.Headers.Add(AssessmentsApi.ApiKeyHeader, "nope");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _keyedClient.SendAsync(wrong)).StatusCode);

        var right = new HttpRequestMessage(HttpMethod.Post, AssessmentsApi.Route) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        right.Headers.Add(AssessmentsApi.ApiKeyHeader, ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await _keyedClient.SendAsync(right)).StatusCode);
    }

    [Fact]
    public async Task Open_endpoint_needs_no_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("{}")).StatusCode);
    }

    public static TheoryData<string> OddBodies => new()
    {
        """{"plateletCount": 1e400}""",
        """{"plateletCount": -0.0, "weightKg": 1e-300}""",
        """{"priorTreatments": [{"therapy": "prednisone", "outcome": "response", "note": 123}]}""",
        """{"priorTreatments": [null, 5, "x"]}""",
        """{"preferences": [null]}""",
        """{"audience": null, "bleeding": null, "priorTreatments": null}""",
        """{"ageYears": 99999999999999999999}""",
        new string('[', 200) + new string(']', 200),
        """{"PlateletCount": 12, "BLEEDING": "mucosal"}""",
        """{"unavailable": ["romiplostim", "eltrombopag", "avatrombopag", "rituximab", "splenectomy", "fostamatinib", "rilzabrutinib", "ivig", "observation", "prednisone", "dexamethasone"]}""",
    };

    [Theory]
    [MemberData(nameof(OddBodies))]
    public async Task Odd_bodies_never_get_a_server_error(string body)
    {
        var response = await PostAsync(body);
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {body}");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
    }
}
