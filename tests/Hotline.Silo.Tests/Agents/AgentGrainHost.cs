using Hotline.Contracts.Grains;
using Hotline.Silo.Agents;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.Grains;
using Hotline.Telephony.Acd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Agents;

/// <summary>The agent grain in an in-process Orleans cluster on a real SQLite store in a temporary data directory.</summary>
internal sealed class AgentGrainHost : IAsyncDisposable
{
    private readonly GrainCluster _cluster;
    private readonly bool _ownsDataDir;

    private AgentGrainHost(GrainCluster cluster, string dataDir, bool ownsDataDir)
    {
        _cluster = cluster;
        DataDir = dataDir;
        _ownsDataDir = ownsDataDir;
    }

    public string DataDir { get; }

    /// <summary>The telephony port as the first silo's SIP edge holds it.</summary>
    public IAgentStateAuthority Authority => _cluster.SiloServices(0).GetRequiredService<IAgentStateAuthority>();

    public IAgentGrain Agent(string id) => _cluster.Grains.GetGrain<IAgentGrain>(id);

    public static async Task<AgentGrainHost> StartAsync(string? dataDir = null)
    {
        var owns = dataDir is null;
        dataDir ??= Path.Combine(Path.GetTempPath(), "hotline-agents-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>("DataDir", dataDir)]).Build();
        var cluster = await GrainCluster.StartAsync(1, services => services
            .AddHotlineStorage(configuration)
            .AddSingleton<IAgentStateAuthority, AgentStateAuthority>());
        await cluster.SiloServices(0).GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        return new AgentGrainHost(cluster, dataDir, owns);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        if (_ownsDataDir)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDir, recursive: true);
        }
    }
}
