using Hotline.Silo.Cli;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.Hosting;
using Hotline.Silo.WebConsole;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Cli;

/// <summary>The staff commands against a real store while the server runs on it, the password read from standard input.</summary>
public sealed class StaffCommandsTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(loadDemo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StaffAdd_PasswordFromStdin_StoredHashedAndSignsIn()
    {
        var (code, output, error) = await RunAsync("long-enough-pw\n", "staff", "add", "--id", "zhang", "--role", "agent", "--password", "-");
        var account = await _host.App.Services.GetRequiredService<IStaffStore>().FindAsync("zhang", default);
        var signIn = await _host.App.Services.GetRequiredService<StaffSignIn>().SignInAsync("zhang", "long-enough-pw", default);

        Assert.True(code == 0, error);
        Assert.Equal("added staff zhang (agent)" + Environment.NewLine, output);
        Assert.StartsWith("pbkdf2-sha256$", account!.PasswordHash, StringComparison.Ordinal);
        Assert.DoesNotContain("long-enough-pw", account.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(SignInOutcome.SignedIn, signIn.Outcome);
    }

    [Fact]
    public async Task StaffAdd_BadArguments_PreciseErrors()
    {
        var noDepartment = await RunAsync("long-enough-pw\n", "staff", "add", "--id", "li", "--role", "liaison", "--password", "-");
        var unknownDepartment = await RunAsync("long-enough-pw\n", "staff", "add", "--id", "li", "--role", "liaison", "--department", "nope", "--password", "-");
        var badRole = await RunAsync("long-enough-pw\n", "staff", "add", "--id", "li", "--role", "boss", "--password", "-");
        var shortPassword = await RunAsync("short\n", "staff", "add", "--id", "li", "--role", "agent", "--password", "-");
        await RunAsync("long-enough-pw\n", "staff", "add", "--id", "li", "--role", "agent", "--password", "-");
        var duplicate = await RunAsync("long-enough-pw\n", "staff", "add", "--id", "li", "--role", "agent", "--password", "-");

        Assert.Equal(2, noDepartment.Code);
        Assert.Contains("--department: is required for --role liaison", noDepartment.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknownDepartment.Code);
        Assert.Contains("department 'nope' does not exist", unknownDepartment.Error, StringComparison.Ordinal);
        Assert.Equal(2, badRole.Code);
        Assert.Contains("--role: must be agent, supervisor, editor or liaison", badRole.Error, StringComparison.Ordinal);
        Assert.Equal(2, shortPassword.Code);
        Assert.Contains("--password: password must be at least 8 characters", shortPassword.Error, StringComparison.Ordinal);
        Assert.Equal(1, duplicate.Code);
        Assert.Contains("staff 'li' already exists", duplicate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffDisableAndPasswd_ListShowsState_DisabledCannotSignIn()
    {
        await RunAsync("long-enough-pw\n", "staff", "add", "--id", "zjw-li", "--role", "liaison", "--department", "zjw", "--password", "-");
        await RunAsync("long-enough-pw\n", "staff", "add", "--id", "boss", "--role", "supervisor", "--password", "-");

        var disabled = await RunAsync("", "staff", "disable", "--id", "zjw-li");
        var passwd = await RunAsync("another-password\n", "staff", "passwd", "--id", "boss", "--password", "-");
        var missing = await RunAsync("", "staff", "disable", "--id", "nobody");
        var list = await RunAsync("", "staff", "list");
        var signIn = _host.App.Services.GetRequiredService<StaffSignIn>();

        Assert.Equal((0, 0, 1), (disabled.Code, passwd.Code, missing.Code));
        Assert.Equal($"boss\tsupervisor\t-\tenabled{Environment.NewLine}zjw-li\tliaison\tzjw\tdisabled{Environment.NewLine}", list.Output);
        Assert.Equal(SignInOutcome.Disabled, (await signIn.SignInAsync("zjw-li", "long-enough-pw", default)).Outcome);
        Assert.Equal(SignInOutcome.Wrong, (await signIn.SignInAsync("boss", "long-enough-pw", default)).Outcome);
        Assert.Equal(SignInOutcome.SignedIn, (await signIn.SignInAsync("boss", "another-password", default)).Outcome);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HotlineCli.RunAsync([.. args, $"--DataDir={_host.DataDir}"], output, error, new StringReader(stdin));
        return (code, output.ToString(), error.ToString());
    }
}
