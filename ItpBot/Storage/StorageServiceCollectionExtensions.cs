using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ItpBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The bot's <see cref="IStorage"/> as <c>Storage:Kind</c> says (memory, file or blob), with ETags and expiry,
    /// plus the turn retry on state conflicts. Replaces any IStorage registered before.
    /// </summary>
    public static IServiceCollection AddStateStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageSettings>().BindConfiguration(StorageSettings.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<StorageSettings>>().Value);
        services.TryAddSingleton(CreateDocumentStore);
        services.Replace(ServiceDescriptor.Singleton<IStorage, DocumentStorage>());
        services.TryAddSingleton<StateConflictRetryMiddleware>();
        services.AddSingleton<StateSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<StateSweeper>());
        return services;
    }

    /// <summary>Adds the turn retry on state conflicts to the adapter (see <see cref="StateConflictRetryMiddleware"/>).</summary>
    public static WebApplication UseStateConflictRetry(this WebApplication app)
    {
        var adapter = (BotAdapter)app.Services.GetRequiredService<IBotFrameworkHttpAdapter>();
        adapter.Use(app.Services.GetRequiredService<StateConflictRetryMiddleware>());
        return app;
    }

    private static IStateDocumentStore CreateDocumentStore(IServiceProvider services)
    {
        var settings = services.GetRequiredService<StorageSettings>();
        return settings.Kind.ToLowerInvariant() switch
        {
            StorageKinds.Memory => new InMemoryDocumentStore(settings.MemoryMaxDocuments, services.GetService<ILogger<InMemoryDocumentStore>>()),
            StorageKinds.File => new FileDocumentStore(Path.Combine(
                services.GetRequiredService<IHostEnvironment>().ContentRootPath, settings.File.Directory)),
            StorageKinds.Blob => BlobStore(settings.Blob, services),
            _ => throw new InvalidOperationException(
                $"Storage:Kind '{settings.Kind}' is not one of {StorageKinds.Memory}, {StorageKinds.File}, {StorageKinds.Blob}."),
        };
    }

    private static BlobDocumentStore BlobStore(BlobStorageSettings blob, IServiceProvider services)
    {
        Required(blob.ConnectionString, "Storage:Blob:ConnectionString");
        Required(blob.Container, "Storage:Blob:Container");
        return new BlobDocumentStore(BlobStateClient.FromConnectionString(blob, TurnTimeout(services)));
    }

    /// <summary>Bot:TurnTimeout, which every blob call must fit inside.</summary>
    public static TimeSpan TurnTimeout(IServiceProvider services) =>
        services.GetService<IOptions<ItpBot.Security.MessagesGuardSettings>>()?.Value.TurnTimeout ?? new ItpBot.Security.MessagesGuardSettings().TurnTimeout;

    private static string Required(string value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"{key} is required when Storage:Kind is blob.") : value;
}
