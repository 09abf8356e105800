using ItpBot.Bots;
using ItpBot.Storage;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ItpBot.Benchmarks;

/// <summary>The host's own registrations (dialogs, understanding, knowledge, state storage) without HTTP, for the
/// benchmarks that drive the bot over the SDK's TestAdapter.</summary>
internal static class BotUnderTest
{
    public static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddItpBot();
        services.AddStateStorage();
        return services.BuildServiceProvider();
    }

    /// <summary>Takes every reply the turn queued and says how many there were.</summary>
    public static int Drain(TestAdapter adapter)
    {
        var count = 0;
        while (adapter.GetNextReply() is not null)
        {
            count++;
        }

        return count;
    }
}
