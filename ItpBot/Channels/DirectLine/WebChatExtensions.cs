using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ItpBot.Channels.DirectLine;

/// <summary>The Web Chat channel: the page at "/", its token endpoint, and (in local mode) the host's own Direct Line.</summary>
public static class WebChatExtensions
{
    public static IServiceCollection AddWebChat(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LocalTokens>();
        services.AddSingleton<LocalConversations>();
        services.AddSingleton<LocalConnectorFactory>();
        services.AddSingleton<LocalDirectLineAdapter>();
        services.AddSingleton<LocalDirectLineBot>();
        services.AddHostedService<LocalConversationSweeper>();
        services.AddHttpClient<AzureDirectLineTokens>();
        return services;
    }

    public static WebApplication MapWebChat(this WebApplication app)
    {
        // The page ships in the build output (see ItpBot/ClientApp/WebChat.targets), so it is found whatever the
        // working directory or environment: dotnet run, a published app, or the tests' host.
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webRoot))
        {
            var page = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        }
        else
        {
            app.Logger.LogWarning("No Web Chat page: {WebRoot} is missing", webRoot);
        }

        app.UseWebSockets();
        app.MapPost(WebChatSession.Route, WebChatSession.HandleAsync);
        if (!app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.IsAzureMode)
        {
            app.MapLocalDirectLine();
        }

        return app;
    }
}
