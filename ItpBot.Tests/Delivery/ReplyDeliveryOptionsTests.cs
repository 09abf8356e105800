using ItpBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace ItpBot.Tests.Delivery;

public sealed class ReplyDeliveryOptionsTests
{
    [Theory]
    [InlineData("Delivery:MaxRetries", "-1")]
    [InlineData("Delivery:AttemptTimeout", "00:00:00")]
    [InlineData("Delivery:MaxCachedClients", "0")]
    public async Task Invalid_delivery_settings_stop_the_host_at_start(string key, string value)
    {
        await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RunningBotHost.StartAsync(new Dictionary<string, string?> { [key] = value }));
    }

    [Fact]
    public async Task The_shipped_defaults_start()
    {
        await using var host = await RunningBotHost.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<ItpBot.Delivery.ReplyDeliveryOptions>>().Value;
        Assert.True(options.ReuseConnectorClients);
        Assert.Equal(3, options.MaxRetries);
    }
}
