using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tests.Tickets.Grain;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Silo.Tests.Scheduling.ScheduledJobsHarness;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>
/// Supervisors' view and changes of the scheduled jobs (Supervision's ListScheduledJobs, RescheduleJob, CancelJob)
/// against real ticket grains on SQLite, fired by the real sweep on a clock that moves only when told.
/// An EMERGENCY ticket's sign deadline is 15 min (warning at 12), its handling deadline 2 h (warning at 96 min).
/// </summary>
public sealed class ScheduledJobsTests
{
    [Fact]
    public async Task List_DispatchedEmergencyTicket_SixAlarmsByDueTimeFilteredByKindAndWindow()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1", Urgency.Emergency);
        var dispatched = host.Time.GetUtcNow();
        await host.DispatchAsync("T1", "D01");
        var jobs = Jobs(host);

        var all = await jobs.ListAsync(Query(ticketId: "T1"), CancellationToken.None);
        var overdue = await jobs.ListAsync(Query(ticketId: "T1", kind: ScheduledJobKind.DeadlineOverdue), CancellationToken.None);
        var window = await jobs.ListAsync(Query(from: dispatched + TimeSpan.FromMinutes(13), to: dispatched + TimeSpan.FromHours(2)), CancellationToken.None);

        Assert.Equal(
            ["sign-warning", "sign-overdue", "handle-warning", "handle-overdue", "sign-escalation", "handle-escalation"],
            all.Jobs.Select(j => j.JobId["ticket/T1/".Length..]));
        Assert.Equal(dispatched + TimeSpan.FromMinutes(12), all.Jobs[0].DueAt);
        Assert.All(all.Jobs, j => Assert.Equal("D01", j.DepartmentId));
        Assert.Null(all.NextPageToken);
        Assert.Equal(["ticket/T1/sign-overdue", "ticket/T1/handle-overdue"], overdue.Jobs.Select(j => j.JobId));
        Assert.Equal(["ticket/T1/sign-overdue", "ticket/T1/handle-warning"], window.Jobs.Select(j => j.JobId));
    }

    [Fact]
    public async Task List_PagesAcrossTickets_EveryJobOnceInOrderOfTheTicketsNextAlarm()
    {
        await using var host = await StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await host.CreateAsync($"T{i}", Urgency.Emergency);
            await host.DispatchAsync($"T{i}", "D01");
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var jobs = Jobs(host);
        var seen = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await jobs.ListAsync(Query(pageSize: 4, token: token), CancellationToken.None);
            Assert.InRange(page.Jobs.Count, 0, 4);
            seen.AddRange(page.Jobs.Select(j => j.JobId));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null && pages < 20);

        Assert.Equal(18, seen.Count);
        Assert.Equal(18, seen.Distinct().Count());
        Assert.Equal(["T0", "T1", "T2"], seen.Select(id => id.Split('/')[1]).Distinct());
    }

    [Fact]
    public async Task Reschedule_SignOverdueMovedLater_IssuedAtTheNewTimeOnly_KeptInHistoryAndChangeLog()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1", Urgency.Emergency);
        var dispatched = host.Time.GetUtcNow();
        await host.DispatchAsync("T1", "D01");
        var sweep = AlarmSweepTests.Sweep(host);

        var moved = await Jobs(host).RescheduleAsync(Supervisor, "ticket/T1/sign-overdue", dispatched + TimeSpan.FromMinutes(30), "部门已电话说明，正在派人", CancellationToken.None);
        host.AdvanceTo(dispatched + TimeSpan.FromMinutes(16));
        await sweep.RunAsync(CancellationToken.None);
        var atOldTime = await SignAlarmsAsync(host);
        host.AdvanceTo(dispatched + TimeSpan.FromMinutes(30));
        await sweep.RunAsync(CancellationToken.None);
        var atNewTime = await SignAlarmsAsync(host);

        Assert.True(moved.Rescheduled);
        Assert.Equal(dispatched + TimeSpan.FromMinutes(30), moved.DueAt);
        Assert.Equal(["deadline_warning"], atOldTime);
        Assert.Equal(["deadline_warning", "deadline_overdue"], atNewTime);
        var change = Assert.Single(await host.Ticket("T1").GetHistoryAsync(Supervisor), e => e.Type == "job_rescheduled");
        Assert.Equal("staff:S01", change.Actor);
        Assert.Equal("部门已电话说明，正在派人", change.Reason);
        var row = Assert.Single(await ChangeLogAsync(host.DataDir));
        Assert.Equal(("ticket/T1/sign-overdue", "reschedule", "staff:S01", "部门已电话说明，正在派人"), (row.JobKey, row.Action, row.Actor, row.Reason));
        Assert.NotNull(row.BeforeAt);
        Assert.NotNull(row.AfterAt);
    }

    [Fact]
    public async Task Cancel_SignWarning_NeverIssued_TheOverdueMarkStillIs()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1", Urgency.Emergency);
        var dispatched = host.Time.GetUtcNow();
        await host.DispatchAsync("T1", "D01");

        await Jobs(host).CancelAsync(Supervisor, "ticket/T1/sign-warning", "已当面催办", CancellationToken.None);
        await host.CollectAsync("T1");
        host.AdvanceTo(dispatched + TimeSpan.FromMinutes(16));
        await AlarmSweepTests.Sweep(host).RunAsync(CancellationToken.None);

        Assert.Equal(["deadline_overdue"], await SignAlarmsAsync(host));
        var listed = await Jobs(host).ListAsync(Query(ticketId: "T1"), CancellationToken.None);
        Assert.DoesNotContain(listed.Jobs, j => j.JobId.StartsWith("ticket/T1/sign-", StringComparison.Ordinal) && j.JobId != "ticket/T1/sign-escalation");
        var row = Assert.Single(await ChangeLogAsync(host.DataDir));
        Assert.Equal(("cancel", "已当面催办"), (row.Action, row.Reason));
        Assert.Null(row.AfterAt);
    }

    [Fact]
    public async Task Changes_BadRequests_RefusedPreciselyAndNothingChanges()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1", Urgency.Emergency);
        await host.DispatchAsync("T1", "D01");
        var jobs = Jobs(host);
        var later = host.Time.GetUtcNow() + TimeSpan.FromHours(1);

        var agent = await Refused(() => jobs.CancelAsync(Agent, "ticket/T1/sign-warning", "x", CancellationToken.None));
        var noReason = await Refused(() => jobs.CancelAsync(Supervisor, "ticket/T1/sign-warning", " ", CancellationToken.None));
        var past = await Refused(() => jobs.RescheduleAsync(Supervisor, "ticket/T1/sign-warning", host.Time.GetUtcNow(), "x", CancellationToken.None));
        var badId = await Refused(() => jobs.CancelAsync(Supervisor, "ticket/T1/sign-lunch", "x", CancellationToken.None));
        var missing = await Refused(() => jobs.CancelAsync(Supervisor, "ticket/T404/sign-warning", "x", CancellationToken.None));
        var missingList = await Refused(() => jobs.ListAsync(Query(ticketId: "T404"), CancellationToken.None));
        var badToken = await Refused(() => jobs.ListAsync(Query(token: "not-a-token"), CancellationToken.None));
        await host.Ticket("T1").ClaimAsync(new ClaimTicket(D01));
        var ended = await Refused(() => jobs.RescheduleAsync(Supervisor, "ticket/T1/sign-overdue", later, "x", CancellationToken.None));

        Assert.Equal(TicketRefusal.PermissionDenied, agent.Kind);
        Assert.Equal((TicketRefusal.InvalidArgument, "reason"), (noReason.Kind, noReason.Field));
        Assert.Equal((TicketRefusal.InvalidArgument, "due_at"), (past.Kind, past.Field));
        Assert.Equal((TicketRefusal.InvalidArgument, "job_id"), (badId.Kind, badId.Field));
        Assert.Equal(TicketRefusal.NotFound, missing.Kind);
        Assert.Equal(TicketRefusal.NotFound, missingList.Kind);
        Assert.Equal((TicketRefusal.InvalidArgument, "page_token"), (badToken.Kind, badToken.Field));
        Assert.Equal((TicketRefusal.FailedPrecondition, TicketState.Claimed), (ended.Kind, ended.State));
        Assert.Empty(await ChangeLogAsync(host.DataDir));
    }

    [Fact]
    public async Task Cancel_AnIssuedAlarm_FailedPrecondition()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1", Urgency.Emergency);
        var dispatched = host.Time.GetUtcNow();
        await host.DispatchAsync("T1", "D01");
        host.AdvanceTo(dispatched + TimeSpan.FromMinutes(13));
        await AlarmSweepTests.Sweep(host).RunAsync(CancellationToken.None);

        var refused = await Refused(() => Jobs(host).CancelAsync(Supervisor, "ticket/T1/sign-warning", "太晚了", CancellationToken.None));

        Assert.Equal(TicketRefusal.FailedPrecondition, refused.Kind);
        Assert.Contains("not pending", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> SignAlarmsAsync(TicketGrainHost host) =>
        [.. (await host.Ticket("T1").GetHistoryAsync(Supervisor))
            .Where(e => e.Type.StartsWith("deadline_", StringComparison.Ordinal) && e.DetailsJson.Contains("\"Sign\"", StringComparison.Ordinal))
            .Select(e => e.Type)];
}
