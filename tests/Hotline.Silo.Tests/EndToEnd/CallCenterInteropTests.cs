namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>AgentDesk and Supervision from python3-grpcio (tests/interop/call_center_interop.py) against the host process.</summary>
public sealed class CallCenterInteropTests
{
    [Fact]
    public async Task CallCenter_PythonAgainstHostOnSqlite_EveryCheckPasses()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var tokens = await DeskTokens.IssueAsync(settings);
            string[] arguments =
            [
                "--target", $"127.0.0.1:{host.GrpcAddress.Port}",
                "--proto-root", SiloPaths.Combine("src", "Hotline.Api", "Protos"),
                "--agent-token", tokens.Agent,
                "--supervisor-token", tokens.Supervisor,
                "--department-token", tokens.Department,
                "--telephony",
            ];

            var (code, output) = await PythonScript.RunAsync(
                "call_center_interop.py", arguments, TimeSpan.FromMinutes(2));

            Assert.True(code == 0, $"call_center_interop.py exited {code}:\n{output}");
            Assert.Contains("\n0 failed", "\n" + output, StringComparison.Ordinal);
            Assert.DoesNotContain("\nFAIL ", "\n" + output, StringComparison.Ordinal);
            Assert.False(host.HasExited, $"the host died during the run:\n{host.Output}");
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }
}
