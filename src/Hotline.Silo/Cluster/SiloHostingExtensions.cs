using System.Net;
using Hotline.Silo.Storage.Postgres;
using Hotline.Silo.Storage.Sql;
using Hotline.Silo.Tickets;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Hotline.Silo.Cluster;

/// <summary>Hosts the Orleans silo in the server: clustering by <see cref="ClusterSettings"/>, collection age, dashboard.</summary>
internal static class SiloHostingExtensions
{
    /// <summary>
    /// Adds the silo to the host. Call it after the storage parts, so the silo starts on a migrated store
    /// (hosted services start in registration order).
    /// </summary>
    public static IHostApplicationBuilder UseHotlineSilo(this IHostApplicationBuilder builder, ClusterSettings settings)
    {
        builder.Services.AddSingleton(settings);
        var connectionString = builder.Configuration["Storage:ConnectionString"]!;
        if (settings.Provider == ClusterProvider.Postgres)
        {
            // Registered before the silo, so the membership tables exist when it joins.
            builder.Services.AddHostedService(sp => new ClusterSchemaStartup(connectionString, sp.GetRequiredService<ILogger<ClusterSchemaStartup>>()));
            builder.Services.AddSingleton(new SingleActivation(AcrossHosts: true));
            builder.Services.AddSingleton(sp => (PostgresDialect)sp.GetRequiredService<SqlDialect>());
            builder.Services.AddHostedService<CommitListener>();
        }

        builder.UseOrleans(silo =>
        {
            if (settings.Provider == ClusterProvider.Localhost)
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            }
            else
            {
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = connectionString;
                });
                silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = settings.ClusterId;
                    options.ServiceId = settings.ServiceId;
                });
                silo.Configure<EndpointOptions>(options =>
                {
                    options.SiloPort = settings.SiloPort;
                    options.GatewayPort = settings.GatewayPort;
                    options.AdvertisedIPAddress = settings.AdvertisedAddress ?? options.AdvertisedIPAddress;
                    options.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, settings.SiloPort);
                    options.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, settings.GatewayPort);
                });
            }

            silo.Configure<GrainCollectionOptions>(options => options.CollectionAge = settings.IdleTimeout);
            silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Cluster:Membership"));
            silo.AddIncomingGrainCallFilter<StorageFaultFilter>();
            silo.AddDashboard();
        });
        return builder;
    }
}
