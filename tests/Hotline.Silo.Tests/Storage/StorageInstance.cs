using Hotline.Silo.Organisation;
using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Storage;

/// <summary>One "host's" storage, composed exactly as the host composes it (AddHotlineStorage).</summary>
internal sealed class StorageInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StorageInstance(ServiceProvider services)
    {
        _services = services;
        Tickets = services.GetRequiredService<ITicketStore>();
        Tokens = services.GetRequiredService<ITokenStore>();
        Organisation = services.GetRequiredService<IOrganisationStore>();
        Dialect = services.GetRequiredService<SqlDialect>();
        Agents = services.GetRequiredService<SqlAgentCredentialStore>();
        AgentStates = services.GetRequiredService<IAgentStateLog>();
        CallRecords = services.GetRequiredService<SqlCallDetailRecordStore>();
        Callbacks = services.GetRequiredService<SqlCallbackRequestStore>();
        DirectoryStore = services.GetRequiredService<IDirectoryStore>();
        Directory = services.GetRequiredService<OrganisationDirectory>();
    }

    public ITicketStore Tickets { get; }

    public ITokenStore Tokens { get; }

    public IOrganisationStore Organisation { get; }

    public SqlDialect Dialect { get; }

    public SqlAgentCredentialStore Agents { get; }

    public IAgentStateLog AgentStates { get; }

    public SqlCallDetailRecordStore CallRecords { get; }

    public SqlCallbackRequestStore Callbacks { get; }

    public IDirectoryStore DirectoryStore { get; }

    public OrganisationDirectory Directory { get; }

    public static async Task<StorageInstance> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddHotlineStorage(configuration).BuildServiceProvider();
        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        return new StorageInstance(services);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
