using Hotline.Contracts.Grains;
using Hotline.Silo.Agents;
using Hotline.Silo.Grains;
using Hotline.Silo.Storage;
using Hotline.Telephony.Acd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Agents;

/// <summary>The agent grain on a real grain runtime and a real SQLite store in a temporary data directory.</summary>
internal sealed class AgentGrainHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsDataDir;

    private AgentGrainHost(ServiceProvider services, string dataDir, bool ownsDataDir)
    {
        _services = services;
        DataDir = dataDir;
        _ownsDataDir = ownsDataDir;
    }

    public string DataDir { get; }

    public IAgentStateAuthority Authority => _services.GetRequiredService<IAgentStateAuthority>();

    public IAgentGrain Agent(string id) => _services.GetRequiredService<IGrainFactory>().GetGrain<IAgentGrain>(id);

    public static async Task<AgentGrainHost> StartAsync(string? dataDir = null)
    {
        var owns = dataDir is null;
        dataDir ??= Path.Combine(Path.GetTempPath(), "hotline-agents-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>("DataDir", dataDir)]).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddHotlineStorage(configuration)
            .AddGrain<IAgentGrain, AgentGrain>()
            .AddSingleton<IAgentStateAuthority, AgentStateAuthority>()
            .BuildServiceProvider();
        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        return new AgentGrainHost(services, dataDir, owns);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.GetRequiredService<GrainRuntime>().ShutdownAsync(CancellationToken.None);
        await _services.DisposeAsync();
        if (_ownsDataDir)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDir, recursive: true);
        }
    }
}
