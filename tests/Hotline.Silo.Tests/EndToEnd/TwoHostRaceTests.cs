using Grpc.Core;
using Hotline.Api.V1;
using Hotline.Silo.Tests.Storage;
using Xunit.Abstractions;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// Two host processes on one PostgreSQL database racing conflicting transitions on the same tickets:
/// every call ends OK, ABORTED or FAILED_PRECONDITION; the history holds exactly the transitions
/// acknowledged OK; and both hosts then read the same ticket.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoHostRaceTests(PostgresServerFixture postgres, ITestOutputHelper output)
{
    private const int Tickets = 40;

    [Fact]
    public async Task ConflictingTransitions_TwoHostsOneDatabase_OnlyAcknowledgedTransitionsApplyAndHostsConverge()
    {
        var settings = HostSettingsArgs.Postgres(await postgres.CreateSchemaAsync());
        try
        {
            await using var hostA = await HostProcess.StartAsync(settings);
            var tokens = await DeskTokens.IssueAsync(settings);
            // Same settings: on PostgreSQL the data directory holds nothing, the database is all they share.
            await using var hostB = await HostProcess.StartAsync(settings);
            using var clientA = new GrpcTestClient(hostA.GrpcAddress);
            using var clientB = new GrpcTestClient(hostB.GrpcAddress);
            var a = new DeskCaller(clientA, tokens);
            var b = new DeskCaller(clientB, tokens);
            var outcomes = new List<(string Call, StatusCode Status)>();
            var acknowledged = new List<AcknowledgedTransition>();

            var ids = await Task.WhenAll(Enumerable.Range(0, Tickets).Select(async i =>
            {
                var ticket = (await a.CreateAsync($"竞争 {i}")).Value;
                _ = (await a.DispatchAsync(ticket.TicketId)).Value;
                Assert.Equal(2, (await b.GetAsync(ticket.TicketId)).Value.Version);
                return ticket.TicketId;
            }));

            // Round 1: claim against return, both legal on DISPATCHED; even tickets claim through A, odd through B.
            await RaceAsync(
                ids,
                ("round 1 claim", (i, id) => Pick(i, a, b).ClaimAsync(id), HistoryAction.Claimed),
                ("round 1 return", (i, id) => Pick(i, b, a).ReturnAsync(id), HistoryAction.Returned),
                outcomes,
                acknowledged);

            // A follow-up through A alone, so B's activation is now behind the database.
            await FollowUpThroughAsync(a, ids, outcomes, acknowledged);

            // Round 2: reply against return (both legal on CLAIMED), hosts swapped.
            await RaceAsync(
                ids,
                ("round 2 resolve", (i, id) => Pick(i, b, a).ResolveAsync(id), HistoryAction.Replied),
                ("round 2 return", (i, id) => Pick(i, a, b).ReturnAsync(id), HistoryAction.Returned),
                outcomes,
                acknowledged);

            await FollowUpThroughAsync(a, ids, outcomes, acknowledged);
            foreach (var group in outcomes.GroupBy(o => o))
            {
                output.WriteLine($"{group.Key.Call}: {group.Key.Status} × {group.Count()}");
            }

            Assert.All(outcomes, o => Assert.True(o.Status is StatusCode.OK or StatusCode.Aborted or StatusCode.FailedPrecondition, $"{o.Call}: {o.Status}"));
            foreach (var id in ids)
            {
                await AssertConsistentAsync(id, acknowledged.Where(t => t.TicketId == id).ToList(), a, b);
            }
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    /// <summary>One more legal step on each ticket through one host only.</summary>
    private static async Task FollowUpThroughAsync(DeskCaller host, string[] ids, List<(string, StatusCode)> outcomes, List<AcknowledgedTransition> acknowledged)
    {
        foreach (var id in ids)
        {
            var (reply, action) = (await host.GetAsync(id)).Value.State switch
            {
                TicketState.Returned => (await host.RejectReturnAsync(id), HistoryAction.ReturnRejected),
                TicketState.Dispatched => (await host.ClaimAsync(id), HistoryAction.Claimed),
                TicketState.Replied => (await host.ReviewReplyAsync(id, approve: true), HistoryAction.ReplyApproved),
                _ => (await host.AddProgressAsync(id), HistoryAction.ProgressAdded),
            };
            Record("follow-up via A", reply, action, outcomes, acknowledged);
        }
    }

    private static DeskCaller Pick(int index, DeskCaller even, DeskCaller odd) => index % 2 == 0 ? even : odd;

    private static async Task RaceAsync(
        string[] ids,
        (string Name, Func<int, string, Task<GrpcReply<Ticket>>> Call, HistoryAction Action) first,
        (string Name, Func<int, string, Task<GrpcReply<Ticket>>> Call, HistoryAction Action) second,
        List<(string, StatusCode)> outcomes,
        List<AcknowledgedTransition> acknowledged)
    {
        var races = await Task.WhenAll(ids.Select((id, i) => Task.WhenAll(Task.Run(() => first.Call(i, id)), Task.Run(() => second.Call(i, id)))));
        foreach (var pair in races)
        {
            Record(first.Name, pair[0], first.Action, outcomes, acknowledged);
            Record(second.Name, pair[1], second.Action, outcomes, acknowledged);
        }
    }

    private static void Record(string call, GrpcReply<Ticket> reply, HistoryAction action, List<(string, StatusCode)> outcomes, List<AcknowledgedTransition> acknowledged)
    {
        outcomes.Add((call, reply.Status));
        if (reply.IsOk)
        {
            acknowledged.Add(AcknowledgedTransition.Of(reply.Value, action));
        }
    }

    /// <summary>History = created, dispatched, then exactly the acknowledged transitions at their versions; both hosts read its end.</summary>
    private static async Task AssertConsistentAsync(string id, List<AcknowledgedTransition> acknowledged, DeskCaller a, DeskCaller b)
    {
        var history = (await a.HistoryAsync(id)).Value.Entries;
        Assert.Equal(Enumerable.Range(1, history.Count).Select(v => (long)v), history.Select(e => e.Sequence));
        Assert.True(history.Count == 2 + acknowledged.Count, $"{id}: history {string.Join(",", history.Select(e => e.Action))}, acknowledged {string.Join(",", acknowledged.Select(t => $"v{t.Version} {t.Action}"))}");
        foreach (var transition in acknowledged)
        {
            Assert.Equal(transition.Action, history[(int)transition.Version - 1].Action);
        }

        var last = acknowledged.MaxBy(t => t.Version)!;
        var viaA = (await a.GetAsync(id)).Value;
        var viaB = (await b.GetAsync(id)).Value;
        Assert.True(viaA.Version == history.Count && viaA.State == last.State, $"{id} via host A: v{viaA.Version} {viaA.State}; stored v{history.Count} {last.State}");
        Assert.True(viaB.Version == history.Count && viaB.State == last.State, $"{id} via host B: v{viaB.Version} {viaB.State}; stored v{history.Count} {last.State}");
    }
}
