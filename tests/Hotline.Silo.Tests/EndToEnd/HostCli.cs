using System.Diagnostics;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>The host's command line (<c>hotline token …</c>, <c>hotline agent …</c>) run as its own process on a host's settings.</summary>
internal static class HostCli
{
    /// <summary>Bounds a hung command only; a command is killed, and reported, when it runs past it.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>Runs the command; Output is standard output, Error standard error (the JSON log and error lines).</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(HostSettingsArgs settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[SiloPaths.HostAssembly, .. args, .. settings.Arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var cli = Process.Start(start) ?? throw new InvalidOperationException("Could not start the CLI.");
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await cli.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            cli.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', args)} did not finish within {Limit.TotalSeconds} s");
        }

        return (cli.ExitCode, await output, await error);
    }

    /// <summary>Runs the command and fails the test unless it exits 0.</summary>
    public static async Task<string> RunOkAsync(HostSettingsArgs settings, params string[] args)
    {
        var (code, output, error) = await RunAsync(settings, args);
        Assert.True(code == 0, $"{string.Join(' ', args)} exited {code}: {output} {error}");
        return output;
    }
}
