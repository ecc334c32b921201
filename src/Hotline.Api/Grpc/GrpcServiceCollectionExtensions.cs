using Hotline.Api.Grpc.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Api.Grpc;

/// <summary>Registers the gRPC server layer and the services it serves.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds the gRPC server layer (server reflection included). The host must also register an
    /// <see cref="Hotline.Contracts.Security.ITokenValidator"/>.</summary>
    public static IServiceCollection AddHotlineGrpc(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrpcServiceRegistry>();
        services.AddMetrics();
        services.TryAddSingleton<GrpcServerMetrics>();
        services.TryAddSingleton<GrpcRequestHandler>();
        return services;
    }

    /// <summary>Adds a service implementation (a singleton) whose <see cref="IGrpcService.Bind"/> runs at startup.</summary>
    public static IServiceCollection AddGrpcService<TService>(this IServiceCollection services)
        where TService : class, IGrpcService
    {
        services.TryAddSingleton<TService>();
        services.AddSingleton<IGrpcService>(provider => provider.GetRequiredService<TService>());
        return services;
    }
}
