using ItpBot.Storage;
using ItpBot.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ItpBot.LoadTest;

/// <summary>The real host (BotHost.Build) on Kestrel at 127.0.0.1:0, in this process.</summary>
public sealed class HostUnderLoad : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostUnderLoad(WebApplication app, Uri baseAddress, KeyRecordingStorage storage)
    {
        _app = app;
        BaseAddress = baseAddress;
        Storage = storage;
    }

    public Uri BaseAddress { get; }

    public KeyRecordingStorage Storage { get; }

    /// <summary>Where the host's storage keeps its documents (memory by default).</summary>
    public IStateDocumentStore Documents => _app.Services.GetRequiredService<IStateDocumentStore>();

    public static async Task<HostUnderLoad> StartAsync(BotKind bot, ReplyPath path, Action<IServiceCollection>? instrument = null)
    {
        KeyRecordingStorage? storage = null;
        var app = BotHost.Build(
            ["--urls", "http://127.0.0.1:0", "--environment", "Production", "--contentRoot", AppContext.BaseDirectory],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    // Per-turn Information logs from the SDK would measure the console, not the bot.
                    ["Logging:LogLevel:Default"] = "Warning",
                    ["Delivery:ReuseConnectorClients"] = path == ReplyPath.Sdk ? "false" : "true",
                    // One client drives every simulated clinician from one address: the per-client limiter would throttle the run.
                    ["RateLimiting:Enabled"] = "false",
                });

                // BotHost registers its services after this hook runs; swapping the bot and wrapping the storage
                // therefore happens when the container is built.
                builder.Host.UseServiceProviderFactory(new AfterRegistration(services =>
                {
                    services.DecorateSingleton<IStorage>((_, inner) => storage = new KeyRecordingStorage(inner));
                    if (bot == BotKind.Echo)
                    {
                        services.RemoveAll<IBot>();
                        services.AddTransient<IBot, EchoBot>();
                    }

                    instrument?.Invoke(services);
                }));
            });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _ = app.Services.GetRequiredService<IStorage>();
        return new HostUnderLoad(app, new Uri(address.TrimEnd('/') + "/"), storage!);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Applies last-word registrations just before the container is built.</summary>
    private sealed class AfterRegistration(Action<IServiceCollection> apply) : IServiceProviderFactory<IServiceCollection>
    {
        private readonly DefaultServiceProviderFactory _default = new();

        public IServiceCollection CreateBuilder(IServiceCollection services) => services;

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder)
        {
            apply(containerBuilder);
            return _default.CreateServiceProvider(containerBuilder);
        }
    }
}
