using System.Diagnostics;
using Grpc.Core;
using Hotline.Api.V1;
using Hotline.Silo.Tests.Storage;
using Xunit.Abstractions;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// Two real host processes forming one Orleans cluster on PostgreSQL (ADO.NET membership in the tickets'
/// database): any host takes any call, a commit on one is searchable on the other, and when one is killed
/// the other takes over its tickets with nothing acknowledged lost.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTests(PostgresServerFixture postgres, ITestOutputHelper output)
{
    /// <summary>The membership timings README gives for two hosts; the failover below is measured with them.</summary>
    private static readonly string[] ClusterArgs =
    [
        "--Cluster:Provider=postgres",
        "--Cluster:AdvertisedAddress=127.0.0.1",
    ];

    [Fact]
    public async Task TwoHosts_AnyHostAnyCall_CommitsSearchableOnBoth()
    {
        var settings = HostSettingsArgs.Postgres(await postgres.CreateSchemaAsync()) with { Extra = ClusterArgs };
        try
        {
            await using var cluster = await TwoHostCluster.StartAsync(settings);
            var (hostA, a, b) = (cluster.HostA, cluster.A, cluster.B);

            var created = (await a.CreateAsync("集群测试：幸福路口红绿灯坏了")).Value;
            var dispatched = (await b.DispatchAsync(created.TicketId)).Value;
            var claimed = (await b.ClaimAsync(created.TicketId)).Value;
            var seenByA = (await a.GetAsync(created.TicketId)).Value;
            var similarOnB = await EventuallyAsync(async () => (await b.SimilarAsync("幸福路口红绿灯坏了")).Value.Similar.Any(s => s.TicketId == created.TicketId));
            var createdOnB = (await b.CreateAsync("集群测试：和平街井盖丢失")).Value;
            var similarOnA = await EventuallyAsync(async () => (await a.SimilarAsync("和平街井盖丢失")).Value.Similar.Any(s => s.TicketId == createdOnB.TicketId));

            Assert.Equal(TicketState.Dispatched, dispatched.State);
            Assert.Equal(claimed.Version, seenByA.Version);
            Assert.Equal(TicketState.Claimed, seenByA.State);
            Assert.True(similarOnB, "a ticket created through host A never became a similar-ticket hit on host B");
            Assert.True(similarOnA, "a ticket created through host B never became a similar-ticket hit on host A");
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    [Fact]
    public async Task KillOneHost_UnderLoad_OtherTakesOverAndNoAcknowledgedTransitionLost()
    {
        var settings = HostSettingsArgs.Postgres(await postgres.CreateSchemaAsync()) with { Extra = ClusterArgs };
        try
        {
            await using var cluster = await TwoHostCluster.StartAsync(settings);
            var (hostA, a, b) = (cluster.HostA, cluster.A, cluster.B);

            // Tickets made through both hosts, so activations live on both silos.
            var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
                (await (i % 2 == 0 ? a : b).CreateAsync($"故障转移 {i}")).Value.TicketId));
            var acknowledged = new Dictionary<string, long>();
            using var stop = new CancellationTokenSource();
            var unavailable = 0;
            var load = Task.Run(async () =>
            {
                // Progress notes through B on every ticket, round and round; UNAVAILABLE is retried on B.
                var round = 0;
                while (!stop.IsCancellationRequested)
                {
                    foreach (var id in ids)
                    {
                        var reply = await StepAsync(b, id, round);
                        while (reply.Status == StatusCode.Unavailable && !stop.IsCancellationRequested)
                        {
                            Interlocked.Increment(ref unavailable);
                            await Task.Delay(100);
                            reply = await StepAsync(b, id, round);
                        }

                        if (reply.IsOk)
                        {
                            lock (acknowledged)
                            {
                                acknowledged[id] = reply.Value.Version;
                            }
                        }
                    }

                    round++;
                }
            });

            await Task.Delay(TimeSpan.FromSeconds(2));
            await hostA.KillAsync();
            var killed = Stopwatch.StartNew();

            // Recovered: every ticket, including those whose activation lived on A, answers through B again.
            foreach (var id in ids)
            {
                var reply = await b.GetAsync(id);
                while (!reply.IsOk)
                {
                    Assert.True(killed.Elapsed < TimeSpan.FromSeconds(60), $"{id} still {reply.Status} {killed.Elapsed} after the kill: {reply.Message}");
                    await Task.Delay(50);
                    reply = await b.GetAsync(id);
                }
            }

            var recovered = killed.Elapsed;
            await Task.Delay(TimeSpan.FromSeconds(1));
            stop.Cancel();
            await load;
            output.WriteLine($"recovery after kill -9: {recovered.TotalSeconds:F1} s; UNAVAILABLE retried {unavailable} times; {acknowledged.Count} tickets progressed");

            foreach (var (id, version) in acknowledged)
            {
                var stored = (await b.HistoryAsync(id)).Value.Entries;
                Assert.True(stored.Count >= version, $"{id}: acknowledged v{version}, history has {stored.Count}");
                Assert.Equal((await b.GetAsync(id)).Value.Version, stored.Count);
            }
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    /// <summary>Dispatch, then claim, then progress notes: a legal transition on every round.</summary>
    private static Task<GrpcReply<Ticket>> StepAsync(DeskCaller desk, string id, int round) => round switch
    {
        0 => desk.DispatchAsync(id),
        1 => desk.ClaimAsync(id),
        _ => desk.AddProgressAsync(id, $"进展 {round}"),
    };

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
