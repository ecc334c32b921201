using Grpc.Core;
using Hotline.Api.V1;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// Issue 9 item 8 for changes, against the host process: a change retried with its request_id (AIP-155) is
/// applied once and every repeat is answered with the ticket as it is, not refused and not applied again.
/// </summary>
public sealed class ChangeRequestIdTests
{
    [Fact]
    public async Task AddProgress_RetriedWithOneMillisecondDeadlineThenToCompletion_OneNote()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var (client, agent, department, ticketId) = await ClaimedTicketAsync(host);
            using var _ = client;
            var note = new AddProgressRequest { TicketId = ticketId, Content = "已派人到现场核查", RequestId = Guid.NewGuid().ToString() };

            // The attack of the issue: retry on every DEADLINE_EXCEEDED (1 ms), as a naive client does, then once with time to answer.
            var statuses = new List<StatusCode>();
            for (var i = 0; i < 50; i++)
            {
                statuses.Add((await client.UnaryAsync(GrpcTestClient.DepartmentDesk, "AddProgress", note, Ticket.Parser, department, TimeSpan.FromMilliseconds(1))).Status);
            }
            var last = await client.UnaryAsync(GrpcTestClient.DepartmentDesk, "AddProgress", note, Ticket.Parser, department);
            var again = await client.UnaryAsync(GrpcTestClient.DepartmentDesk, "AddProgress", note, Ticket.Parser, department);
            var history = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "GetTicketHistory", new GetTicketHistoryRequest { TicketId = ticketId }, GetTicketHistoryResponse.Parser, agent);

            Assert.All(statuses, s => Assert.Contains(s, new[] { StatusCode.OK, StatusCode.DeadlineExceeded }));
            Assert.Equal(StatusCode.OK, last.Status);
            Assert.Single(last.Value.Progress);
            Assert.Equal(last.Value, again.Value);
            Assert.Single(history.Value.Entries, e => e.Action == HistoryAction.ProgressAdded);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    [Fact]
    public async Task ClaimResolveReview_EachRepeatedWithItsRequestId_AnsweredNotRefusedAndAppliedOnce()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var (client, agent, department, ticketId) = await ClaimedTicketAsync(host);
            using var _ = client;
            var claim = new ClaimTicketRequest { TicketId = ticketId, RequestId = "claim-1" };
            var resolve = new ResolveTicketRequest { TicketId = ticketId, Reply = "已责令整改", RequestId = "resolve-1" };
            var review = new ReviewReplyRequest { TicketId = ticketId, Approve = true, RequestId = "review-1" };

            // claim-1 was not the claim that claimed it (ClaimedTicketAsync did, without an id): refused as before.
            var claimAgain = await client.UnaryAsync(GrpcTestClient.DepartmentDesk, "ClaimTicket", claim, Ticket.Parser, department);
            var resolved = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
                client.UnaryAsync(GrpcTestClient.DepartmentDesk, "ResolveTicket", resolve, Ticket.Parser, department)));
            var reviewed = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "ReviewReply", review, Ticket.Parser, agent);
            var reviewedAgain = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "ReviewReply", review, Ticket.Parser, agent);
            var resolvedLate = await client.UnaryAsync(GrpcTestClient.DepartmentDesk, "ResolveTicket", resolve, Ticket.Parser, department);
            var history = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "GetTicketHistory", new GetTicketHistoryRequest { TicketId = ticketId }, GetTicketHistoryResponse.Parser, agent);

            Assert.Equal(StatusCode.FailedPrecondition, claimAgain.Status);
            Assert.All(resolved, r => Assert.Equal(TicketState.Replied, r.Value.State));
            Assert.Equal(TicketState.AwaitingCallback, reviewed.Value.State);
            Assert.Equal(reviewed.Value.State, reviewedAgain.Value.State);
            Assert.Equal(StatusCode.OK, resolvedLate.Status);
            Assert.Equal(TicketState.AwaitingCallback, resolvedLate.Value.State);
            Assert.Single(history.Value.Entries, e => e.Action == HistoryAction.Replied);
            Assert.Single(history.Value.Entries, e => e.Action == HistoryAction.ReplyApproved);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    [Fact]
    public async Task RequestId_ReusedOnAnotherTicketOrMalformed_InvalidArgumentNamingField()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var (client, agent, department, ticketId) = await ClaimedTicketAsync(host);
            using var _ = client;
            var other = (await client.CreateAsync(agent)).Value.TicketId;
            var first = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "ResolveDirectly",
                new ResolveDirectlyRequest { TicketId = other, Reply = "已解答", RequestId = "once" }, Ticket.Parser, agent);

            var reused = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "DispatchTicket",
                new DispatchTicketRequest { TicketId = (await client.CreateAsync(agent)).Value.TicketId, DepartmentId = DeskCaller.Department, RequestId = "once" }, Ticket.Parser, agent);
            var malformed = await client.UnaryAsync(GrpcTestClient.DepartmentDesk, "AddProgress",
                new AddProgressRequest { TicketId = ticketId, Content = "x", RequestId = "has spaces" }, Ticket.Parser, department);

            Assert.Equal(StatusCode.OK, first.Status);
            Assert.Equal(StatusCode.InvalidArgument, reused.Status);
            Assert.StartsWith("request_id:", reused.Message, StringComparison.Ordinal);
            Assert.Equal(StatusCode.InvalidArgument, malformed.Status);
            Assert.StartsWith("request_id:", malformed.Message, StringComparison.Ordinal);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    /// <summary>A ticket created by an agent, dispatched to scjg and claimed by it (without request ids).</summary>
    private static async Task<(GrpcTestClient Client, string Agent, string Department, string TicketId)> ClaimedTicketAsync(HostProcess host)
    {
        var agent = await host.IssueTokenAsync("--staff", "a1", "--role", "agent");
        var department = await host.IssueTokenAsync("--department", DeskCaller.Department);
        var client = new GrpcTestClient(host.GrpcAddress);
        var ticketId = (await client.CreateAsync(agent)).Value.TicketId;
        var dispatched = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "DispatchTicket",
            new DispatchTicketRequest { TicketId = ticketId, DepartmentId = DeskCaller.Department }, Ticket.Parser, agent);
        var claimed = await client.UnaryAsync(GrpcTestClient.DepartmentDesk, "ClaimTicket", new ClaimTicketRequest { TicketId = ticketId }, Ticket.Parser, department);
        Assert.Equal(StatusCode.OK, dispatched.Status);
        Assert.Equal(TicketState.Claimed, claimed.Value.State);
        return (client, agent, department, ticketId);
    }
}
