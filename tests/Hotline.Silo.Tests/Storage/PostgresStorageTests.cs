namespace Hotline.Silo.Tests.Storage;

/// <summary>The storage contract on PostgreSQL: each test gets its own schema in the shared throwaway cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests(PostgresServerFixture server) : StorageContractTests
{
    private protected override async Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync() =>
        new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = await server.CreateSchemaAsync(),
        };
}
