using System.Text.Json;
using System.Text.Json.Nodes;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ItpBot.Api;

/// <summary>
/// The OpenAPI document for <c>POST /api/assessments</c> at <c>/openapi/v1.json</c>, for EHR integrators. Schemas
/// come from the contract's own types (<see cref="PatientProfile"/>, <see cref="Assessment"/>); the response example
/// is the assessment of the request example, made by the running advisor, so it cannot drift from the code.
/// </summary>
public static class AssessmentsOpenApi
{
    public const string DocumentPath = "/openapi/{documentName}.json";

    /// <summary>An invented case (docs/assessment-api.md's fields, v2 included).</summary>
    private static readonly PatientProfile ExampleProfile = JsonSerializer.Deserialize<PatientProfile>("""
        {
          "audience": "clinician",
          "ageYears": 52,
          "sex": "male",
          "weightKg": 80,
          "monthsSinceDiagnosis": 36,
          "plateletCount": 12,
          "bleeding": "mucosal",
          "priorTreatments": [
            { "therapy": "prednisone", "outcome": "dependent" },
            { "therapy": "eltrombopag", "outcome": "no-response" }
          ],
          "splenectomy": false,
          "antithrombotics": [],
          "vaccinationsUpToDate": true,
          "currentDrugs": ["omeprazole"]
        }
        """, ContractJson.Options)!;

    public static IServiceCollection AddAssessmentsOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            // The integrators' endpoint only: the channels' endpoints follow the Bot Framework and Direct Line protocols.
            options.ShouldInclude = description => string.Equals("/" + description.RelativePath, AssessmentsApi.Route, StringComparison.OrdinalIgnoreCase);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ItpBot assessments",
                    Version = "2",
                    Description = "Clinical decision support for adults with refractory or chronic ITP: a PatientProfile in, " +
                        "a ranked, explained and cited Assessment out. The contract is docs/assessment-api.md (version 2: additive). " +
                        "ItpBot supports, and does not replace, clinical judgement.",
                };
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>The operation's request body (the handler reads it itself, to answer 400 problems rather than 415) and examples.</summary>
    public static RouteHandlerBuilder WithAssessmentsOpenApi(this RouteHandlerBuilder endpoint) =>
        endpoint
            .WithName("Assess")
            .WithSummary("Assess a patient profile")
            .WithDescription("Every field is optional; the assessment says what is missing. Invalid fields answer 400 with a " +
                "problem whose errors name each field. With Assessments:ApiKey set, send it in the X-Api-Key header.")
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var profileSchema = await context.GetOrCreateSchemaAsync(typeof(PatientProfile), null, cancellationToken);
                var document = context.Document!;
                if (document.Components?.Schemas?.ContainsKey(nameof(PatientProfile)) != true)
                {
                    document.AddComponent(nameof(PatientProfile), profileSchema);
                }

                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "A PatientProfile (at most 64 KiB).",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(PatientProfile), document), Example = Json(ExampleProfile) },
                    },
                };
                var advisor = context.ApplicationServices.GetRequiredService<ITreatmentAdvisor>();
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var media) == true)
                {
                    media.Example = Json(advisor.Assess(ExampleProfile));
                }
            });

    private static JsonNode? Json<T>(T value) => JsonSerializer.SerializeToNode(value, ContractJson.Options);
}
