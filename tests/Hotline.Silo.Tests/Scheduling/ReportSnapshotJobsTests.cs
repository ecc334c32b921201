using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>
/// The report snapshot jobs in the real host's Quartz store (SQLite), on the real clock: listed at their cron times
/// (daily 00:10, monthly the 1st 00:30, Asia/Shanghai), moved and cancelled by supervisors with the change kept.
/// </summary>
public sealed class ReportSnapshotJobsTests
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Reschedule_Daily_RunsAtTheNewTimeInsteadOfTheNextNightly()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);
        var jobs = host.App.Services.GetRequiredService<IScheduledJobs>();
        var listed = await ReportsAsync(jobs);
        var nightly = NextLocal(TimeProvider.System.GetUtcNow(), 0, 10, monthly: false);
        var soon = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(2);

        var moved = await jobs.RescheduleAsync(Supervisor, "report/daily", soon, "节前提前生成日报", CancellationToken.None);
        var afterMove = await ReportsAsync(jobs);
        // The moved run fires (Quartz then drops its one-off trigger); the nightly run it replaced stays skipped.
        var started = TimeProvider.System.GetTimestamp();
        ScheduledJob daily;
        do
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < PollTimeout, "the moved daily snapshot never ran");
            await Task.Delay(200);
            daily = (await ReportsAsync(jobs)).Single(j => j.JobId == "report/daily");
        }
        while (daily.Rescheduled);

        Assert.Equal(["report/daily", "report/monthly"], listed.Select(j => j.JobId).Order());
        Assert.All(listed, j => Assert.Equal((ScheduledJobKind.ReportSnapshot, false), (j.Kind, j.Rescheduled)));
        Assert.Equal(nightly, listed.Single(j => j.JobId == "report/daily").DueAt);
        Assert.Equal(NextLocal(TimeProvider.System.GetUtcNow(), 0, 30, monthly: true), listed.Single(j => j.JobId == "report/monthly").DueAt);
        Assert.Equal((soon, true), (moved.DueAt, moved.Rescheduled));
        Assert.Equal(soon, afterMove.Single(j => j.JobId == "report/daily").DueAt);
        Assert.Equal(nightly.AddDays(1), daily.DueAt);
        var row = Assert.Single(await ScheduledJobsHarness.ChangeLogAsync(host.DataDir));
        Assert.Equal(("report/daily", "reschedule", "staff:S01", "节前提前生成日报"), (row.JobKey, row.Action, row.Actor, row.Reason));
    }

    [Fact]
    public async Task Cancel_Monthly_NextIsTheMonthAfterAndAgentsAreRefused()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);
        var jobs = host.App.Services.GetRequiredService<IScheduledJobs>();
        var next = NextLocal(TimeProvider.System.GetUtcNow(), 0, 30, monthly: true);

        var agent = await Assert.ThrowsAsync<TicketRefusedException>(() => jobs.CancelAsync(Agent, "report/monthly", "x", CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<TicketRefusedException>(() => jobs.CancelAsync(Supervisor, "report/weekly", "x", CancellationToken.None));
        await jobs.CancelAsync(Supervisor, "report/monthly", "本月报表改为手工生成", CancellationToken.None);
        var after = (await ReportsAsync(jobs)).Single(j => j.JobId == "report/monthly");

        Assert.Equal(TicketRefusal.PermissionDenied, agent.Kind);
        Assert.Equal((TicketRefusal.InvalidArgument, "job_id"), (unknown.Kind, unknown.Field));
        Assert.Equal(NextLocal(next + TimeSpan.FromMinutes(1), 0, 30, monthly: true), after.DueAt);
        var row = Assert.Single(await ScheduledJobsHarness.ChangeLogAsync(host.DataDir));
        Assert.Equal(("report/monthly", "cancel", "本月报表改为手工生成"), (row.JobKey, row.Action, row.Reason));
        Assert.Null(row.AfterAt);
    }

    private static async Task<IReadOnlyList<ScheduledJob>> ReportsAsync(IScheduledJobs jobs) =>
        (await jobs.ListAsync(new ScheduledJobQuery(null, ScheduledJobKind.ReportSnapshot, null, null, 10, null), CancellationToken.None)).Jobs;

    /// <summary>The first local hh:mm after <paramref name="after"/>, on any day or on the 1st of a month.</summary>
    private static DateTimeOffset NextLocal(DateTimeOffset after, int hour, int minute, bool monthly)
    {
        var local = TimeZoneInfo.ConvertTime(after, Shanghai);
        var day = new DateTime(local.Year, local.Month, monthly ? 1 : local.Day, hour, minute, 0);
        while (new DateTimeOffset(day, Shanghai.GetUtcOffset(day)) <= after)
        {
            day = monthly ? day.AddMonths(1) : day.AddDays(1);
        }

        return new DateTimeOffset(day, Shanghai.GetUtcOffset(day));
    }
}
