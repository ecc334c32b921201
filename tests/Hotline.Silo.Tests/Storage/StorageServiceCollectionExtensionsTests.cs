using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Postgres;
using Hotline.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public void AddHotlineStorage_UnknownProvider_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddHotlineStorage(Configuration(("Storage:Provider", "oracle"))));

        Assert.Contains("Storage:Provider 'oracle'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHotlineStorage_PostgresWithoutConnectionString_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddHotlineStorage(Configuration(("Storage:Provider", "postgres"))));

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateDialect_PostgresProvider_IsCaseInsensitive()
    {
        var dialect = StorageServiceCollectionExtensions.CreateDialect(Configuration(("Storage:Provider", "PostgreSQL"), ("Storage:ConnectionString", "Host=127.0.0.1")));

        Assert.IsType<PostgresDialect>(dialect);
    }

    [Fact]
    public async Task AddHotlineStorage_Defaults_CreateHotlineDbUnderDataDir()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "hotline-defaults-" + Guid.NewGuid().ToString("N"), "nested");
        try
        {
            var services = new ServiceCollection().AddLogging().AddHotlineStorage(Configuration(("DataDir", dataDir))).BuildServiceProvider();
            await using (services)
            {
                Assert.IsType<SqliteDialect>(services.GetRequiredService<Hotline.Silo.Storage.Sql.SqlDialect>());
                var initializer = services.GetRequiredService<IStorageInitializer>();
                await initializer.InitializeAsync(default);
                await initializer.InitializeAsync(default);
                Assert.True(await services.GetRequiredService<IOrganisationStore>().IsEmptyAsync(default));
            }

            Assert.True(File.Exists(Path.Combine(dataDir, "hotline.db")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(dataDir)!, recursive: true);
        }
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
