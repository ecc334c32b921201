using Hotline.Contracts.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>A supervisor's cancel and reschedule hold across a stop and a start of the real host (Quartz on SQLite, real clock).</summary>
public sealed class ScheduleChangesRestartTests
{
    private static readonly TimeSpan MovedBy = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Restart_CancelledWarningNeverFires_RescheduledOverdueFiresAtItsNewTime()
    {
        var restart = new SchedulerRestart(signWithin: TimeSpan.FromSeconds(10));
        var due = await restart.DispatchThenStopAsync("T-moved", async (services, deadline) =>
        {
            var jobs = services.GetRequiredService<IScheduledJobs>();
            await jobs.CancelAsync(Supervisor, "ticket/T-moved/sign-warning", "已电话催办", CancellationToken.None);
            await jobs.RescheduleAsync(Supervisor, "ticket/T-moved/sign-overdue", deadline + MovedBy, "部门系统故障，顺延", CancellationToken.None);
        });

        // Down past the rule's due time: the overdue mark must wait for its new time, the warning must never come.
        var sign = await restart.RestartAfterAsync(due + TimeSpan.FromSeconds(1), "T-moved");

        var overdue = Assert.Single(sign);
        Assert.Equal("deadline_overdue", overdue.Type);
        Assert.True(overdue.At >= due + MovedBy, $"issued at {overdue.At:O}, before its new time {due + MovedBy:O}");
    }
}
