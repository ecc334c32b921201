using System.Diagnostics;
using System.Globalization;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// A PostgreSQL cluster of the test's own (tests/postgres.sh), so the test may stop, restart or freeze it
/// without touching the cluster other tests share.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _directory;
    private readonly int _port;

    private ThrowawayPostgres(string connectionString, string directory)
    {
        ConnectionString = connectionString;
        _directory = directory;
        _port = int.Parse(connectionString.Split(';').Single(p => p.StartsWith("Port=", StringComparison.Ordinal))["Port=".Length..], CultureInfo.InvariantCulture);
    }

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var output = await ScriptAsync("start");
        string? connection = null, directory = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("export HOTLINE_TEST_PG=", StringComparison.Ordinal))
            {
                connection = line["export HOTLINE_TEST_PG=".Length..].Trim('\'');
            }
            else if (line.StartsWith("export HOTLINE_PG_DIR=", StringComparison.Ordinal))
            {
                directory = line["export HOTLINE_PG_DIR=".Length..].Trim('\'');
            }
        }

        return new ThrowawayPostgres(
            connection ?? throw new InvalidOperationException(output), directory ?? throw new InvalidOperationException(output));
    }

    public Task StopAsync() => AsOwnerAsync($"{Bin}/pg_ctl -D '{_directory}/data' -m fast -w stop");

    public Task RestartAsync() => AsOwnerAsync(
        $"{Bin}/pg_ctl -D '{_directory}/data' -l '{_directory}/server.log' -w -t 30 -o \"-p {_port} -k '{_directory}' -c listen_addresses=127.0.0.1\" start");

    /// <summary>Sends SIGSTOP or SIGCONT to the postmaster and every backend it forked.</summary>
    public void Signal(string signal)
    {
        var pidFile = Path.Combine(_directory, "data", "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        var postmaster = File.ReadLines(pidFile).First().Trim();
        var ids = new List<string> { postmaster };
        ids.AddRange(Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Where(pid => ParentOf(pid!) == postmaster)
            .Select(pid => pid!));
        using var kill = Process.Start("kill", ["-" + signal, .. ids]);
        kill?.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Signal("CONT");
        await ScriptAsync("stop", _directory);
    }

    private static string? ParentOf(string pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so count from the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static Task AsOwnerAsync(string command) => StorageFaultTests.RunAsync("su", "postgres", "-s", "/bin/sh", "-c", command);

    private static async Task<string> ScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true };
        start.ArgumentList.Add(SiloPaths.Combine("tests", "postgres.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var script = Process.Start(start) ?? throw new InvalidOperationException("could not run tests/postgres.sh");
        var output = await script.StandardOutput.ReadToEndAsync();
        await script.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return output;
    }
}
