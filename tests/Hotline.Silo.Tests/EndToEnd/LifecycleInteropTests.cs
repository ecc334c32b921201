namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>The whole ticket lifecycle from python3-grpcio against the host process on SQLite.</summary>
public sealed class LifecycleInteropTests
{
    [Fact]
    public async Task HotlineLifecycle_PythonAgainstHostOnSqlite_EveryCheckPasses()
    {
        var settings = HostSettingsArgs.Sqlite();
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
