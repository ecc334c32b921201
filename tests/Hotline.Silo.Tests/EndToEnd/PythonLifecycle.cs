using System.Diagnostics;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// Runs tests/interop/hotline_lifecycle.py (Debian's python3-grpcio, an independent gRPC peer) against a
/// host process, after tests/interop/install-deps.sh made sure its packages are there.
/// </summary>
internal static class PythonLifecycle
{
    public static async Task<(int ExitCode, string Output)> RunAsync(HostProcess host, DeskTokens tokens)
    {
        var (depsCode, depsOutput) = await RunAsync("sh", [SiloPaths.Combine("tests", "interop", "install-deps.sh")], TimeSpan.FromMinutes(5));
        if (depsCode != 0)
        {
            return (depsCode, "install-deps.sh failed:\n" + depsOutput);
        }

        return await RunAsync(
            "/usr/bin/python3",
            [
                "hotline_lifecycle.py",
                "--target", $"127.0.0.1:{host.GrpcAddress.Port}",
                "--proto-root", SiloPaths.Combine("src", "Hotline.Api", "Protos"),
                "--agent-token", tokens.Agent,
                "--supervisor-token", tokens.Supervisor,
                "--department-token", tokens.Department,
                "--department-id", DeskCaller.Department,
            ],
            TimeSpan.FromMinutes(2));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = SiloPaths.Combine("tests", "interop"),
            Environment = { ["PYTHONDONTWRITEBYTECODE"] = "1" },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{program} did not finish within {limit}:\n{await output}{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }
}
