using Hotline.Api.V1;
using Hotline.Silo.Tests.Storage;
using Npgsql;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// Two real host processes clustered on one PostgreSQL (Orleans membership and Quartz's clustered job store), with
/// hundreds of deadline alarms falling due: every alarm is issued exactly once in the whole cluster, and a
/// supervisor watching on either host hears every one of them exactly once, wherever it was issued.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScheduledAlarmsClusterTests(PostgresServerFixture postgres)
{
    private const int TicketsPerHost = 150;
    private const int Alarms = 2 * TicketsPerHost * 2;
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMinutes(5);

    private static readonly string[] ClusterArgs =
    [
        "--Cluster:Provider=postgres",
        "--Cluster:AdvertisedAddress=127.0.0.1",
        // Every ticket's sign deadline (EMERGENCY) falls due during the test: its warning at 80%, then overdue.
        "--Tickets:EmergencySignWithin=00:00:40",
        "--Schedule:SweepInterval=00:00:01",
    ];

    [Fact]
    public async Task TwoHosts_HundredsOfAlarmsDue_EachIssuedExactlyOnceAndHeardOnceOnEitherHost()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        var settings = HostSettingsArgs.Postgres(connectionString) with { Extra = ClusterArgs };
        try
        {
            await using var cluster = await TwoHostCluster.StartAsync(settings);
            try
            {
                await RunAsync(cluster, connectionString);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // An INTERNAL seen once under a parallel CI run could not be reproduced alone: keep what the hosts logged.
                throw new InvalidOperationException($"{failure.Message}\n--- host A ---\n{Problems(cluster.HostA.Output)}\n--- host B ---\n{Problems(cluster.HostB.Output)}", failure);
            }
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    private static string Problems(string output) =>
        string.Join('\n', output.Split('\n').Where(line => line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)
            || line.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal)).TakeLast(20));

    private static async Task RunAsync(TwoHostCluster cluster, string connectionString)
    {
        using var watching = new CancellationTokenSource(PollTimeout);
        using var streamA = cluster.A.WatchDeadlineAlarms(watching.Token);
        using var streamB = cluster.B.WatchDeadlineAlarms(watching.Token);
        var heardOnA = ReadAsync(streamA, watching.Token);
        var heardOnB = ReadAsync(streamB, watching.Token);

        var tickets = await Task.WhenAll(Enumerable.Range(0, 2 * TicketsPerHost).Select(async i =>
        {
            var desk = i % 2 == 0 ? cluster.A : cluster.B;
            var created = await RetryingUnavailableAsync(() => desk.CreateAsync($"集群计时 {i}：路口信号灯故障", Urgency.Emergency));
            Assert.NotNull(created);
            Assert.NotNull(await RetryingUnavailableAsync(() => desk.DispatchAsync(created.TicketId)));
            return created.TicketId;
        }));

        var started = TimeProvider.System.GetTimestamp();
        while (await ScalarAsync(connectionString, "SELECT count(*) FROM ticket_events WHERE type LIKE 'deadline_%'") < Alarms)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < PollTimeout, "the alarms were not all issued in time");
            await Task.Delay(500);
        }

        var a = await heardOnA;
        var b = await heardOnB;

        // Issued: one warning and one overdue mark per ticket, nothing twice, nothing else.
        Assert.Equal(Alarms, await ScalarAsync(connectionString, "SELECT count(*) FROM ticket_events WHERE type LIKE 'deadline_%'"));
        Assert.Equal(0, await ScalarAsync(connectionString,
            "SELECT count(*) FROM (SELECT 1 FROM ticket_events WHERE type LIKE 'deadline_%' GROUP BY ticket_id, type HAVING count(*) > 1) twice"));
        Assert.Equal(2 * TicketsPerHost, await ScalarAsync(connectionString, "SELECT count(DISTINCT ticket_id) FROM ticket_events WHERE type = 'deadline_overdue'"));
        Assert.Equal(2 * TicketsPerHost, await ScalarAsync(connectionString, "SELECT count(DISTINCT ticket_id) FROM ticket_events WHERE type = 'deadline_warning'"));

        // Heard: every one on each host's stream, once, whichever host issued it.
        var expected = tickets.SelectMany(id => new[] { (id, "deadline_warning"), (id, "deadline_overdue") }).Order().ToList();
        Assert.Equal(expected, a.Order().ToList());
        Assert.Equal(expected, b.Order().ToList());
        Assert.False(cluster.HostA.HasExited || cluster.HostB.HasExited, "a host died during the run");
    }

    /// <summary>
    /// A call retried while it answers UNAVAILABLE, as the status table tells clients to: a burst of 300 activations
    /// on two hosts may briefly find the database out of connections (53300), which is answered UNAVAILABLE with
    /// nothing done. A ticket created twice would show as extra alarms below.
    /// </summary>
    private static async Task<T> RetryingUnavailableAsync<T>(Func<Task<GrpcReply<T>>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            var reply = await call();
            if (reply.Status != Grpc.Core.StatusCode.Unavailable || attempt == 10)
            {
                return reply.Value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
        }
    }

    /// <summary>The first <see cref="Alarms"/> events of a supervisor's stream, as (ticket, kind).</summary>
    private static async Task<List<(string TicketId, string Kind)>> ReadAsync(GrpcStream<TicketEvent> stream, CancellationToken cancellationToken)
    {
        var heard = new List<(string, string)>();
        while (heard.Count < Alarms)
        {
            var item = await stream.ReadAsync(cancellationToken) ?? throw new InvalidOperationException($"the stream ended after {heard.Count} alarms: {stream.Status}");
            heard.Add((item.Ticket.TicketId, item.Kind));
        }

        return heard;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
