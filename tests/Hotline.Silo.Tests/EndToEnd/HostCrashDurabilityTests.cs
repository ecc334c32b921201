using System.Collections.Concurrent;
using Hotline.Api.V1;
using Xunit.Abstractions;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// kill -9 of the host process while clients are moving tickets: after a restart on the same data,
/// every transition the host acknowledged is there, in the ticket's state and in its history.
/// </summary>
public abstract class HostCrashDurabilityTests(ITestOutputHelper output)
{
    private const int Workers = 16;
    private const int AcknowledgementsBeforeKill = 2000;

    private protected abstract Task<HostSettingsArgs> CreateSettingsAsync();

    [Fact]
    public async Task Transitions_HostKilledWithSigkill_EveryAcknowledgedTransitionSurvivesRestart()
    {
        var settings = await CreateSettingsAsync();
        var acknowledged = new ConcurrentQueue<AcknowledgedTransition>();
        try
        {
            DeskTokens tokens;
            await using (var host = await HostProcess.StartAsync(settings))
            {
                tokens = await DeskTokens.IssueAsync(settings);
                using var client = new GrpcTestClient(host.GrpcAddress);
                var desk = new DeskCaller(client, tokens);
                using var killed = new CancellationTokenSource();
                var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(() => MoveTicketsAsync(desk, acknowledged, killed.Token))).ToList();

                var moving = System.Diagnostics.Stopwatch.StartNew();
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                while (acknowledged.Count < AcknowledgementsBeforeKill && !limit.IsCancellationRequested && !workers.Any(w => w.IsFaulted))
                {
                    await Task.Delay(20);
                }

                // Workers stop starting cycles, but the calls they have in flight meet the kill.
                await killed.CancelAsync();
                await host.KillAsync();
                await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));
                output.WriteLine($"{acknowledged.Count} transitions acknowledged in {moving.Elapsed.TotalSeconds:F1} s before kill -9");
                Assert.True(acknowledged.Count >= AcknowledgementsBeforeKill, $"only {acknowledged.Count} acknowledged in 60 s:\n{host.Output}");
            }

            await using var restarted = await HostProcess.StartAsync(settings);
            using var reader = new GrpcTestClient(restarted.GrpcAddress);
            await AssertAllPresentAsync(new DeskCaller(reader, tokens), [.. acknowledged]);
            output.WriteLine($"{acknowledged.Count} acknowledged transitions on {acknowledged.Select(a => a.TicketId).Distinct().Count()} tickets verified after kill -9");
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    /// <summary>Creates a ticket, dispatches and claims it, then cycles progress → reply → rejected reply until the host dies.</summary>
    private static async Task MoveTicketsAsync(DeskCaller desk, ConcurrentQueue<AcknowledgedTransition> acknowledged, CancellationToken killed)
    {
        try
        {
            var ticket = Acknowledge(await desk.CreateAsync(), HistoryAction.Created);
            Acknowledge(await desk.DispatchAsync(ticket.TicketId), HistoryAction.Dispatched);
            Acknowledge(await desk.ClaimAsync(ticket.TicketId), HistoryAction.Claimed);
            while (!killed.IsCancellationRequested)
            {
                Acknowledge(await desk.AddProgressAsync(ticket.TicketId), HistoryAction.ProgressAdded);
                Acknowledge(await desk.ResolveAsync(ticket.TicketId), HistoryAction.Replied);
                Acknowledge(await desk.ReviewReplyAsync(ticket.TicketId, approve: false), HistoryAction.ReplyRejected);
            }
        }
        catch (Exception exception) when (killed.IsCancellationRequested && exception is HttpRequestException or IOException or OperationCanceledException or InvalidOperationException)
        {
            // A call in flight when the host was killed: never acknowledged, so nothing to check.
        }

        Ticket Acknowledge(GrpcReply<Ticket> reply, HistoryAction action)
        {
            var ticket = reply.Value;
            acknowledged.Enqueue(AcknowledgedTransition.Of(ticket, action));
            return ticket;
        }
    }

    private static async Task AssertAllPresentAsync(DeskCaller desk, IReadOnlyList<AcknowledgedTransition> acknowledged)
    {
        foreach (var ticketAcks in acknowledged.GroupBy(a => a.TicketId))
        {
            var ticket = (await desk.GetAsync(ticketAcks.Key)).Value;
            var history = (await desk.HistoryAsync(ticketAcks.Key)).Value.Entries;
            var last = ticketAcks.MaxBy(a => a.Version)!;

            Assert.True(ticket.Version >= last.Version, $"{ticket.TicketId}: acknowledged v{last.Version}, stored v{ticket.Version}");
            Assert.True(ticket.Version > last.Version || ticket.State == last.State, $"{ticket.TicketId} v{ticket.Version}: {ticket.State}, acknowledged {last.State}");
            Assert.Equal(Enumerable.Range(1, (int)ticket.Version).Select(v => (long)v), history.Select(e => e.Sequence));
            foreach (var ack in ticketAcks)
            {
                Assert.True(history[(int)ack.Version - 1].Action == ack.Action, $"{ack.TicketId} v{ack.Version}: history has {history[(int)ack.Version - 1].Action}, acknowledged {ack.Action}");
            }
        }
    }
}
