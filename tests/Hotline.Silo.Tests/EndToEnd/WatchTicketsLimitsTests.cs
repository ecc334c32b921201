using System.Net.Sockets;
using Grpc.Core;
using Hotline.Api.V1;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// Issue 9 item 1 against the host process: WatchTickets streams that never read, more streams than a
/// department may hold, connections from one address, and an idle stream woken by a commit.
/// </summary>
public sealed class WatchTicketsLimitsTests
{
    private static readonly string[] Departments = ["scjg", "rsj", "gaj", "jtw", "zjw"];

    [Fact]
    public async Task WatchTickets_NonReadingStreamsOnLargeBacklog_MemoryBoundedAndNinthStreamResourceExhausted()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings, "--Grpc:Streams:MaxPerCaller=8", "--Grpc:Streams:SlowConsumerTimeout=00:05:00");
            using var client = new GrpcTestClient(host.GrpcAddress);
            var agent = await host.IssueTokenAsync("--staff", "a1", "--role", "agent");
            var departments = await Task.WhenAll(Departments.Select(d => host.IssueTokenAsync("--department", d)));
            // 120 tickets of the largest content, each sent to all five departments: a backlog past the old 100-entry batch.
            for (var i = 0; i < 120; i++)
            {
                await DispatchLargeAsync(client, agent, i);
            }

            var before = host.ResidentBytes();
            using var stop = new CancellationTokenSource();
            var streams = departments
                .SelectMany(token => Enumerable.Range(0, 8).Select(_ => client.Stream(
                    GrpcTestClient.DepartmentDesk, "WatchTickets", new WatchTicketsRequest(), TicketEvent.Parser, token, stop.Token)))
                .ToList();
            // One message each proves the stream is open at the server; then none of them reads again.
            using var opening = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            foreach (var stream in streams)
            {
                Assert.NotNull(await stream.ReadAsync(opening.Token));
            }

            var ninth = await client.StreamAsync(
                GrpcTestClient.DepartmentDesk, "WatchTickets", new WatchTicketsRequest(), departments[0], TicketEvent.Parser, take: 1);
            await Task.Delay(TimeSpan.FromSeconds(8));
            var after = host.ResidentBytes();

            // 40 blocked streams each held a 100-ticket batch (≈300 MB here) before pages were bounded.
            Assert.True(after - before < 120L * 1024 * 1024, $"RSS grew from {before / 1048576} MB to {after / 1048576} MB");
            Assert.Equal(StatusCode.ResourceExhausted, ninth.Status);
            Assert.Contains("MaxPerCaller", ninth.Message, StringComparison.Ordinal);
            Assert.False(host.HasExited);
            streams.ForEach(s => s.Dispose());
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    [Fact]
    public async Task WatchTickets_ClientStopsReading_CutOffWithResourceExhausted()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings, "--Grpc:Streams:SlowConsumerTimeout=00:00:02");
            using var client = new GrpcTestClient(host.GrpcAddress);
            var agent = await host.IssueTokenAsync("--staff", "a1", "--role", "agent");
            var scjg = await host.IssueTokenAsync("--department", "scjg");
            for (var i = 0; i < 40; i++)
            {
                await DispatchLargeAsync(client, agent, i);
            }

            using var stream = client.Stream(GrpcTestClient.DepartmentDesk, "WatchTickets", new WatchTicketsRequest(), TicketEvent.Parser, scjg, CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(8));
            var read = 0;
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await stream.ReadAsync(limit.Token) is not null)
            {
                read++;
            }

            // The reset overtakes what the client had not read (it resumes from its last cursor).
            Assert.True(read < 40, $"read {read}, then {stream.Status}");
            Assert.Equal(StatusCode.ResourceExhausted, stream.Status.Status);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    [Fact]
    public async Task WatchTickets_IdleStream_WokenByCommitWithoutPolling()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            using var client = new GrpcTestClient(host.GrpcAddress);
            var agent = await host.IssueTokenAsync("--staff", "a1", "--role", "agent");
            var scjg = await host.IssueTokenAsync("--department", "scjg");
            using var stream = client.Stream(GrpcTestClient.DepartmentDesk, "WatchTickets", new WatchTicketsRequest(), TicketEvent.Parser, scjg, CancellationToken.None);
            await WaitForAsync(async () => await host.MetricAsync("hotline_tickets_feed_queries_total") >= 2);

            var idleFrom = await host.MetricAsync("hotline_tickets_feed_queries_total");
            await Task.Delay(TimeSpan.FromSeconds(5));
            var idleTo = await host.MetricAsync("hotline_tickets_feed_queries_total");
            var id = await DispatchLargeAsync(client, agent, 0);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var first = await stream.ReadAsync(limit.Token);

            Assert.Equal(idleFrom, idleTo);
            Assert.Equal(id, first?.Ticket.TicketId);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    [Fact]
    public async Task GrpcPort_ConnectionsOverPerAddressCap_ClosedAndOthersServed()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings, "--Grpc:MaxConnectionsPerAddress=4");
            // Kestrel may run the connection middleware of five connections in any order, so which one is
            // over the cap is not known: exactly one of the five is closed before any byte is read.
            var held = new List<TcpClient>();
            for (var i = 0; i < 5; i++)
            {
                var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", host.GrpcAddress.Port);
                held.Add(tcp);
            }

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var reads = held.Select(tcp => tcp.GetStream().ReadAsync(new byte[64], limit.Token).AsTask()).ToList();
            var firstRead = await await Task.WhenAny(reads);
            var closedSoFar = reads.Count(read => read.IsCompleted);
            held.ForEach(t => t.Dispose());
            await Task.WhenAll(reads.Select(read => read.ContinueWith(_ => { }, TaskScheduler.Default)));
            // The host frees the slots when it notices the closed connections; until then a new one is over the cap.
            var served = await ServedOnceSlotsFreeAsync(host.GrpcAddress);

            Assert.Equal(0, firstRead);
            Assert.Equal(1, closedSoFar);
            Assert.Equal(StatusCode.Unauthenticated, served);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    private static async Task<StatusCode> ServedOnceSlotsFreeAsync(Uri grpcAddress)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var client = new GrpcTestClient(grpcAddress);
            var answer = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "GetTicket", new GetTicketRequest { TicketId = "x" }, Ticket.Parser, token: null);
            if (answer.Status != StatusCode.Unavailable)
            {
                return answer.Status;
            }

            await Task.Delay(200, limit.Token);
        }
    }

    private static async Task<string> DispatchLargeAsync(GrpcTestClient client, string agent, int index)
    {
        var created = await client.CreateAsync(agent, index + new string('食', 3990));
        var dispatch = new DispatchTicketRequest { TicketId = created.Value.TicketId, DepartmentId = Departments[0], Instructions = "请处理" };
        dispatch.AssistingDepartmentIds.AddRange(Departments[1..]);
        var dispatched = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "DispatchTicket", dispatch, Ticket.Parser, agent);
        Assert.Equal(StatusCode.OK, dispatched.Status);
        return created.Value.TicketId;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            await Task.Delay(100, limit.Token);
        }
    }
}
