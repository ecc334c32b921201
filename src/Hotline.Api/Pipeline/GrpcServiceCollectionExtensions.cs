using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Api.Pipeline;

/// <summary>Registers ASP.NET Core gRPC with the hotline's pipeline, and the services it serves.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Largest request message accepted, compressed or inflated (README: RESOURCE_EXHAUSTED over 4 MiB).</summary>
    public const int MaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// Adds gRPC with the interceptors every call passes, outermost first: status mapping, bearer-token
    /// authentication, request checks; the methods' google.api.http bindings as HTTP/JSON (JSON transcoding,
    /// the same interceptors) and their OpenAPI document; server reflection (v1 and v1alpha) and
    /// grpc.health.v1.Health, which reports the host's health checks (the same as /healthz). The host must
    /// also register an <see cref="Contracts.Security.ITokenValidator"/>.
    /// </summary>
    public static IServiceCollection AddHotlineGrpc(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<GrpcServerMetrics>();
        services.TryAddSingleton<StatusInterceptor>();
        services.TryAddSingleton<AuthenticationInterceptor>();
        services.TryAddSingleton<ValidationInterceptor>();
        services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = MaxReceiveMessageSize;
            options.EnableDetailedErrors = false;
            options.Interceptors.Add<StatusInterceptor>();
            options.Interceptors.Add<AuthenticationInterceptor>();
            options.Interceptors.Add<ValidationInterceptor>();
        }).AddJsonTranscoding();
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks();
        services.AddGrpcSwagger();
        services.AddSwaggerGen(HttpJsonDocument.Configure);
        return services;
    }

    /// <summary>Adds a service implementation (a singleton), mapped by <see cref="GrpcEndpointExtensions.MapHotlineGrpc"/>.</summary>
    public static IServiceCollection AddGrpcService<TService>(this IServiceCollection services)
        where TService : class
    {
        services.TryAddSingleton<TService>();
        services.AddSingleton(new GrpcServiceMapping(endpoints => endpoints.MapGrpcService<TService>()));
        return services;
    }
}
