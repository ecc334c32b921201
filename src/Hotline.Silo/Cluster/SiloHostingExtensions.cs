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
        builder.UseOrleans(silo =>
        {
            switch (settings.Provider)
            {
                case ClusterProvider.Localhost:
                    silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
                    break;
                default:
                    throw new NotSupportedException($"Cluster provider {settings.Provider} is not available yet.");
            }

            silo.Configure<GrainCollectionOptions>(options => options.CollectionAge = settings.IdleTimeout);
            silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Cluster:Membership"));
            silo.AddDashboard();
        });
        return builder;
    }
}
