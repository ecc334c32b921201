using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

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
        services.AddOptions<StreamOptions>()
            .BindConfiguration(StreamOptions.SectionName)
            .Validate(o => o.MaxPerCaller >= 1, "Grpc:Streams:MaxPerCaller must be at least 1")
            .Validate(o => o.SlowConsumerTimeout > TimeSpan.Zero, "Grpc:Streams:SlowConsumerTimeout must be positive")
            .ValidateOnStart();
        services.TryAddSingleton<StreamSlots>();
        services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = MaxReceiveMessageSize;
            options.EnableDetailedErrors = false;
            options.Interceptors.Add<StatusInterceptor>();
            options.Interceptors.Add<AuthenticationInterceptor>();
            options.Interceptors.Add<ValidationInterceptor>();
        }).AddJsonTranscoding();
        // The libraries log every unreadable request with its stack trace (gRPC at Error, HTTP/JSON at Information):
        // a client could fill the disk. ListenerSplitMiddleware logs gRPC's itself; HTTP/JSON's keep Warning and up.
        services.AddLogging(logging => logging
            .AddFilter(ListenerSplitMiddleware.LibraryCallLogCategory, LogLevel.None)
            .AddFilter("Grpc.AspNetCore.Grpc.JsonTranscoding.ServerCallHandler", LogLevel.Warning));
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
