using Grpc.Core;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>Issue 9 "Also": the data directory and every file in it are the host user's only.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataDirectoryModeTests
{
    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    public async Task Host_NewAndLooseDataDirectory_DirectoryAndDatabaseFilesOwnerOnly()
    {
        var settings = HostSettingsArgs.Sqlite();
        // An older install: directory 0755 and a file 0644 in it.
        Directory.CreateDirectory(settings.DataDir);
        File.SetUnixFileMode(settings.DataDir, (UnixFileMode)0b111_101_101);
        var old = Path.Combine(settings.DataDir, "left-by-an-older-version");
        await File.WriteAllTextAsync(old, "x");
        File.SetUnixFileMode(old, (UnixFileMode)0b110_100_100);
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var agent = await host.IssueTokenAsync("--staff", "a1", "--role", "agent");
            using var client = new GrpcTestClient(host.GrpcAddress);
            var created = await client.CreateAsync(agent);

            var files = Directory.EnumerateFiles(settings.DataDir).ToList();
            Assert.Equal(StatusCode.OK, created.Status);
            Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(settings.DataDir));
            Assert.Contains(files, f => f.EndsWith("hotline.db-wal", StringComparison.Ordinal));
            Assert.Contains(files, f => f.EndsWith("hotline.db-shm", StringComparison.Ordinal));
            Assert.All(files, f => Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(f) & GroupAndOthers));
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }
}
