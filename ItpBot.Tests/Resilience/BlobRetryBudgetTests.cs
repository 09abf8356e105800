using ItpBot.Security;
using ItpBot.Storage;

namespace ItpBot.Tests.Resilience;

/// <summary>
/// One blob call, retries included, must end well inside a turn, or an outage is reported as a slow turn rather than
/// as storage out of reach. Must hold: the defaults fit in three quarters of the turn and reach the SDK's options;
/// settings that would not fit stop start-up with a message naming them.
/// </summary>
[Trait("Category", "Resilience")]
public sealed class BlobRetryBudgetTests
{
    private static readonly TimeSpan Turn = new MessagesGuardSettings().TurnTimeout;

    [Fact]
    public void The_default_retries_fit_inside_the_turn_and_reach_the_client()
    {
        var settings = new BlobStorageSettings();
        var options = BlobStateClient.Options(settings, Turn);

        Assert.True(settings.WorstCall <= Turn * 0.75, $"worst call {settings.WorstCall} in a {Turn} turn");
        Assert.Equal(settings.MaxRetries, options.Retry.MaxRetries);
        Assert.Equal(settings.NetworkTimeout, options.Retry.NetworkTimeout);
        Assert.Equal(settings.RetryDelay, options.Retry.Delay);
        Assert.True(options.Retry.NetworkTimeout < TimeSpan.FromSeconds(100), "the SDK's 100 s default outlasts five turns");
    }

    [Fact]
    public void Retries_that_could_outlast_the_turn_stop_start_up()
    {
        var settings = new BlobStorageSettings { MaxRetries = 3, NetworkTimeout = TimeSpan.FromSeconds(10) };

        var refused = Assert.Throws<InvalidOperationException>(() => BlobStateClient.Options(settings, Turn));

        Assert.Contains("Bot:TurnTimeout", refused.Message);
        Assert.Contains("Storage:Blob", refused.Message);
    }

    [Fact]
    public void A_longer_turn_allows_longer_retries()
    {
        var settings = new BlobStorageSettings { MaxRetries = 3, NetworkTimeout = TimeSpan.FromSeconds(10) };

        Assert.Equal(3, BlobStateClient.Options(settings, TimeSpan.FromMinutes(2)).Retry.MaxRetries);
    }
}
