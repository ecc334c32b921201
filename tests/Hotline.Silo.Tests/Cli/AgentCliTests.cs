namespace Hotline.Silo.Tests.Cli;

/// <summary>Bad arguments of the agent commands: exit 2, a precise message, and no store touched.</summary>
public sealed class AgentCliTests
{
    [Theory]
    [InlineData(new[] { "agent", "add", "--password", "secret" }, "--id is required")]
    [InlineData(new[] { "agent", "add", "--id", "1001" }, "--password is required")]
    [InlineData(new[] { "agent", "add", "--id", "", "--password", "secret" }, "--id: agent id must be 1–32 characters")]
    [InlineData(new[] { "agent", "add", "--id", "10 01", "--password", "secret" }, "not '10 01'")]
    [InlineData(new[] { "agent", "add", "--id", "1001@x", "--password", "secret" }, "A–Z, a–z, 0–9, '.', '_' or '-', not '1001@x'")]
    [InlineData(new[] { "agent", "add", "--id", "123456789012345678901234567890123", "--password", "secret" }, "--id: agent id must be 1–32")]
    [InlineData(new[] { "agent", "add", "--id", "1001", "--password", "12345" }, "--password: password must be at least 6 characters")]
    [InlineData(new[] { "agent", "add", "--id", "1001", "--password", "secret", "--skills", "general" }, "--skills: skill 'general' must be name:level")]
    [InlineData(new[] { "agent", "add", "--id", "1001", "--password", "secret", "--skills", "general:0" }, "skill 'general' needs a level 1–9, not '0'")]
    [InlineData(new[] { "agent", "add", "--id", "1001", "--password", "secret", "--skills", "general:10" }, "needs a level 1–9, not '10'")]
    [InlineData(new[] { "agent", "add", "--id", "1001", "--password", "secret", "--skills", "general:5,general:3" }, "skill 'general' is given twice")]
    [InlineData(new[] { "agent", "add", "--id", "1001", "--password", "secret", "--skills", "水电:5" }, "skill name '水电' must be 1–32 letters")]
    [InlineData(new[] { "agent", "add", "--id", "1001", "--password", "secret", "--skills", "a:1,,b:2" }, "skill '' must be name:level")]
    [InlineData(new[] { "agent", "add", "1001" }, "unexpected argument '1001'")]
    [InlineData(new[] { "agent", "remove" }, "--id is required")]
    [InlineData(new[] { "agent", "passwd", "--id", "1001", "--password", "short" }, "at least 6 characters")]
    [InlineData(new[] { "agent", "list", "extra" }, "unexpected argument 'extra'")]
    [InlineData(new[] { "agent", "import" }, "name the file to import")]
    [InlineData(new[] { "agent", "import", "a.csv", "b.csv" }, "unexpected argument 'b.csv'")]
    [InlineData(new[] { "agent", "import", "/nonexistent/agents.csv" }, "cannot read /nonexistent/agents.csv")]
    [InlineData(new[] { "agent" }, "unknown command 'agent'")]
    public async Task Run_BadArguments_ExitsTwoWithPreciseMessage(string[] args, string expected)
    {
        var (code, output, error) = await CliTests.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Run_BadPassword_NeverEchoesIt()
    {
        var (_, _, error) = await CliTests.RunAsync(["agent", "add", "--id", "1001", "--password", "abc\u0007de"]);

        Assert.Contains("must not contain control characters", error, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Help_ListsTheAgentCommands()
    {
        var (_, output, _) = await CliTests.RunAsync(["--help"]);

        Assert.Contains("agent add --id <id> --password <password|-: read from standard input> [--skills name:level,…]", output, StringComparison.Ordinal);
        Assert.Contains("agent import <file.csv>", output, StringComparison.Ordinal);
        Assert.Contains("agent disable --id <id>", output, StringComparison.Ordinal);
        Assert.Contains("agent enable --id <id>", output, StringComparison.Ordinal);
    }
}
