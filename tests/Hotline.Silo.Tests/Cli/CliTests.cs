using Hotline.Silo.Cli;

namespace Hotline.Silo.Tests.Cli;

public sealed class CliTests
{
    [Theory]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    [InlineData(new[] { "token", "issue" }, "exactly one of --department")]
    [InlineData(new[] { "token", "issue", "--department", "scjg", "--staff", "s1", "--role", "agent" }, "exactly one of --department")]
    [InlineData(new[] { "token", "issue", "--staff", "s1" }, "--staff needs --role")]
    [InlineData(new[] { "token", "issue", "--staff", "s1", "--role", "boss" }, "--role must be agent, supervisor or editor, not 'boss'")]
    [InlineData(new[] { "token", "issue", "--department", "scjg", "--role", "agent" }, "--role applies to --staff only")]
    [InlineData(new[] { "token", "issue", "--department" }, "--department needs a value")]
    [InlineData(new[] { "token", "issue", "--department", "a b" }, "--department must be 1–64 characters")]
    [InlineData(new[] { "token", "issue", "scjg" }, "unexpected argument 'scjg'")]
    [InlineData(new[] { "token", "issue", "--department=a", "--department=b" }, "--department is given twice")]
    public async Task Run_BadArguments_ExitsTwoWithPreciseMessage(string[] args, string expected)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(expected, error);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Run_ServerWithInvalidPort_ExitsTwoNamingTheKey()
    {
        var (code, _, error) = await RunAsync([$"--DataDir={Path.Combine(Path.GetTempPath(), "hotline-cli-" + Guid.NewGuid())}", "--Grpc:Port=seventy"]);

        Assert.Equal(2, code);
        Assert.Contains("Grpc:Port", error);
    }

    [Fact]
    public async Task Run_Help_PrintsUsageOfEveryCommandAndExitsZero()
    {
        var (code, output, _) = await RunAsync(["--help"]);

        Assert.Equal(0, code);
        Assert.Contains("token issue --department <id> | --staff <id> --role agent|supervisor|editor", output);
    }

    [Fact]
    public void Parse_OptionsAndSettingsMixed_SeparatesThem()
    {
        var invocation = CliInvocation.Parse(["token", "issue", "--staff", "s1", "--DataDir=/tmp/x", "--Storage:Provider", "postgres", "--role=Agent"]);

        Assert.IsType<TokenIssueCommand>(invocation.Command);
        Assert.Equal("s1", invocation.Options["staff"]);
        Assert.Equal("Agent", invocation.Options["role"]);
        Assert.Equal(["--DataDir=/tmp/x", "--Storage:Provider=postgres"], invocation.ConfigurationArgs);
    }

    internal static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HotlineCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
