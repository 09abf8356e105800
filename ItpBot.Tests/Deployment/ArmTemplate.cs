using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ItpBot.Tests.Deployment;

/// <summary>An ARM JSON template read as data: its declarations, resources, and the expressions in its string values.</summary>
public sealed partial class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public static ArmTemplate Load(string path) => new(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    public IReadOnlyCollection<string> ParameterNames => Section("parameters");

    /// <summary>Declared variables, including those a "copy" loop builds (Bicep's for-expressions).</summary>
    public IReadOnlyCollection<string> VariableNames =>
        [.. Section("variables").Where(v => v != "copy"),
         .. (Root["variables"]?["copy"] as JsonArray ?? []).Select(c => c!["name"]!.GetValue<string>())];

    public JsonObject Parameter(string name) => Root["parameters"]![name]!.AsObject();

    public IReadOnlyList<JsonObject> Resources =>
        [.. Root["resources"]!.AsArray().Select(r => r!.AsObject())];

    public IReadOnlyList<JsonObject> ResourcesOfType(string type) =>
        [.. Resources.Where(r => string.Equals(r["type"]!.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Every template expression ("[...]" string values, not "[[" literals), with where it is.</summary>
    public IReadOnlyList<(string Path, string Expression)> Expressions()
    {
        var found = new List<(string, string)>();
        Collect(Root, "$", found);
        return found;
    }

    /// <summary>Names used through parameters('x') or variables('x'), by kind ("parameters" or "variables").</summary>
    public IEnumerable<(string Path, string Kind, string Name)> References() =>
        Expressions().SelectMany(e => Reference().Matches(e.Expression).Select(m => (e.Path, m.Groups["kind"].Value, m.Groups["name"].Value)));

    /// <summary>An expression whose parentheses and brackets balance outside its quoted strings ('' is an escaped quote).</summary>
    public static bool IsWellFormed(string expression)
    {
        var depth = 0;
        var inString = false;
        for (var i = 1; i < expression.Length - 1; i++)
        {
            var c = expression[i];
            if (inString)
            {
                if (c == '\'' && i + 1 < expression.Length - 1 && expression[i + 1] == '\'')
                {
                    i++;
                }
                else if (c == '\'')
                {
                    inString = false;
                }
            }
            else if (c == '\'')
            {
                inString = true;
            }
            else if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']' && --depth < 0)
            {
                return false;
            }
        }

        return depth == 0 && !inString;
    }

    private IReadOnlyCollection<string> Section(string name) =>
        Root[name] is JsonObject section ? [.. section.Select(p => p.Key)] : [];

    private static void Collect(JsonNode? node, string path, List<(string, string)> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Collect(value, $"{path}.{key}", found);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Collect(array[i], $"{path}[{i}]", found);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith('[') && !text.StartsWith("[[", StringComparison.Ordinal) && text.EndsWith(']'):
                found.Add((path, text));
                break;
        }
    }

    [GeneratedRegex(@"\b(?<kind>parameters|variables)\(\s*'(?<name>[^']*)'\s*\)")]
    private static partial Regex Reference();
}
