using ItpBot.Delivery;
using ItpBot.Dialogs.Conversation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ItpBot.Channels.DirectLine;

/// <summary>The Web Chat channel: the page at "/", its token endpoint, and (in local mode) the host's own Direct Line.</summary>
public static class WebChatExtensions
{
    /// <summary>Logs request URLs (with their query) at Information.</summary>
    public const string StreamUrlLoggers = "Microsoft.AspNetCore.Hosting.Diagnostics";

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

        // Wraps the dialogs' forget-me (registered by AddItpBot, before this): both the state and the transcript go.
        if (services.Any(d => d.ServiceType == typeof(IForgetMe)))
        {
            services.DecorateSingleton<IForgetMe>((sp, state) => new LocalTranscriptForgetMe(state, sp.GetRequiredService<LocalConversations>()));
        }

        // The request log lines of ASP.NET Core hosting carry the full URL, and a stream URL carries its token.
        services.Configure<LoggerFilterOptions>(filters => filters.AddFilter(StreamUrlLoggers, LogLevel.Warning));
        return services;
    }

    public static WebApplication MapWebChat(this WebApplication app)
    {
        // The page ships in the build output (see ItpBot/ClientApp/WebChat.targets), so it is found whatever the
        // working directory or environment: dotnet run, a published app, or the tests' host.
        var options = app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webRoot))
        {
            var page = new PhysicalFileProvider(webRoot);
            var policy = ContentSecurityPolicy(options);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = page,
                OnPrepareResponse = file =>
                {
                    file.Context.Response.Headers.XContentTypeOptions = "nosniff";
                    if (file.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                    {
                        file.Context.Response.Headers.ContentSecurityPolicy = policy;
                    }
                },
            });
        }
        else
        {
            app.Logger.LogWarning("No Web Chat page: {WebRoot} is missing", webRoot);
        }

        app.UseWebSockets();
        app.MapPost(WebChatSession.Route, WebChatSession.HandleAsync);
        if (!options.IsAzureMode)
        {
            app.MapLocalDirectLine();
        }

        return app;
    }

    /// <summary>
    /// Scripts only from the host (the pinned bundle and the page's own), so Markdown or card content from a bot turn
    /// cannot run script; connections only to this host or, in Azure mode, Azure Direct Line. Web Chat styles itself
    /// with inline style elements and may show images from anywhere (Adaptive Cards).
    /// </summary>
    private static string ContentSecurityPolicy(DirectLineOptions options)
    {
        var azure = options.IsAzureMode
            ? $" {options.AzureBaseUrl.GetLeftPart(UriPartial.Authority)} wss://{options.AzureBaseUrl.Authority}"
            : string.Empty;
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; " +
               $"media-src 'self' data: blob: https:; font-src 'self' data:; connect-src 'self' ws: wss:{azure}; worker-src 'self' blob:; " +
               "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
    }
}
