using System.Diagnostics;
using System.Net;

namespace Hotline.Telephony.Tests.Interop;

/// <summary>
/// Runs the real sipp (Debian sip-tester) against the edge. When sipp is missing and the tests run as
/// root, it is installed with apt-get, as tests/run.sh does.
/// </summary>
internal static class SippRunner
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static string ScenarioPath(string name) => Path.Combine(AppContext.BaseDirectory, "Interop", "Scenarios", name);

    public static Task<SippResult> RunAsync(IPEndPoint edge, string scenario, string transport, int calls, params string[] extra) =>
        RunFromAsync("127.0.0.1", edge, scenario, transport, calls, extra);

    /// <summary>Runs sipp bound to <paramref name="localIp"/>; a scenario named "builtin:uac" uses sipp's own.</summary>
    public static async Task<SippResult> RunFromAsync(string localIp, IPEndPoint edge, string scenario, string transport, int calls, params string[] extra)
    {
        var sipp = await EnsureInstalledAsync();
        var work = Directory.CreateTempSubdirectory("sipp-");
        var arguments = new List<string>
        {
            $"{edge.Address}:{edge.Port}", "-t", transport, "-i", localIp,
            "-m", calls.ToString(System.Globalization.CultureInfo.InvariantCulture), "-nostdin",
            "-timeout", "30s", "-timeout_error", "-trace_err", "-error_file", Path.Combine(work.FullName, "errors.log"),
        };
        arguments.AddRange(scenario.StartsWith("builtin:", StringComparison.Ordinal) ? ["-sn", scenario[8..]] : ["-sf", ScenarioPath(scenario)]);
        arguments.AddRange(extra);
        var result = await RunProcessAsync(sipp, arguments, work.FullName);
        var errors = File.Exists(Path.Combine(work.FullName, "errors.log")) ? await File.ReadAllTextAsync(Path.Combine(work.FullName, "errors.log")) : string.Empty;
        work.Delete(recursive: true);
        return result with { Errors = errors };
    }

    /// <summary>Waits until something (sipp) has bound the UDP port, read from /proc/net/udp.</summary>
    public static async Task WaitForUdpListenerAsync(int port)
    {
        var hexPort = ":" + port.ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + " ";
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if ((await File.ReadAllTextAsync("/proc/net/udp")).Contains(hexPort, StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"nothing listens on UDP port {port}");
    }

    public static string WriteInjectionFile(params (string Agent, string Password)[] agents)
    {
        var path = Path.Combine(Path.GetTempPath(), $"agents-{Guid.NewGuid():N}.csv");
                // sipp 3.6 cannot nest [field] keywords inside [authentication]; the whole keyword goes in the field.
        File.WriteAllLines(path, ["SEQUENTIAL", .. agents.Select(a => $"{a.Agent};[authentication username={a.Agent} password={a.Password}]")]);
        return path;
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        const string Path = "/usr/bin/sipp";
        await InstallGate.WaitAsync();
        try
        {
            if (!File.Exists(Path) && Environment.UserName == "root")
            {
                await RunProcessAsync("apt-get", ["install", "-y", "-qq", "sip-tester"], "/");
            }
            Assert.True(File.Exists(Path), "sipp is not installed: run tests/run.sh (installs sip-tester) or apt-get install sip-tester");
            return Path;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<SippResult> RunProcessAsync(string file, IEnumerable<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new SippResult(process.ExitCode, await stdout + await stderr, string.Empty);
    }
}
