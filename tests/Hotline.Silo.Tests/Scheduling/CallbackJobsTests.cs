using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage.Sql;
using Hotline.Telephony.Acd;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Silo.Tests.Scheduling.ScheduledJobsHarness;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>
/// Pending callback requests as Supervision's scheduled jobs ("callback/{call id}") on SQLite: listed after the
/// tickets' jobs, moved and cancelled by supervisors with the change kept, and the sweep's query obeying it.
/// The clock starts Monday 10:00 Asia/Shanghai; quiet hours 21:00–08:00.
/// </summary>
public sealed class CallbackJobsTests
{
    [Fact]
    public async Task List_TicketAndCallbacks_TicketJobsThenCallbacksByDueTimeAcrossPages()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1", Urgency.Emergency);
        await host.DispatchAsync("T1", "D01");
        var now = host.Time.GetUtcNow();
        await RequestAsync(host, "c2", now + TimeSpan.FromMinutes(1));
        await RequestAsync(host, "c1", now);
        var jobs = Jobs(host);

        var first = await jobs.ListAsync(Query(pageSize: 5), CancellationToken.None);
        var second = await jobs.ListAsync(Query(pageSize: 5, token: first.NextPageToken), CancellationToken.None);
        var onlyCallbacks = await jobs.ListAsync(Query(kind: ScheduledJobKind.Callback, pageSize: 1), CancellationToken.None);
        var nextCallback = await jobs.ListAsync(Query(kind: ScheduledJobKind.Callback, pageSize: 1, token: onlyCallbacks.NextPageToken), CancellationToken.None);
        var window = await jobs.ListAsync(Query(kind: ScheduledJobKind.Callback, from: now + TimeSpan.FromSeconds(30)), CancellationToken.None);

        Assert.All(first.Jobs, j => Assert.StartsWith("ticket/T1/", j.JobId, StringComparison.Ordinal));
        Assert.Equal(["ticket/T1/handle-escalation", "callback/c1", "callback/c2"], second.Jobs.Select(j => j.JobId));
        Assert.Null(second.NextPageToken);
        var c1 = second.Jobs[1];
        Assert.Equal((ScheduledJobKind.Callback, (string?)null, now, false), (c1.Kind, c1.TicketId, c1.DueAt, c1.Rescheduled));
        Assert.Equal(["callback/c1"], onlyCallbacks.Jobs.Select(j => j.JobId));
        Assert.Equal(["callback/c2"], nextCallback.Jobs.Select(j => j.JobId));
        Assert.Null(nextCallback.NextPageToken);
        Assert.Equal(["callback/c2"], window.Jobs.Select(j => j.JobId));
    }

    [Fact]
    public async Task Reschedule_Callback_NotDueUntilTheNewTimeAndTheChangeKept()
    {
        await using var host = await StartAsync();
        var now = host.Time.GetUtcNow();
        await RequestAsync(host, "c1", now);
        var store = Store(host);
        var later = now + TimeSpan.FromHours(3);

        var moved = await Jobs(host).RescheduleAsync(Supervisor, "callback/c1", later, "市民要求下午再打", CancellationToken.None);
        var dueNow = await store.ReadDueAsync(now + TimeSpan.FromHours(1), now, 10, CancellationToken.None);
        var dueLater = await store.ReadDueAsync(later, now, 10, CancellationToken.None);
        var listed = Assert.Single((await Jobs(host).ListAsync(Query(kind: ScheduledJobKind.Callback), CancellationToken.None)).Jobs);

        Assert.Equal((later, true), (moved.DueAt, moved.Rescheduled));
        Assert.Empty(dueNow);
        Assert.Equal("c1", Assert.Single(dueLater).Request.CallId);
        Assert.Equal((later, true), (listed.DueAt, listed.Rescheduled));
        var row = Assert.Single(await ChangeLogAsync(host.DataDir));
        Assert.Equal(("callback/c1", "reschedule", "staff:S01", "市民要求下午再打"), (row.JobKey, row.Action, row.Actor, row.Reason));
        Assert.NotNull(row.AfterAt);
    }

    [Fact]
    public async Task Cancel_Callback_CompletedNeverDueAndTheChangeKept()
    {
        await using var host = await StartAsync();
        var now = host.Time.GetUtcNow();
        await RequestAsync(host, "c1", now);

        await Jobs(host).CancelAsync(Supervisor, "callback/c1", "重复来电，已处理", CancellationToken.None);
        var again = await Assert.ThrowsAsync<TicketRefusedException>(() => Jobs(host).CancelAsync(Supervisor, "callback/c1", "x", CancellationToken.None));

        Assert.Empty(await Store(host).ReadDueAsync(now + TimeSpan.FromDays(1), now + TimeSpan.FromDays(1), 10, CancellationToken.None));
        Assert.Empty(await Store(host).ListPendingAsync(10, CancellationToken.None));
        Assert.Empty((await Jobs(host).ListAsync(Query(kind: ScheduledJobKind.Callback), CancellationToken.None)).Jobs);
        Assert.Equal(TicketRefusal.FailedPrecondition, again.Kind);
        var row = Assert.Single(await ChangeLogAsync(host.DataDir));
        Assert.Equal(("callback/c1", "cancel", "重复来电，已处理"), (row.JobKey, row.Action, row.Reason));
        Assert.Null(row.AfterAt);
    }

    [Fact]
    public async Task Changes_Callback_AgentQuietHoursOrUnknownRefusedAndNothingChanges()
    {
        await using var host = await StartAsync();
        var now = host.Time.GetUtcNow();
        await RequestAsync(host, "c1", now);
        var jobs = Jobs(host);

        var agent = await Refused(() => jobs.CancelAsync(Agent, "callback/c1", "x", CancellationToken.None));
        var quiet = await Refused(() => jobs.RescheduleAsync(Supervisor, "callback/c1", new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.FromHours(8)), "x", CancellationToken.None));
        var unknown = await Refused(() => jobs.RescheduleAsync(Supervisor, "callback/nope", now + TimeSpan.FromHours(1), "x", CancellationToken.None));

        Assert.Equal(TicketRefusal.PermissionDenied, agent.Kind);
        Assert.Equal((TicketRefusal.InvalidArgument, "due_at"), (quiet.Kind, quiet.Field));
        Assert.Equal(TicketRefusal.FailedPrecondition, unknown.Kind);
        Assert.Empty(await ChangeLogAsync(host.DataDir));
        Assert.Equal(now, Assert.Single((await jobs.ListAsync(Query(kind: ScheduledJobKind.Callback), CancellationToken.None)).Jobs).DueAt);
    }

    private static SqlCallbackRequestStore Store(Tickets.Grain.TicketGrainHost host) =>
        host.Cluster.SiloServices(0).GetRequiredService<SqlCallbackRequestStore>();

    private static Task RequestAsync(Tickets.Grain.TicketGrainHost host, string callId, DateTimeOffset at) =>
        Store(host).SaveAsync(new CallbackRequest(callId, "13800001111", "general", CallbackKind.Abandoned, at, TimeSpan.FromSeconds(40)), CancellationToken.None);
}
