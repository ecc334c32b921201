using Hotline.Silo.Tests.Hosting;
using Hotline.Telephony.Registrar;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Cli;

/// <summary>The agent commands against a real store, while the server runs on it (as an operator would use them).</summary>
public sealed class AgentCommandsIntegrationTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    private string DataDirArg => $"--DataDir={_host.DataDir}";

    private IAgentCredentialStore Credentials => _host.App.Services.GetRequiredService<IAgentCredentialStore>();

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(loadDemo: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AgentAdd_WhileServerRuns_TheServerFindsTheAgent()
    {
        var (code, output, error) = await CliTests.RunAsync(["agent", "add", "--id", "1001", "--password", "secret", "--skills", "general:5,utilities:3", DataDirArg]);
        var credential = await Credentials.FindAsync("1001", default);

        Assert.True(code == 0, error);
        Assert.Equal("added agent 1001 (realm hotline.local)" + Environment.NewLine, output);
        Assert.Equal(new Dictionary<string, int> { ["general"] = 5, ["utilities"] = 3 }, credential!.Skills);
        Assert.Null(credential.Password);
    }

    [Fact]
    public async Task AgentAdd_ExistingId_ExitsOne()
    {
        await CliTests.RunAsync(["agent", "add", "--id", "1001", "--password", "secret", DataDirArg]);

        var (code, output, error) = await CliTests.RunAsync(["agent", "add", "--id", "1001", "--password", "secret2", DataDirArg]);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("agent '1001' already exists; use agent passwd", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentList_ShowsIdSkillsEnabled_AndNoSecret()
    {
        await CliTests.RunAsync(["agent", "add", "--id", "1002", "--password", "topsecret", DataDirArg]);
        await CliTests.RunAsync(["agent", "add", "--id", "1001", "--password", "topsecret", "--skills", "utilities:3,general:5", DataDirArg]);

        var (code, output, _) = await CliTests.RunAsync(["agent", "list", DataDirArg]);

        Assert.Equal(0, code);
        Assert.Equal($"1001\tgeneral:5,utilities:3\tenabled{Environment.NewLine}1002\t-\tenabled{Environment.NewLine}", output);
    }

    [Fact]
    public async Task AgentList_RealmChangedSinceAdd_SaysToSetThePasswordAgain()
    {
        await CliTests.RunAsync(["agent", "add", "--id", "1001", "--password", "secret", DataDirArg]);

        var (_, output, _) = await CliTests.RunAsync(["agent", "list", DataDirArg, "--Sip:Domain=pbx.example.gov.cn"]);

        Assert.Contains("realm hotline.local (now pbx.example.gov.cn): run agent passwd", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentDisableThenEnable_WhileServerRuns_RegistrarForgetsThenFindsTheAgent()
    {
        await CliTests.RunAsync(["agent", "add", "--id", "1001", "--password", "secret", DataDirArg]);

        var (code, output, error) = await CliTests.RunAsync(["agent", "disable", "--id", "1001", DataDirArg]);
        var whileDisabled = await Credentials.FindAsync("1001", default);
        var (_, list, _) = await CliTests.RunAsync(["agent", "list", DataDirArg]);
        var (enableCode, _, _) = await CliTests.RunAsync(["agent", "enable", "--id", "1001", DataDirArg]);
        var afterEnable = await Credentials.FindAsync("1001", default);

        Assert.True(code == 0, error);
        Assert.Equal("disabled agent 1001" + Environment.NewLine, output);
        Assert.Null(whileDisabled);
        Assert.Equal($"1001\t-\tdisabled{Environment.NewLine}", list);
        Assert.Equal(0, enableCode);
        Assert.NotNull(afterEnable);
        Assert.Equal(1, (await CliTests.RunAsync(["agent", "disable", "--id", "1999", DataDirArg])).Code);
    }

    [Fact]
    public async Task AgentAddAndPasswd_PasswordDashInRealProcess_ReadFromStdinNeverOnCommandLine()
    {
        const string Password = "s3cret-from-stdin";
        var (code, output, commandLine) = await RunProcessWithStdinAsync(["agent", "add", "--id", "1001", "--password", "-", DataDirArg], Password);
        var added = await Credentials.FindAsync("1001", default);
        var (passwdCode, _, _) = await RunProcessWithStdinAsync(["agent", "passwd", "--id", "1001", "--password", "-", DataDirArg], Password + "2");
        var changed = await Credentials.FindAsync("1001", default);

        Assert.True(code == 0, output);
        Assert.DoesNotContain(Password, commandLine, StringComparison.Ordinal);
        Assert.Contains("--password\0-\0", commandLine, StringComparison.Ordinal);
        Assert.Equal(Hotline.Silo.Agents.AgentDigest.Md5Ha1("1001", "hotline.local", Password), added!.Ha1Md5);
        Assert.Equal(0, passwdCode);
        Assert.Equal(Hotline.Silo.Agents.AgentDigest.Md5Ha1("1001", "hotline.local", Password + "2"), changed!.Ha1Md5);
        Assert.Equal(2, (await CliTests.RunAsync(["agent", "add", "--id", "1002", "--password", "-", DataDirArg])).Code); // empty stdin
    }

    /// <summary>
    /// Runs the real executable, reads its command line from /proc (what <c>ps</c> shows) while it waits on
    /// standard input, then writes the password line.
    /// </summary>
    private static async Task<(int Code, string Output, string CommandLine)> RunProcessWithStdinAsync(string[] args, string password)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(EndToEnd.SiloPaths.HostAssembly);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var commandLine = await File.ReadAllTextAsync($"/proc/{process.Id}/cmdline");
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr, commandLine);
    }

    [Fact]
    public async Task AgentPasswd_ChangesTheHashes()
    {
        await CliTests.RunAsync(["agent", "add", "--id", "1001", "--password", "secret", DataDirArg]);
        var before = await Credentials.FindAsync("1001", default);

        var (code, _, error) = await CliTests.RunAsync(["agent", "passwd", "--id", "1001", "--password", "newsecret", DataDirArg]);
        var after = await Credentials.FindAsync("1001", default);

        Assert.True(code == 0, error);
        Assert.NotEqual(before!.Ha1Md5, after!.Ha1Md5);
        Assert.NotEqual(before.Ha1Sha256, after.Ha1Sha256);
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("passwd")]
    public async Task AgentRemoveOrPasswd_UnknownId_ExitsOne(string verb)
    {
        string[] args = verb == "remove" ? ["agent", "remove", "--id", "4040", DataDirArg] : ["agent", "passwd", "--id", "4040", "--password", "secret", DataDirArg];

        var (code, _, error) = await CliTests.RunAsync(args);

        Assert.Equal(1, code);
        Assert.Contains("agent '4040' does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentRemove_TheServerNoLongerFindsTheAgent()
    {
        await CliTests.RunAsync(["agent", "add", "--id", "1001", "--password", "secret", DataDirArg]);

        var (code, output, _) = await CliTests.RunAsync(["agent", "remove", "--id", "1001", DataDirArg]);

        Assert.Equal(0, code);
        Assert.Equal("removed agent 1001" + Environment.NewLine, output);
        Assert.Null(await Credentials.FindAsync("1001", default));
    }

    [Fact]
    public async Task AgentImport_260Agents_AllRegistrableAndReRunReplaces()
    {
        var file = Path.Combine(_host.DataDir, "agents.csv");
        await File.WriteAllLinesAsync(file, ["id,password,skills", .. Enumerable.Range(2000, 260).Select(i => $"{i},pw-{i}-x,general:5,utilities:{1 + (i % 9)}")]);

        var (code, output, error) = await CliTests.RunAsync(["agent", "import", file, DataDirArg]);
        var again = await CliTests.RunAsync(["agent", "import", file, DataDirArg]);

        Assert.True(code == 0, error);
        Assert.Equal("imported 260 agents (260 new, 0 replaced; realm hotline.local)" + Environment.NewLine, output);
        Assert.Contains("(0 new, 260 replaced", again.Output, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, int> { ["general"] = 5, ["utilities"] = 1 + (2259 % 9) }, (await Credentials.FindAsync("2259", default))!.Skills);
    }

    [Fact]
    public async Task AgentImport_OneBadLine_ImportsNothingAndExitsTwo()
    {
        var file = Path.Combine(_host.DataDir, "agents.csv");
        await File.WriteAllLinesAsync(file, ["3001,secret1,general:5", "3002,secret2,general:5", "3003,secret3,general:0"]);

        var (code, output, error) = await CliTests.RunAsync(["agent", "import", file, DataDirArg]);
        var (_, list, _) = await CliTests.RunAsync(["agent", "list", DataDirArg]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("line 3: skill 'general' needs a level 1–9, not '0'", error, StringComparison.Ordinal);
        Assert.Equal("", list);
        Assert.Null(await Credentials.FindAsync("3001", default));
    }
}
