namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>Runs tests/interop/hotline_lifecycle.py against a host process.</summary>
internal static class PythonLifecycle
{
    public static Task<(int ExitCode, string Output)> RunAsync(HostProcess host, DeskTokens tokens) =>
        PythonScript.RunAsync(
            "hotline_lifecycle.py",
            [
                "--target", $"127.0.0.1:{host.GrpcAddress.Port}",
                "--proto-root", SiloPaths.Combine("src", "Hotline.Api", "Protos"),
                "--agent-token", tokens.Agent,
                "--supervisor-token", tokens.Supervisor,
                "--department-token", tokens.Department,
                "--department-id", DeskCaller.Department,
            ],
            TimeSpan.FromMinutes(2));
}
