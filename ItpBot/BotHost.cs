using ItpBot.Api;
using ItpBot.Bots;
using ItpBot.CdsHooks;
using ItpBot.Channels.Teams;
using ItpBot.Channels.DirectLine;
using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge;
using ItpBot.Delivery;
using ItpBot.Health;
using ItpBot.Hosting;
using ItpBot.Security;
using ItpBot.Storage;
using ItpBot.Telemetry;
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
        if (!HasConfiguredAddress(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        configure?.Invoke(builder);
        builder.AddManagedIdentityBlobStorage();
        AddBotServices(builder.Services);
        builder.AddBotTelemetry();

        var app = builder.Build();
        ValidateContentAtStartup(app.Services);
        MapEndpoints(app);
        return app;
    }

    /// <summary>
    /// True when the environment chose where to listen (<c>ASPNETCORE_URLS</c>/<c>--urls</c>,
    /// <c>ASPNETCORE_HTTP_PORTS</c>/<c>ASPNETCORE_HTTPS_PORTS</c>, as a container image sets them, or Kestrel endpoints):
    /// then the bot's own default, 3978, must not override it.
    /// </summary>
    public static bool HasConfiguredAddress(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    private static void AddBotServices(IServiceCollection services)
    {
        services.AddHttpClient();

        // MicrosoftAppType/Id/Password/TenantId from configuration; all empty means anonymous (the Emulator).
        services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        services.AddSingleton<CloudAdapter, AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        services.AddTurnMiddleware();

        services.AddItpBot();
        services.AddSingleton<UnderstandingWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<UnderstandingWarmUp>());
        services.AddStateStorage();
        services.AddMessagesGuard();
        services.AddServerLimits();
        services.AddWebChat();
        services.AddCdsHooks();
        services.AddReadinessChecks();
        services.AddAssessmentsOpenApi();

        // After BotFrameworkAuthentication: it wraps the registered one to reuse connector clients.
        services.AddReplyDelivery();
    }

    /// <summary>
    /// Loads and validates the clinical content and the conversation's texts now, so that bad content stops start-up
    /// with a message naming the file, entry and field, instead of failing a clinician's first question.
    /// </summary>
    private static void ValidateContentAtStartup(IServiceProvider services)
    {
        services.GetRequiredService<KnowledgeBase>();
        services.GetRequiredService<ConversationTexts>();
        services.GetRequiredService<MainDialog>();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.UseMessagesGuard();
        app.MapHealthEndpoints();
        app.MapOpenApi(AssessmentsOpenApi.DocumentPath);
        app.MapApiReferencePage();
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        app.MapWebChat();
        app.MapAssessmentsApi();
        app.MapCdsHooksService();
    }
}
