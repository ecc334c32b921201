using Hotline.Contracts.Grains;
using Hotline.Silo.Cluster;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.Hosting;
using Hotline.Silo.Tests.Tickets.Grain;
using Hotline.Silo.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Grains;

/// <summary>
/// Two silos of one Orleans test cluster composed like the server (storage, ticket domain, the agent port,
/// the storage fault filter) on one SQLite file or one PostgreSQL schema, with D01–D03 seeded. Calls from the cluster's client always cross the wire; calls
/// from one silo's factory reach activations on the other.
/// </summary>
internal sealed class TwoSiloTicketCluster : IAsyncDisposable
{
    private TwoSiloTicketCluster(GrainCluster cluster, string dataDir)
    {
        Cluster = cluster;
        DataDir = dataDir;
    }

    public GrainCluster Cluster { get; }

    public string DataDir { get; }

    public IGrainFactory Client => Cluster.Grains;

    /// <param name="postgres">A PostgreSQL connection string to store in; SQLite in a fresh data directory when null.</param>
    public static async Task<TwoSiloTicketCluster> StartAsync(string? postgres = null)
    {
        var dataDir = RunningHost.NewDataDir();
        var settings = new Dictionary<string, string?> { ["DataDir"] = dataDir };
        if (postgres is not null)
        {
            settings["Storage:Provider"] = "postgres";
            settings["Storage:ConnectionString"] = postgres;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var cluster = await GrainCluster.StartAsync(2, services => services
            .AddHotlineStorage(configuration)
            .AddTicketDomain(configuration)
            .AddSingleton<IIncomingGrainCallFilter, StorageFaultFilter>());
        for (var silo = 0; silo < 2; silo++)
        {
            await cluster.SiloServices(silo).GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        }

        var organisation = cluster.SiloServices(0).GetRequiredService<IOrganisationStore>();
        foreach (var department in TicketGrainHost.Departments)
        {
            await organisation.UpsertDepartmentAsync(department, CancellationToken.None);
        }

        return new TwoSiloTicketCluster(cluster, dataDir);
    }

    /// <summary>The grain factory of the silo at <paramref name="index"/>, as that host's desks hold it.</summary>
    public IGrainFactory SiloGrains(int index) => Cluster.SiloServices(index).GetRequiredService<IGrainFactory>();

    public ITicketGrain Ticket(IGrainFactory from, string id) => from.GetGrain<ITicketGrain>(id);

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // The OS reclaims the temp folder.
        }
    }
}
