using Hotline.Silo.Tests.Storage;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>The whole ticket lifecycle from python3-grpcio against the host process on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLifecycleInteropTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task HotlineLifecycle_PythonAgainstHostOnPostgres_EveryCheckPasses()
    {
        var settings = HostSettingsArgs.Postgres(await postgres.CreateSchemaAsync());
        try
        {
            await InteropAssert.LifecyclePassesAsync(settings);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }
}
