namespace Hotline.Silo.Tests.EndToEnd;

internal static class InteropAssert
{
    /// <summary>Starts a host on <paramref name="settings"/>, runs the python lifecycle against it and asserts it all passed.</summary>
    public static async Task LifecyclePassesAsync(HostSettingsArgs settings)
    {
        await using var host = await HostProcess.StartAsync(settings);
        var tokens = await DeskTokens.IssueAsync(settings);

        var (code, output) = await PythonLifecycle.RunAsync(host, tokens);

        Assert.True(code == 0, $"hotline_lifecycle.py exited {code}:\n{output}");
        Assert.Contains("\n0 failed", "\n" + output, StringComparison.Ordinal);
        Assert.DoesNotContain("\nFAIL ", "\n" + output, StringComparison.Ordinal);
        Assert.False(host.HasExited, $"the host died during the run:\n{host.Output}");
    }
}
