using Microsoft.Bot.Builder;

namespace ItpBot.Tests.Reliability;

/// <summary>
/// Replaces host services after BotHost has registered its own (RunningBotHost's configure runs before them): the
/// override is applied when the service provider is built.
/// </summary>
public static class TestServices
{
    public static void Override(this WebApplicationBuilder builder, Action<IServiceCollection> overrides) =>
        builder.Host.UseServiceProviderFactory(new OverridingFactory(overrides));

    public static void UseBot<TBot>(this WebApplicationBuilder builder)
        where TBot : class, IBot =>
        builder.Override(services => services.AddTransient<IBot, TBot>());

    private sealed class OverridingFactory(Action<IServiceCollection> overrides) : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            overrides(services);
            return services;
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) =>
            containerBuilder.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }
}

/// <summary>A clock the test moves.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
