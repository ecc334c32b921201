using Hotline.Silo.Grains;

namespace Hotline.Silo.Hosting;

/// <summary>
/// THE composition spot: where the parts built by the other areas (storage, ticket grains, the gRPC layer)
/// are wired into the host. Everything else in Hosting is surface-independent.
/// </summary>
internal static class Composition
{
    /// <summary>
    /// Storage, needed by the server and by CLI commands. Schema initialisation belongs here too: if it is
    /// an <see cref="IHostedService"/>, it runs before the server's demo seeding and before any CLI command.
    /// </summary>
    public static IServiceCollection AddStorageParts(this IServiceCollection services, IConfiguration configuration)
    {
        // INTEGRATION: services.AddHotlineStorage(configuration);
        //   (ITicketStore, ITokenStore + ITokenValidator, IOrganisationStore + IDepartmentDirectory, schema init)
        _ = configuration;
        return services;
    }

    /// <summary>Grains and the gRPC services; the server only.</summary>
    public static IServiceCollection AddServerParts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGrainRuntime(configuration);

        // INTEGRATION: services.AddGrain<ITicketGrain, TicketGrain>();  (and the other grains)
        // INTEGRATION: services.AddHotlineGrpc();
        return services;
    }

    /// <summary>The pipeline of the gRPC listener; what it leaves unhandled gets UNIMPLEMENTED.</summary>
    public static void MapGrpcParts(IApplicationBuilder grpc)
    {
        // INTEGRATION: the gRPC layer goes here, e.g. grpc.UseHotlineGrpc(); or, if it maps endpoints,
        //   grpc.UseRouting(); grpc.UseEndpoints(endpoints => endpoints.MapHotlineGrpc());
        _ = grpc;
    }
}
