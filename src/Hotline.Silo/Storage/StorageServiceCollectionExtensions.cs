using Hotline.Contracts.Organisation;
using Hotline.Contracts.Security;
using Hotline.Silo.Agents;
using Hotline.Silo.Organisation;
using Hotline.Silo.Storage.Postgres;
using Hotline.Silo.Storage.Sql;
using Hotline.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Silo.Storage;

/// <summary>Registers durable storage for the host and the CLI.</summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Reads <c>Storage:Provider</c> (<c>sqlite</c>, the default, or <c>postgres</c>) and
    /// <c>Storage:ConnectionString</c> (SQLite default: <c>{DataDir}/hotline.db</c>, DataDir defaulting
    /// to <c>./data</c>; required for postgres) and registers <see cref="ITicketStore"/>,
    /// <see cref="ITokenStore"/>, <see cref="ITokenValidator"/>, <see cref="IOrganisationStore"/>,
    /// <see cref="IDepartmentDirectory"/>, <see cref="IDirectoryStore"/>, <see cref="IStorageInitializer"/>, and the telephony stores
    /// (<see cref="SqlAgentCredentialStore"/> as <see cref="IAgentDirectory"/>, <see cref="IAgentStateLog"/>,
    /// <see cref="SqlCallDetailRecordStore"/>, <see cref="SqlCallbackRequestStore"/>). Call
    /// <see cref="IStorageInitializer.InitializeAsync"/> once at start before using the stores.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is unknown or its connection string is missing.</exception>
    public static IServiceCollection AddHotlineStorage(this IServiceCollection services, IConfiguration configuration)
    {
        // Created now so a bad provider fails at start; registered by factory so the container disposes it.
        var dialect = CreateDialect(configuration);
        services.AddSingleton<SqlDialect>(_ => dialect);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IStorageInitializer, SchemaMigrator>();
        services.AddSingleton<StorageProbe>();
        services.AddSingleton<SqlTicketStore>();
        services.AddSingleton<ITicketStore>(sp => sp.GetRequiredService<SqlTicketStore>());
        services.AddSingleton<IAlarmIndex, SqlAlarmIndex>();
        services.AddSingleton<SqlTokenStore>();
        services.AddSingleton<ITokenStore>(sp => sp.GetRequiredService<SqlTokenStore>());
        services.AddSingleton<ITokenValidator>(sp => sp.GetRequiredService<SqlTokenStore>());
        services.AddSingleton<SqlOrganisationStore>();
        services.AddSingleton<IOrganisationStore>(sp => sp.GetRequiredService<SqlOrganisationStore>());
        services.AddSingleton<IDepartmentDirectory>(sp => sp.GetRequiredService<SqlOrganisationStore>());
        services.AddSingleton<IDirectoryStore, SqlDirectoryStore>();
        services.TryAddSingleton<ITicketRedispatcher, UnavailableTicketRedispatcher>();
        services.AddSingleton<OrganisationDirectory>();
        services.AddSingleton<CachedTicketVocabulary>();
        services.AddSingleton<ITicketVocabulary>(sp => sp.GetRequiredService<CachedTicketVocabulary>());
        services.AddSingleton<IStaffStore, SqlStaffStore>();

        // Telephony's tables; Hosting/Composition hands them to the SIP edge and the call centre as its ports.
        services.AddSingleton(AgentRealm.From(configuration));
        services.AddSingleton<SqlAgentCredentialStore>();
        services.AddSingleton<IAgentDirectory>(sp => sp.GetRequiredService<SqlAgentCredentialStore>());
        services.AddSingleton<IAgentStateLog, SqlAgentStateLog>();
        services.AddSingleton<SqlCallDetailRecordStore>();
        services.AddSingleton<SqlCallbackRequestStore>();
        return services;
    }

    /// <summary>The dialect the configuration asks for; also used by tools (the load benchmark) outside DI.</summary>
    public static SqlDialect CreateDialect(IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"];
        var connectionString = configuration["Storage:ConnectionString"];
        switch (string.IsNullOrWhiteSpace(provider) ? "sqlite" : provider.Trim().ToLowerInvariant())
        {
            case "sqlite":
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    var dataDir = configuration["DataDir"];
                    dataDir = string.IsNullOrWhiteSpace(dataDir) ? "data" : dataDir;
                    connectionString = $"Data Source={Path.Combine(Path.GetFullPath(dataDir), "hotline.db")}";
                }

                return new SqliteDialect(connectionString);
            case "postgres" or "postgresql":
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Storage:Provider is postgres but Storage:ConnectionString is empty; set it, e.g. --Storage:ConnectionString=\"Host=127.0.0.1;Username=hotline;Database=hotline\".");
                }

                // In a cluster (Cluster:Provider=postgres) the other hosts' indexes learn of commits through the store.
                var cluster = configuration["Cluster:Provider"]?.Trim().ToLowerInvariant();
                return new PostgresDialect(connectionString, announceCommits: cluster is "postgres" or "postgresql");
            default:
                throw new InvalidOperationException($"Storage:Provider '{provider}' is unknown; use 'sqlite' or 'postgres'.");
        }
    }
}
