using Microsoft.Extensions.DependencyInjection.Extensions;
using Hotline.Api.Calls;
using Hotline.Api.Desks;
using Hotline.Api.Pipeline;
using Hotline.Contracts.Grains;
using Hotline.Silo.Agents;
using Hotline.Silo.Organisation;
using Hotline.Silo.Organisation.Administration;
using Hotline.Silo.Reports;
using Hotline.Silo.Search;
using Hotline.Silo.Scheduling;
using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;
using Hotline.Silo.Tickets;
using Hotline.Telephony;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Media;
using Hotline.Telephony.Registrar;

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
        services.AddHotlineStorage(configuration);
        services.AddHostedService<StorageStartup>();
        return services;
    }

    /// <summary>The ticket domain the grains use, the gRPC services, the search models fed from the tickets, and the SIP edge with its call centre; the server only.</summary>
    public static IServiceCollection AddServerParts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTicketDomain(configuration);
        services.AddHotlineGrpc();
        services.AddHotlineDesks();
        services.AddHotlineCallCenterApi();
        services.AddGrpcService<AdministrationService>();
        services.Replace(ServiceDescriptor.Singleton<ITicketRedispatcher, GrainTicketRedispatcher>());
        services.AddHostSearch(configuration);
        services.AddTelephonyParts(configuration);

        // After the silo (registered earlier) so the sweep's grain calls find it started, and stopped before it.
        services.AddHotlineScheduler(configuration);
        services.AddReports(configuration);
        return services;
    }

    /// <summary>
    /// The SIP edge and call centre, with the host's durable stores and the agent grain as their ports. Ours are
    /// registered first: AddHotlineTelephony only adds its in-memory defaults where nothing is registered.
    /// </summary>
    private static void AddTelephonyParts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IAgentStateAuthority, AgentStateAuthority>();
        services.AddSingleton<IAgentCredentialStore>(sp => sp.GetRequiredService<SqlAgentCredentialStore>());
        services.AddSingleton<ICallDetailRecordStore>(sp => sp.GetRequiredService<SqlCallDetailRecordStore>());
        services.AddSingleton<ICallbackRequestStore>(sp => sp.GetRequiredService<SqlCallbackRequestStore>());
        services.AddSingleton<ICallbackSchedule>(sp => sp.GetRequiredService<SqlCallbackRequestStore>());
        services.AddHotlineTelephony(configuration);

        // Recordings live under the host's data directory ({DataDir}/recordings) unless Media:DataDirectory says otherwise.
        if (string.IsNullOrWhiteSpace(configuration["Media:DataDirectory"]))
        {
            services.PostConfigure<MediaOptions>(media => media.DataDirectory = configuration["DataDir"]!);
        }
    }

    /// <summary>
    /// The gRPC services, reflection and health, served on the gRPC listener only: there unknown methods get
    /// UNIMPLEMENTED, non-POST requests 405 and non-gRPC content types 415, so no HTTP page leaks onto that port.
    /// The services' HTTP/JSON bindings and their OpenAPI document are served on the HTTP listener only.
    /// </summary>
    public static void MapGrpcParts(WebApplication app, ListenerPorts ports)
    {
        app.UseGrpcListener(ports.IsGrpc);
        app.MapHotlineGrpc();
    }
}
