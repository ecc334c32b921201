using Hotline.Contracts.Security;
using Hotline.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Cli;

public sealed class TokenIssueIntegrationTests
{
    [Fact]
    public async Task TokenIssue_DepartmentWhileServerRuns_PrintsTokenTheServerAccepts()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: true);

        var (code, output, error) = await CliTests.RunAsync(["token", "issue", "--department", "scjg", $"--DataDir={host.DataDir}"]);
        var caller = await host.App.Services.GetRequiredService<ITokenValidator>().ValidateAsync(output.Trim(), CancellationToken.None);

        Assert.True(code == 0, error);
        Assert.Equal(new Caller(CallerKind.Department, "scjg", StaffRole.None), caller);
    }

    [Fact]
    public async Task TokenIssue_Staff_PrintsTokenWithRole()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);

        var (code, output, _) = await CliTests.RunAsync(["token", "issue", "--staff", "agent-007", "--role", "supervisor", $"--DataDir={host.DataDir}"]);
        var caller = await host.App.Services.GetRequiredService<ITokenValidator>().ValidateAsync(output.Trim(), CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal(new Caller(CallerKind.Staff, "agent-007", StaffRole.Supervisor), caller);
    }

    [Fact]
    public async Task TokenIssue_UnknownDepartment_ExitsOneAndPrintsNoToken()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: true);

        var (code, output, error) = await CliTests.RunAsync(["token", "issue", "--department", "nope", $"--DataDir={host.DataDir}"]);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("department 'nope' does not exist", error);
    }
}
