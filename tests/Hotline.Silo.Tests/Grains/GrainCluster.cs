using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace Hotline.Silo.Tests.Grains;

/// <summary>
/// Silos composed by <c>configureServices</c> as the host composes the parts its grains need. One silo is a
/// plain host on localhost clustering (starts and stops in about a second); more are an in-process
/// Orleans test cluster (Microsoft.Orleans.TestingHost). Silos of one cluster share whatever store the
/// services point at, as hosts of one deployment do.
/// </summary>
internal sealed class GrainCluster : IAsyncDisposable
{
    private readonly IHost? _host;
    private readonly InProcessTestCluster? _cluster;

    private GrainCluster(IHost host) => _host = host;

    private GrainCluster(InProcessTestCluster cluster) => _cluster = cluster;

    public IGrainFactory Grains => _host?.Services.GetRequiredService<IGrainFactory>() ?? _cluster!.Client;

    /// <summary>The test cluster of a multi-silo start.</summary>
    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("a single silo has no test cluster");

    /// <summary>The services of the silo at <paramref name="index"/> (in start order).</summary>
    public IServiceProvider SiloServices(int index) => _host?.Services ?? _cluster!.Silos[index].ServiceProvider;

    public static async Task<GrainCluster> StartAsync(short silos, Action<IServiceCollection> configureServices)
    {
        if (silos == 1)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            configureServices(builder.Services);
            builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: "test", clusterId: "test"));
            var host = builder.Build();
            await host.StartAsync();
            return new GrainCluster(host);
        }

        var clusterBuilder = new InProcessTestClusterBuilder(silos);
        clusterBuilder.ConfigureSiloHost((_, host) =>
        {
            host.Logging.SetMinimumLevel(LogLevel.Warning);
            configureServices(host.Services);
        });
        var cluster = clusterBuilder.Build();
        await cluster.DeployAsync();
        return new GrainCluster(cluster);
    }

    /// <summary>Deactivates the grain's activation and waits until it is gone, so the next call activates it afresh.</summary>
    public async Task CollectAsync(IAddressable grain)
    {
        if (_cluster is not null)
        {
            await _cluster.DeactivateAsync(grain);
            return;
        }

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
