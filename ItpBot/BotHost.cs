using ItpBot.Bots;
using ItpBot.Channels.Teams;
using ItpBot.Channels.DirectLine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace ItpBot;

/// <summary>The composition root: services and endpoints, nothing else. Program and the tests both start it.</summary>
public static class BotHost
{
    public const string DefaultUrl = "http://localhost:3978";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        configure?.Invoke(builder);
        AddBotServices(builder.Services);

        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    private static void AddBotServices(IServiceCollection services)
    {
        services.AddHttpClient();

        // MicrosoftAppType/Id/Password/TenantId from configuration; all empty means anonymous (the Emulator).
        services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        services.AddSingleton<CloudAdapter, AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        services.AddTeamsChannel();

        services.AddWebChat();
        services.AddItpBot();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        app.MapWebChat();
    }
}
