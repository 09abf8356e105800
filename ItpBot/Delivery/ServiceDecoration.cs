namespace ItpBot.Delivery;

public static class ServiceDecoration
{
    /// <summary>
    /// Replaces the last registration of <typeparamref name="TService"/> with a singleton wrapping it, however it was
    /// registered (type, factory or instance). Wrapping instead of re-registering keeps whatever another part of the
    /// host chose as the inner service.
    /// </summary>
    public static IServiceCollection DecorateSingleton<TService>(this IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"Register {typeof(TService).Name} before decorating it.");

        services.Remove(inner);
        services.AddSingleton(sp => decorate(sp, (TService)(inner.ImplementationInstance
            ?? inner.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!))));
        return services;
    }
}
