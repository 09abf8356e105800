using ItpBot.Storage;

namespace ItpBot.Tests.Host;

/// <summary>Blob state through a managed identity (what the Bicep template configures): no connection string needed.</summary>
public sealed class ManagedIdentityStorageTests
{
    [Fact]
    public async Task A_blob_endpoint_without_a_connection_string_opens_the_state_container_with_an_identity()
    {
        await using var app = Build(new()
        {
            ["Storage:Kind"] = "blob",
            ["Storage:Blob:ServiceUri"] = "https://itpbotstate.blob.core.windows.net/",
            ["Storage:Blob:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.IsType<BlobDocumentStore>(app.Services.GetRequiredService<IStateDocumentStore>());
    }

    [Fact]
    public void Without_an_endpoint_blob_state_still_needs_its_connection_string()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Storage:Kind"] = "blob" }).Services.GetRequiredService<IStateDocumentStore>());
        Assert.Contains("Storage:Blob:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private static WebApplication Build(Dictionary<string, string?> settings) =>
        BotHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
            builder.Configuration.AddInMemoryCollection(settings));
}
