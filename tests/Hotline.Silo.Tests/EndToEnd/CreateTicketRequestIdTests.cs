using Grpc.Core;
using Hotline.Api.V1;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>Issue 9 item 8 against the host process: retries of a create carrying a request_id (AIP-155) create one ticket.</summary>
public sealed class CreateTicketRequestIdTests
{
    [Fact]
    public async Task CreateTicket_SameRequestIdRetriedAndRaced_OneTicketAndSameAnswer()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var agent = await host.IssueTokenAsync("--staff", "a1", "--role", "agent");
            var otherAgent = await host.IssueTokenAsync("--staff", "a2", "--role", "agent");
            using var client = new GrpcTestClient(host.GrpcAddress);
            var requestId = Guid.NewGuid().ToString();

            // 20 at once, as a client retrying after deadlines would, then one more after they all answered.
            var raced = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => CreateAsync(client, agent, requestId)));
            var again = await CreateAsync(client, agent, requestId);
            var otherCaller = await CreateAsync(client, otherAgent, requestId);
            var withoutId = await CreateAsync(client, agent, "");
            var search = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "SearchTickets", new SearchTicketsRequest(), SearchTicketsResponse.Parser, agent);

            Assert.All(raced, r => Assert.Equal(StatusCode.OK, r.Status));
            Assert.Single(raced.Select(r => r.Value.TicketId).Distinct());
            Assert.Equal(raced[0].Value.TicketId, again.Value.TicketId);
            Assert.NotEqual(raced[0].Value.TicketId, otherCaller.Value.TicketId);
            Assert.Equal(3, search.Value.Tickets.Count);
            Assert.Contains(search.Value.Tickets, t => t.TicketId == withoutId.Value.TicketId);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    [Fact]
    public async Task CreateTicket_MalformedRequestId_InvalidArgumentNamingField()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var agent = await host.IssueTokenAsync("--staff", "a1", "--role", "agent");
            using var client = new GrpcTestClient(host.GrpcAddress);

            var reply = await CreateAsync(client, agent, "has spaces and 中文");

            Assert.Equal(StatusCode.InvalidArgument, reply.Status);
            Assert.StartsWith("request_id:", reply.Message, StringComparison.Ordinal);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    private static Task<GrpcReply<Ticket>> CreateAsync(GrpcTestClient client, string agent, string requestId) =>
        client.CreateAsync(agent, requestId: requestId);
}
