using Hotline.Silo.Cli;

namespace Hotline.Silo.Tests.Cli;

public sealed class AgentImportParseTests
{
    [Fact]
    public void Parse_HeaderCommentsBlankLinesAndCrLf_ReadsEveryAgent()
    {
        var agents = AgentImportCommand.Parse("a.csv", ["id,password,skills", "# desk 1", "", "1001,secret1,general:5,utilities:3\r", "1002,secret2,", "1003,secret3"]);

        Assert.Equal(["1001", "1002", "1003"], agents.Select(a => a.AgentId));
        Assert.Equal(new Dictionary<string, int> { ["general"] = 5, ["utilities"] = 3 }, agents[0].Skills);
        Assert.Equal("secret1", agents[0].Password);
        Assert.Empty(agents[1].Skills);
        Assert.Empty(agents[2].Skills);
    }

    [Fact]
    public void Parse_SeveralBadLines_ReportsEachWithItsLineNumber()
    {
        var error = Assert.Throws<CliUsageException>(() => AgentImportCommand.Parse("a.csv",
        [
            "1001,secret1,general:5",
            "1002",
            "10 03,secret3,general:5",
            "1004,short,general:5",
            "1005,secret5,general:12",
            "1001,secret6,general:1",
        ]));

        Assert.Contains("a.csv: 5 bad line(s), nothing imported", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2: expected id,password,skills", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3: agent id must be", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4: password must be at least 6 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 5: skill 'general' needs a level 1–9, not '12'", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 6: agent '1001' is already on line 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyBadLines_ReportsTheFirstTwentyAndCountsTheRest()
    {
        var error = Assert.Throws<CliUsageException>(() => AgentImportCommand.Parse("a.csv", Enumerable.Repeat("x", 25).ToArray()));

        Assert.Contains("line 20:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 21:", error.Message, StringComparison.Ordinal);
        Assert.Contains("… and 5 more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoAgents_Refused()
    {
        var error = Assert.Throws<CliUsageException>(() => AgentImportCommand.Parse("a.csv", ["id,password,skills", "# nobody yet"]));

        Assert.Contains("no agents in the file", error.Message, StringComparison.Ordinal);
    }
}
