using System.Diagnostics;
using System.Text.Json;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Reasoning;
using Microsoft.Extensions.Options;

namespace ItpBot.CdsHooks;

/// <summary>
/// The CDS Hooks 2.0 endpoints: discovery, the two services, feedback, and the full-assessment page behind card links.
/// Logs carry the service, hook, status and counts only: never a resource, a patient fact or a token.
/// </summary>
public static class CdsHooksEndpoints
{
    public const string Base = "/cds-services";
    private const string LoggerName = "ItpBot.CdsHooks";

    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder app)
    {
        app.MapGet(Base, DiscoveryAsync);
        app.MapPost(Base + "/{id}", CallAsync);
        app.MapPost(Base + "/{id}/feedback", FeedbackAsync);
        app.MapGet(AssessmentLinks.Route + "/{linkId}", OpenAssessment);
        return app;
    }

    private static async Task<IResult> DiscoveryAsync(HttpContext http, CdsAuthentication auth, IOptions<CdsHooksOptions> options, ILoggerFactory loggers)
    {
        var refused = await RefuseAsync(http, auth, [Url(http, options.Value, Base)], loggers);
        return refused ?? Results.Json(new CdsDiscovery(CdsServiceCatalog.Services), CdsJson.Options);
    }

    private static async Task<IResult> CallAsync(
        string id, HttpContext http, CdsAuthentication auth, IOptions<CdsHooksOptions> options, ILoggerFactory loggers,
        PatientRecordLoader loader, FhirProfileMapper mapper, ITreatmentAdvisor advisor, KnowledgeBase knowledge,
        PatientViewCard patientView, DraftOrders draftOrders, OrderChecks orderChecks, OrderCheckCards orderCards,
        AssessmentLinks links, CdsMetrics metrics)
    {
        var logger = loggers.CreateLogger(LoggerName);
        var hooks = CdsServiceCatalog.HooksOf(id).ToList();
        if (hooks.Count == 0) return Results.NotFound();
        var refused = await RefuseAsync(http, auth, [Url(http, options.Value, $"{Base}/{id}")], loggers);
        if (refused is not null)
        {
            metrics.Call(id, "unknown", StatusCodes.Status401Unauthorized);
            return refused;
        }

        var started = Stopwatch.GetTimestamp();
        var (request, problem) = await ReadAsync<CdsRequest>(http, options.Value);
        if (request is null) return Finish(problem!, StatusCodes.Status400BadRequest);
        if (request.Hook is null || !hooks.Contains(request.Hook))
            return Finish(Problem(StatusCodes.Status400BadRequest, $"Service {id} answers hooks: {string.Join(", ", hooks)}."), StatusCodes.Status400BadRequest);
        if (string.IsNullOrWhiteSpace(request.HookInstance) || PatientId(request.Context) is not { } patientId)
            return Finish(Problem(StatusCodes.Status400BadRequest, "hookInstance and context.patientId are required."), StatusCodes.Status400BadRequest);

        var record = await loader.LoadAsync(request, patientId, http.RequestAborted);
        if (record.Patient is null)
            return Finish(Problem(StatusCodes.Status412PreconditionFailed, "The Patient resource was neither prefetched nor retrievable from the FHIR server."),
                StatusCodes.Status412PreconditionFailed);

        var mapped = mapper.Map(record);
        IReadOnlyList<CdsCard> cards;
        try
        {
            var assessment = advisor.Assess(mapped.Profile);
            var link = new CdsLink("Full assessment", Url(http, options.Value, links.Create(mapped.Profile, mapped.NotMapped)), "absolute");
            if (request.Hook == CdsServiceCatalog.PatientView)
            {
                // Silent for patients without ITP: this service has nothing to say about them.
                cards = mapped.HasItpDiagnosis ? [patientView.Build(assessment, mapped, options.Value.SourceLabel, link)] : [];
            }
            else
            {
                var orders = draftOrders.Read(request.Context, request.Hook);
                var findings = orderChecks.Run(orders, mapped, assessment);
                cards = orderCards.Build(findings, mapped, assessment, patientId, options.Value.SourceLabel, link);
            }
        }
        catch (Exception e)
        {
            // The type only: a message could quote the record.
            logger.LogError("CDS Hooks {Service} {Hook} failed: {ExceptionType}", id, request.Hook, e.GetType().Name);
            return Finish(Problem(StatusCodes.Status500InternalServerError, "The assessment failed."), StatusCodes.Status500InternalServerError);
        }

        foreach (var card in cards) metrics.Card(id, card.Indicator);
        logger.LogInformation("CDS Hooks {Service} {Hook}: {Cards} cards, {NotMapped} gaps in the record, {ElapsedMs:0} ms",
            id, request.Hook, cards.Count, mapped.NotMapped.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Finish(Results.Json(new CdsResponse(cards), CdsJson.Options), StatusCodes.Status200OK);

        IResult Finish(IResult result, int status)
        {
            metrics.Call(id, request?.Hook ?? "unknown", status);
            return result;
        }
    }

    private static async Task<IResult> FeedbackAsync(
        string id, HttpContext http, CdsAuthentication auth, IOptions<CdsHooksOptions> options, ILoggerFactory loggers, CdsMetrics metrics)
    {
        if (!CdsServiceCatalog.HooksOf(id).Any()) return Results.NotFound();
        var refused = await RefuseAsync(http, auth, [Url(http, options.Value, $"{Base}/{id}/feedback"), Url(http, options.Value, $"{Base}/{id}")], loggers);
        if (refused is not null) return refused;
        var (request, problem) = await ReadAsync<CdsFeedbackRequest>(http, options.Value);
        if (request?.Feedback is null) return problem ?? Problem(StatusCodes.Status400BadRequest, "A feedback array is required.");
        foreach (var entry in request.Feedback)
            metrics.Feedback(id, entry.Outcome is "accepted" or "overridden" ? entry.Outcome : "other");
        return Results.Ok();
    }

    private static IResult OpenAssessment(
        string linkId, HttpContext http, AssessmentLinks links, ITreatmentAdvisor advisor, KnowledgeBase knowledge)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (links.Open(linkId, http.Request.Query["exp"], http.Request.Query["sig"]) is not { } opened)
            return Results.Content("<!doctype html><title>Link expired</title><p>This link has expired. Open the chart again for a new one.</p>",
                "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";
        var page = AssessmentPage.Render(knowledge, opened.Profile, opened.NotMapped, advisor.Assess(opened.Profile));
        return Results.Content(page, "text/html; charset=utf-8");
    }

    private static async Task<IResult?> RefuseAsync(HttpContext http, CdsAuthentication auth, IReadOnlyCollection<string> audiences, ILoggerFactory loggers)
    {
        var result = await auth.CheckAsync(http.Request, audiences, http.RequestAborted);
        if (result.Allowed) return null;
        loggers.CreateLogger(LoggerName).LogWarning("CDS Hooks call refused: {Reason}", result.Reason);
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Problem(StatusCodes.Status401Unauthorized, "A valid JWT from a trusted EHR is required (CDS Hooks 2.0, Trusting CDS Clients).");
    }

    private static IResult Problem(int status, string detail) => Results.Problem(statusCode: status, detail: detail);

    /// <summary>The body as T, or a problem: 415 not JSON, 413 too large, 400 malformed.</summary>
    private static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http, CdsHooksOptions options) where T : class
    {
        var contentType = http.Request.ContentType;
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "The body must be application/json."));
        if (http.Request.ContentLength > options.MaxRequestBytes)
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, $"The body must be at most {options.MaxRequestBytes} bytes."));

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > options.MaxRequestBytes)
                return (null, Problem(StatusCodes.Status413PayloadTooLarge, $"The body must be at most {options.MaxRequestBytes} bytes."));
            buffer.Write(chunk, 0, read);
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length),
                new JsonSerializerOptions(CdsJson.Options) { MaxDepth = options.MaxJsonDepth });
            return value is null ? (null, Problem(StatusCodes.Status400BadRequest, "The body is empty.")) : (value, null);
        }
        catch (JsonException)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "The body is not a well-formed CDS Hooks request."));
        }
    }

    private static string? PatientId(JsonElement context) =>
        context.ValueKind == JsonValueKind.Object && context.TryGetProperty("patientId", out var id) && id.ValueKind == JsonValueKind.String
        && id.GetString() is { Length: > 0 and <= 64 } value ? value : null;

    /// <summary>An absolute URL on this service: the configured public base, or the request's own scheme and host.</summary>
    private static string Url(HttpContext http, CdsHooksOptions options, string pathAndQuery)
    {
        var root = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');
        return root + pathAndQuery;
    }
}
