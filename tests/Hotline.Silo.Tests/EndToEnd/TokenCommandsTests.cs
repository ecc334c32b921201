using System.Globalization;
using Grpc.Core;
using Hotline.Api.V1;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>Token expiry, <c>token list</c> and <c>token revoke</c> as separate CLI processes beside a running host process.</summary>
public sealed class TokenCommandsTests
{
    [Fact]
    public async Task ListAndRevoke_WhileHostRuns_RevokedTokenRefusedOthersServed()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var yearLong = await host.IssueTokenAsync("--department", DeskCaller.Department);
            var twoHours = await host.IssueTokenAsync("--department", DeskCaller.Department, "--expires-in", "2h");
            var agent = await host.IssueTokenAsync("--staff", "a1", "--role", "agent", "--expires-in", "never");
            using var client = new GrpcTestClient(host.GrpcAddress);

            var listed = Lines((await HostCli.RunAsync(settings, "token", "list")).Output);
            Assert.Equal(3, listed.Count);
            Assert.All(listed, l => Assert.Equal("active", l[6]));
            var agentLine = Assert.Single(listed, l => l[1] == "staff");
            Assert.Equal(["a1", "agent", "never"], [agentLine[2], agentLine[3], agentLine[5]]);
            var lifetimes = listed.Where(l => l[1] == "department").Select(l => Time(l[5]) - Time(l[4])).Order().ToList();
            Assert.InRange(lifetimes[0], TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
            Assert.InRange(lifetimes[1], TimeSpan.FromDays(365) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(365) + TimeSpan.FromSeconds(1));

            // Which listed department token is the year-long one: the one whose lifetime is the longer.
            var yearHandle = listed.Where(l => l[1] == "department").MaxBy(l => Time(l[5]) - Time(l[4]))![0];
            var revoke = await HostCli.RunAsync(settings, "token", "revoke", yearHandle[..8]);
            Assert.True(revoke.Code == 0, revoke.Error);
            Assert.Contains($"revoked {yearHandle}", revoke.Output, StringComparison.Ordinal);

            Assert.Equal(StatusCode.Unauthenticated, (await ListAsync(client, yearLong)).Status);
            Assert.Equal(StatusCode.OK, (await ListAsync(client, twoHours)).Status);
            Assert.Equal("revoked", Assert.Single(Lines((await HostCli.RunAsync(settings, "token", "list")).Output), l => l[0] == yearHandle)[6]);

            var revokeStaff = await HostCli.RunAsync(settings, "token", "revoke", "--staff", "a1");
            Assert.Equal(0, revokeStaff.Code);
            var search = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "SearchTickets", new SearchTicketsRequest(), SearchTicketsResponse.Parser, agent);
            Assert.Equal(StatusCode.Unauthenticated, search.Status);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    [Theory]
    [InlineData(2, "token", "revoke", "XYZ")]
    [InlineData(2, "token", "revoke")]
    [InlineData(2, "token", "issue", "--department", "scjg", "--expires-in", "0d")]
    [InlineData(2, "token", "issue", "--department", "scjg", "--expires-in", "soon")]
    [InlineData(1, "token", "revoke", "--department", "nobody")]
    public async Task BadTokenCommand_ExitCodeAndMessage(int expected, params string[] args)
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            var (code, output, error) = await HostCli.RunAsync(settings, args);

            Assert.Equal(expected, code);
            Assert.Equal("", output);
            Assert.Contains("error: ", error, StringComparison.Ordinal);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    private static Task<GrpcReply<ListTicketsResponse>> ListAsync(GrpcTestClient client, string token) =>
        client.UnaryAsync(GrpcTestClient.DepartmentDesk, "ListTickets", new ListTicketsRequest(), ListTicketsResponse.Parser, token);

    private static List<string[]> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t'))];

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
