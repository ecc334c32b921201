using Hotline.Silo.Tests.Storage;
using Xunit.Abstractions;

namespace Hotline.Silo.Tests.EndToEnd;

[Collection(PostgresCollection.Name)]
public sealed class PostgresHostCrashDurabilityTests(PostgresServerFixture postgres, ITestOutputHelper output) : HostCrashDurabilityTests(output)
{
    private protected override async Task<HostSettingsArgs> CreateSettingsAsync() => HostSettingsArgs.Postgres(await postgres.CreateSchemaAsync());
}
