using Scalar.AspNetCore;

namespace ItpBot.Api;

public static class ApiReferencePage
{
    public const string Path = "/scalar";

    /// <summary>
    /// An interactive page for the OpenAPI document at <c>/scalar/v1</c> (Scalar), in Development only: integrators try
    /// <c>POST /api/assessments</c> against a local host; a deployed bot does not advertise a console. The page's script
    /// is served by the host itself and the default web fonts are off, so nothing is fetched from elsewhere.
    /// </summary>
    public static WebApplication MapApiReferencePage(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference(Path, options => options
                .WithTitle("ItpBot assessments API")
                .WithOpenApiRoutePattern(AssessmentsOpenApi.DocumentPath)
                .DisableDefaultFonts());
        }

        return app;
    }
}
