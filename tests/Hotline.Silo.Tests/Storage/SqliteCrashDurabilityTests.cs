namespace Hotline.Silo.Tests.Storage;

public sealed class SqliteCrashDurabilityTests : CrashDurabilityTests, IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "hotline-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private protected override Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?> { ["DataDir"] = _dataDir });
}
