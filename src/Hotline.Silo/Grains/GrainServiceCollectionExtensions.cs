using Hotline.Contracts.Grains;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Silo.Grains;

/// <summary>Registers the grain runtime and the grain classes it may activate.</summary>
internal static class GrainServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runtime (once), <see cref="IGrainFactory"/>, and the <c>Grains</c> options. The runtime is a
    /// hosted service so host shutdown drains and deactivates every grain.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<GrainRuntimeOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection("Grains"));
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainFactory, GrainFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GrainRuntimeService>());
        return services;
    }

    /// <summary>Activates <typeparamref name="TGrain"/> for calls to <typeparamref name="TInterface"/> (and adds the runtime).</summary>
    public static IServiceCollection AddGrain<TInterface, TGrain>(this IServiceCollection services)
        where TInterface : class, IGrainWithStringKey
        where TGrain : class, TInterface
    {
        if (!typeof(TInterface).IsInterface)
        {
            throw new ArgumentException($"{typeof(TInterface).Name} is not an interface.", nameof(TInterface));
        }

        GrainMethodInvoker.ValidateInterface(typeof(TInterface));
        services.AddGrainRuntime();
        services.AddSingleton(new GrainRegistration(typeof(TInterface), typeof(TGrain)));
        return services;
    }
}
