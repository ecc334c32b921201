using System.Diagnostics;

namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>
/// Where baresip (Debian baresip-core) is, and what a test does when it is not: tests/run.sh installs it; a
/// developer machine without it skips the baresip tests; a CI run (CI set) fails them instead, so a missing
/// peer can never pass silently.
/// </summary>
internal static class BaresipInstallation
{
    public const string ExecutablePath = "/usr/bin/baresip";

    public const string ModulePath = "/usr/lib/baresip/modules";

    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private static bool IsInstalled => File.Exists(ExecutablePath) && Directory.Exists(ModulePath);

    private static bool IsContinuousIntegration => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>The skip reason for discovery, or null when the tests must run.</summary>
    public static string? SkipReason => IsInstalled || IsContinuousIntegration
        ? null
        : "baresip is not installed: run tests/run.sh (installs baresip-core) or apt-get install baresip-core";

    /// <summary>Installs baresip-core when missing and running as root (as SippRunner does for sipp), then insists it is there.</summary>
    public static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (!IsInstalled && Environment.UserName == "root")
            {
                using var apt = Process.Start(new ProcessStartInfo("apt-get", "install -y -qq baresip-core") { RedirectStandardOutput = true })!;
                await apt.StandardOutput.ReadToEndAsync();
                await apt.WaitForExitAsync();
            }
            Assert.True(IsInstalled, "baresip is not installed: run tests/run.sh (installs baresip-core) or apt-get install baresip-core");
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
