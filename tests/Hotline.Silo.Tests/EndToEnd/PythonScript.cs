using System.Diagnostics;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// Runs a script of tests/interop with Debian's python3-grpcio (an independent gRPC peer), after
/// tests/interop/install-deps.sh made sure its packages are there.
/// </summary>
internal static class PythonScript
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, IEnumerable<string> arguments, TimeSpan limit)
    {
        var (depsCode, depsOutput) = await RunProcessAsync("sh", [SiloPaths.Combine("tests", "interop", "install-deps.sh")], TimeSpan.FromMinutes(5));
        if (depsCode != 0)
        {
            return (depsCode, "install-deps.sh failed:\n" + depsOutput);
        }

        return await RunProcessAsync("/usr/bin/python3", [script, .. arguments], limit);
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(string program, IEnumerable<string> arguments, TimeSpan limit)
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
