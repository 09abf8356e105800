using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.Host;

/// <summary>
/// The OpenAPI document at /openapi/v1.json describes POST /api/assessments as docs/assessment-api.md fixes it: every
/// PatientProfile and Assessment field of versions 1 and 2, with every enum value the contract lists, and examples.
/// </summary>
public sealed partial class OpenApiContractTests : IAsyncLifetime
{
    private RunningBotHost _host = null!;
    private JsonNode _document = null!;

    public async Task InitializeAsync()
    {
        _host = await RunningBotHost.StartAsync();
        var response = await _host.Client.GetAsync("openapi/v1.json");
        Assert.True(response.IsSuccessStatusCode, $"openapi/v1.json answered {(int)response.StatusCode}");
        _document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string, string> ContractFields()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (schema, field, type) in ReadContract())
        {
            data.Add(schema, field, type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ContractFields))]
    public void Every_contract_field_and_enum_value_is_in_the_document(string schema, string field, string type)
    {
        var path = field.Split("[].");
        var property = Property(Schema(schema), path[0]);
        Assert.True(property is not null, $"{schema}.{path[0]} is not in the OpenAPI document");
        if (path.Length > 1)
        {
            property = Property(Resolve(Items(property!)), path[1]);
            Assert.True(property is not null, $"{schema}.{field} is not in the OpenAPI document");
        }

        var listed = EnumValue().Matches(type).Select(m => m.Groups[1].Value).ToList();
        if (listed.Count >= 2)
        {
            var documented = EnumValues(property!, depth: 0).ToHashSet();
            Assert.All(listed, value => Assert.True(documented.Contains(value), $"{schema}.{field}: enum value '{value}' is not in the document ({string.Join(", ", documented)})"));
        }
    }

    [Fact]
    public void The_contract_reader_found_both_versions()
    {
        var fields = ReadContract().Select(f => f.Field).ToHashSet();
        foreach (var expected in new[] { "plateletCount", "priorTreatments", "urgency", "options", "currentDrugs", "hbvStatus", "bottomLine", "options[].fit" })
        {
            Assert.Contains(expected, fields);
        }
    }

    [Fact]
    public void The_operation_has_a_request_body_and_examples()
    {
        var post = _document["paths"]!["/api/assessments"]!["post"]!;
        var request = post["requestBody"]!["content"]!["application/json"]!;
        Assert.Equal("PatientProfile", RefName(request["schema"]!));
        Assert.NotNull(request["example"]?["plateletCount"]);
        var ok = post["responses"]!["200"]!["content"]!["application/json"]!;
        Assert.Equal("Assessment", RefName(ok["schema"]!));
        Assert.NotNull(ok["example"]?["urgency"]);
        Assert.NotEmpty(ok["example"]!["options"]!.AsArray());
        Assert.NotNull(post["responses"]!["400"]);
        Assert.Equal(["/api/assessments"], _document["paths"]!.AsObject().Select(p => p.Key));
    }

    /// <summary>(schema, field, type column) for each row of the contract's PatientProfile and Assessment tables.</summary>
    private static IEnumerable<(string Schema, string Field, string Type)> ReadContract()
    {
        string? schema = null;
        foreach (var line in File.ReadLines(SharedFolder.InRepository("docs", "assessment-api.md")))
        {
            if (line.StartsWith('#'))
            {
                schema = line.Contains("PatientProfile", StringComparison.Ordinal) ? "PatientProfile"
                    : Regex.IsMatch(line, @"^#+ Assessment\b") ? "Assessment"
                    : null;
                continue;
            }

            var row = Row().Match(line);
            if (schema is not null && row.Success)
            {
                yield return (schema, row.Groups["field"].Value, row.Groups["type"].Value);
            }
        }
    }

    private JsonNode Schema(string name) =>
        _document["components"]?["schemas"]?[name] ?? throw new Xunit.Sdk.XunitException($"schema {name} is not in the document");

    private JsonNode? Property(JsonNode schema, string name) => Resolve(schema)["properties"]?[name];

    private static JsonNode Items(JsonNode property)
    {
        var resolved = property;
        return resolved["items"] ?? resolved["anyOf"]?.AsArray().Select(a => a!["items"]).FirstOrDefault(i => i is not null)
            ?? throw new Xunit.Sdk.XunitException("not an array");
    }

    private JsonNode Resolve(JsonNode node) =>
        node["$ref"]?.GetValue<string>() is { } reference ? Schema(reference.Split('/')[^1]) : node;

    private static string? RefName(JsonNode node) => node["$ref"]?.GetValue<string>().Split('/')[^1];

    private IEnumerable<string> EnumValues(JsonNode node, int depth)
    {
        if (depth > 6)
        {
            yield break;
        }

        var resolved = Resolve(node);
        foreach (var value in resolved["enum"]?.AsArray() ?? [])
        {
            if (value?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                yield return value.GetValue<string>();
            }
        }

        foreach (var key in new[] { "items", "additionalProperties" })
        {
            if (resolved[key] is JsonObject child)
            {
                foreach (var value in EnumValues(child, depth + 1)) yield return value;
            }
        }

        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
        {
            foreach (var child in resolved[key]?.AsArray() ?? [])
            {
                foreach (var value in EnumValues(child!, depth + 1)) yield return value;
            }
        }
    }

    [GeneratedRegex(@"^\| `(?<field>[A-Za-z\[\].]+)` \| (?<type>[^|]*(?:\\\|[^|]*)*) \|")]
    private static partial Regex Row();

    [GeneratedRegex(@"`([a-z][a-z0-9-]*)`")]
    private static partial Regex EnumValue();
}
