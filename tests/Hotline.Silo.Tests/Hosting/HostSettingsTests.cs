using Hotline.Silo.Hosting;

namespace Hotline.Silo.Tests.Hosting;

public sealed class HostSettingsTests
{
    [Theory]
    [InlineData("--Http:Port=99999", "Http:Port")]
    [InlineData("--Grpc:Port=abc", "Grpc:Port")]
    [InlineData("--Grpc:Bind=not-an-address", "Grpc:Bind")]
    [InlineData("--ShutdownTimeout=soon", "ShutdownTimeout")]
    public void Build_InvalidSetting_RefusesNamingTheKey(string argument, string key)
    {
        var dataDir = RunningHost.NewDataDir();

        var error = Assert.Throws<HostSettingsException>(() => HotlineHost.Build([argument, $"--DataDir={dataDir}"], loadDemo: false));

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public async Task Build_DataDir_IsAbsoluteAndCreated()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);

        var configured = host.App.Configuration["DataDir"] ?? "";

        Assert.True(Path.IsPathFullyQualified(configured));
        Assert.True(Directory.Exists(configured));
    }
}
