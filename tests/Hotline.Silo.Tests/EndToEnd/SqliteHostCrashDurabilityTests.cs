using Xunit.Abstractions;

namespace Hotline.Silo.Tests.EndToEnd;

public sealed class SqliteHostCrashDurabilityTests(ITestOutputHelper output) : HostCrashDurabilityTests(output)
{
    private protected override Task<HostSettingsArgs> CreateSettingsAsync() => Task.FromResult(HostSettingsArgs.Sqlite());
}
