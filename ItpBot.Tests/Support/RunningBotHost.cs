using ItpBot;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ItpBot.Tests.Support;

/// <summary>The real host on Kestrel, on a free loopback port: what the Emulator and channels talk to.</summary>
public sealed class RunningBotHost : IAsyncDisposable
{
    private RunningBotHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<RunningBotHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Development"], builder =>
        {
            // Each test host would otherwise build the language models in the background, competing with the test for
            // the CPU; UnderstandingWarmUpTests switch it back on.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Startup:WarmUp"] = "false" });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningBotHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
