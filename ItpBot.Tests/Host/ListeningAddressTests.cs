using ItpBot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ItpBot.Tests.Host;

/// <summary>3978 is the bot's default only: an address or port chosen by the environment (a container's ASPNETCORE_HTTP_PORTS) wins.</summary>
public sealed class ListeningAddressTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("urls", "http://0.0.0.0:8080", true)]
    [InlineData("http_ports", "8080", true)]
    [InlineData("https_ports", "8443", true)]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8080", true)]
    public void The_default_applies_only_when_nothing_is_configured(string? key, string? value, bool configured)
    {
        var settings = new Dictionary<string, string?>();
        if (key is not null)
        {
            settings[key] = value;
        }

        Assert.Equal(configured, BotHost.HasConfiguredAddress(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }

    [Fact]
    public async Task The_host_listens_on_the_port_ASPNETCORE_HTTP_PORTS_names()
    {
        var port = FreePort();
        // The environment variable as a container sets it (read by the host's ASPNETCORE_ configuration).
        Environment.SetEnvironmentVariable("ASPNETCORE_HTTP_PORTS", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var app = BotHost.Build(["--environment", "Development"], builder =>
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Startup:WarmUp"] = "false" }));
            await app.StartAsync();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            Assert.Contains(addresses, a => a.EndsWith($":{port}", StringComparison.Ordinal));
            Assert.DoesNotContain(addresses, a => a.Contains(":3978", StringComparison.Ordinal));
            using var client = new HttpClient();
            Assert.True((await client.GetAsync($"http://127.0.0.1:{port}/healthz")).IsSuccessStatusCode);
            await app.StopAsync();
            await app.DisposeAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_HTTP_PORTS", null);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
