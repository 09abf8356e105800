using Azure.Core;
using Azure.Identity;
using ItpBot.Storage;

namespace ItpBot.Hosting;

public static class ManagedIdentityBlobStorage
{
    public const string ServiceUriKey = "Storage:Blob:ServiceUri";
    public const string ClientIdKey = "Storage:Blob:ManagedIdentityClientId";

    /// <summary>
    /// Blob state reached with a Microsoft Entra identity instead of an account key: with <c>Storage:Kind=blob</c>,
    /// no <c>Storage:Blob:ConnectionString</c> and <c>Storage:Blob:ServiceUri</c> set (the account's blob endpoint),
    /// the state container is opened with the user-assigned managed identity named by
    /// <c>Storage:Blob:ManagedIdentityClientId</c>, or with <see cref="DefaultAzureCredential"/> (developer sign-in,
    /// environment, managed identity) when that is empty. Call before the state storage is added: its own store is
    /// the fallback.
    /// </summary>
    public static WebApplicationBuilder AddManagedIdentityBlobStorage(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var serviceUri = configuration[ServiceUriKey];
        var usesIdentity = string.Equals(configuration["Storage:Kind"], StorageKinds.Blob, StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrWhiteSpace(configuration["Storage:Blob:ConnectionString"])
            && !string.IsNullOrWhiteSpace(serviceUri);
        if (!usesIdentity)
        {
            return builder;
        }

        var blob = configuration.GetSection("Storage:Blob").Get<BlobStorageSettings>() ?? new BlobStorageSettings();
        var container = blob.Container is { Length: > 0 } name ? name : new BlobStorageSettings().Container;
        var clientId = configuration[ClientIdKey];
        TokenCredential credential = string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        var containerUri = new Uri($"{serviceUri!.TrimEnd('/')}/{container}");
        builder.Services.AddSingleton<IStateDocumentStore>(sp => new BlobDocumentStore(
            BlobStateClient.FromIdentity(containerUri, credential, blob, StorageServiceCollectionExtensions.TurnTimeout(sp))));
        return builder;
    }
}
