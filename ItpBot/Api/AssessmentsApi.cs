using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;

namespace ItpBot.Api;

/// <summary>
/// <c>POST /api/assessments</c>: a <see cref="PatientProfile"/> in, an <see cref="Assessment"/> out, exactly as
/// docs/assessment-api.md fixes them. Bad input is a 400 problem whose <c>errors</c> name each field;
/// nothing is ever a 5xx.
/// </summary>
public static class AssessmentsApi
{
    public const string Route = "/api/assessments";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ApiKeySetting = "Assessments:ApiKey";
    public const int MaxBodyBytes = 64 * 1024;
    private const string LoggerName = "ItpBot.Api.Assessments";

    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        // No Accepts<T>() metadata: it would answer 415 before the handler, and the contract wants a 400 problem.
        app.MapPost(Route, HandleAsync)
            .Produces<Assessment>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithAssessmentsOpenApi();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, ITreatmentAdvisor advisor, IConfiguration configuration, ILoggerFactory loggers)
    {
        if (!Authorised(http, configuration))
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: $"Header {ApiKeyHeader} is missing or wrong.");

        if (!IsJson(http.Request.ContentType))
            return Invalid("body", "must be application/json");

        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null) return Invalid("body", $"must be at most {MaxBodyBytes} bytes");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return Invalid("body", $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }

        using (document)
        {
            var errors = ProfileValidator.Validate(document.RootElement);
            if (errors.Count > 0) return Results.ValidationProblem(errors);

            PatientProfile profile;
            try
            {
                profile = document.RootElement.Deserialize<PatientProfile>(ContractJson.Options) ?? new PatientProfile();
            }
            catch (JsonException)
            {
                // The validator checks what the contract fixes; this is the backstop for anything it missed.
                return Invalid("body", "does not match the PatientProfile contract");
            }

            try
            {
                return Results.Json(advisor.Assess(profile), ContractJson.Options);
            }
            catch (Exception e)
            {
                // Never a 5xx (contract). Log the failure type only: the profile is health data.
                loggers.CreateLogger(LoggerName).LogError("Assessment failed: {ExceptionType}", e.GetType().Name);
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "The profile could not be assessed.");
            }
        }
    }

    private static IResult Invalid(string field, string problem) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] });

    private static bool Authorised(HttpContext http, IConfiguration configuration)
    {
        var expected = configuration[ApiKeySetting];
        if (string.IsNullOrEmpty(expected)) return true;
        var given = http.Request.Headers[ApiKeyHeader].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || (contentType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                && contentType.Contains("+json", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The body, or null when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

/// <summary>
/// Checks a profile document against the contract field by field, so that every bad field is reported at once
/// (the deserialiser stops at the first). Field names in errors are the contract's camelCase paths.
/// </summary>
internal static class ProfileValidator
{
    private const int MaxListItems = 64;
    private const int MaxNoteLength = 2000;
    private const int MaxDrugNameLength = 100;
    private const int MaxQuestionLength = 2000;

    private delegate void FieldCheck(JsonElement value, string path, Dictionary<string, string[]> errors);

    private static readonly Dictionary<string, FieldCheck> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["audience"] = Enum<Audience>,
        ["ageYears"] = Integer(0, 130),
        ["sex"] = Enum<Sex>,
        ["weightKg"] = Number(1, 500),
        ["monthsSinceDiagnosis"] = Number(0, 1200),
        ["plateletCount"] = Number(0, 2000),
        ["bleeding"] = Enum<Bleeding>,
        ["priorTreatments"] = Array(PriorTreatment),
        ["splenectomy"] = Boolean,
        ["antithrombotics"] = Array(Enum<Antithrombotic>),
        ["comorbidities"] = Array(Enum<Comorbidity>),
        ["pregnant"] = Boolean,
        ["gestationWeeks"] = Integer(0, 45),
        ["eastAsianAncestry"] = Boolean,
        ["preferences"] = Array(Enum<Preference>),
        ["unavailable"] = Array(TherapyId),
        ["upcomingProcedure"] = Boolean,
        // Contract version 2.
        ["pregnancyPlanned"] = Boolean,
        ["childbearingPotential"] = Boolean,
        ["vaccinationsUpToDate"] = Boolean,
        ["currentDrugs"] = Array(Text(MaxDrugNameLength)),
        ["haemoglobin"] = Number(1, 25),
        ["altTimesUpperLimit"] = Number(0, 100),
        ["hbvStatus"] = Enum<HbvStatus>,
        ["procedure"] = Enum<ProcedureKind>,
        ["question"] = Text(MaxQuestionLength),
    };

    public static Dictionary<string, string[]> Validate(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["must be a JSON object (a PatientProfile)"];
            return errors;
        }
        foreach (var property in root.EnumerateObject())
        {
            // Unknown fields are ignored, as the contract's JSON options skip them.
            if (!Fields.TryGetValue(property.Name, out var check) || property.Value.ValueKind == JsonValueKind.Null) continue;
            check(property.Value, ContractName(property.Name), errors);
        }
        return errors;
    }

    private static string ContractName(string name) =>
        Fields.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    private static void Add(Dictionary<string, string[]> errors, string path, string problem) =>
        errors[path] = errors.TryGetValue(path, out var existing) ? [.. existing, problem] : [problem];

    private static void Boolean(JsonElement value, string path, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) Add(errors, path, "must be true or false");
    }

    private static FieldCheck Text(int maxLength) => (value, path, errors) =>
    {
        if (value.ValueKind != JsonValueKind.String)
            Add(errors, path, "must be text");
        else if (value.GetString()!.Length > maxLength)
            Add(errors, path, $"must be at most {maxLength} characters");
        else if (string.IsNullOrWhiteSpace(value.GetString()))
            Add(errors, path, "must not be empty");
    };

    private static FieldCheck Number(double min, double max) => (value, path, errors) =>
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
            Add(errors, path, "must be a number");
        else if (number < min || number > max)
            Add(errors, path, $"must be between {min} and {max}");
    };

    private static FieldCheck Integer(int min, int max) => (value, path, errors) =>
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            Add(errors, path, "must be a whole number");
        else if (number < min || number > max)
            Add(errors, path, $"must be between {min} and {max}");
    };

    private static void Enum<T>(JsonElement value, string path, Dictionary<string, string[]> errors) where T : struct, System.Enum
    {
        var allowed = EnumValues<T>.Names;
        if (value.ValueKind != JsonValueKind.String)
            Add(errors, path, $"must be one of: {string.Join(", ", allowed)}");
        else if (!allowed.Contains(value.GetString()!))
            Add(errors, path, $"unknown value '{value.GetString()}'; must be one of: {string.Join(", ", allowed)}");
    }

    private static void TherapyId(JsonElement value, string path, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
            Add(errors, path, "must be a therapy id (string)");
        else if (!TherapyIds.IsKnown(value.GetString()))
            Add(errors, path, $"unknown therapy id '{value.GetString()}'");
    }

    private static FieldCheck Array(FieldCheck item) => (value, path, errors) =>
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Add(errors, path, "must be an array");
            return;
        }
        if (value.GetArrayLength() > MaxListItems)
        {
            Add(errors, path, $"must have at most {MaxListItems} items");
            return;
        }
        var index = 0;
        foreach (var element in value.EnumerateArray()) item(element, $"{path}[{index++}]", errors);
    };

    private static void PriorTreatment(JsonElement value, string path, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(errors, path, "must be an object {therapy, outcome, note?}");
            return;
        }
        bool hasTherapy = false, hasOutcome = false;
        foreach (var property in value.EnumerateObject())
        {
            var name = property.Name.ToLowerInvariant();
            switch (name)
            {
                case "therapy":
                    hasTherapy = true;
                    TherapyId(property.Value, path + ".therapy", errors);
                    break;
                case "outcome":
                    hasOutcome = true;
                    Enum<TreatmentOutcome>(property.Value, path + ".outcome", errors);
                    break;
                case "note" when property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null):
                    Add(errors, path + ".note", "must be text");
                    break;
                case "note" when property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > MaxNoteLength:
                    Add(errors, path + ".note", $"must be at most {MaxNoteLength} characters");
                    break;
            }
        }
        if (!hasTherapy) Add(errors, path + ".therapy", "is required");
        if (!hasOutcome) Add(errors, path + ".outcome", "is required");
    }

    /// <summary>The contract's kebab-case names of an enum, read from its JSON attributes.</summary>
    private static class EnumValues<T> where T : struct, System.Enum
    {
        public static readonly IReadOnlyList<string> Names = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name)
            .ToList();
    }
}
