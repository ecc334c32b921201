namespace Hotline.Silo.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCrashDurabilityTests(PostgresServerFixture server) : CrashDurabilityTests
{
    private protected override async Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync() =>
        new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = await server.CreateSchemaAsync(),
        };
}
