using ItpBot.Api;
using ItpBot.Bots;
using ItpBot.Channels.Teams;
using ItpBot.Channels.DirectLine;
using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge;
using ItpBot.Delivery;
using ItpBot.Security;
using ItpBot.Storage;
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
        ValidateContentAtStartup(app.Services);
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
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, TurnCultureMiddleware>();
        services.AddTeamsChannel();

        services.AddItpBot();
        services.AddSingleton<UnderstandingWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<UnderstandingWarmUp>());
        services.AddStateStorage();
        services.AddMessagesGuard();
        services.AddServerLimits();
        services.AddWebChat();

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
        app.UseStateConflictRetry();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        app.MapWebChat();
        app.MapAssessmentsApi();
    }
}
