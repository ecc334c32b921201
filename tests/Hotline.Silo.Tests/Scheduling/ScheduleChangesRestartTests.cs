using Hotline.Contracts.Grains;
using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>A supervisor's cancel and reschedule hold across a stop and a start of the real host (Quartz on SQLite, real clock).</summary>
public sealed class ScheduleChangesRestartTests
{
    private static readonly TimeSpan SignWithin = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MovedBy = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Restart_CancelledWarningNeverFires_RescheduledOverdueFiresAtItsNewTime()
    {
        var dataDir = RunningHost.NewDataDir();
        string[] args = [$"--Tickets:EmergencySignWithin={SignWithin}", "--Schedule:SweepInterval=00:00:00.5"];
        var first = await RunningHost.StartAsync(dataDir: dataDir, extraArgs: args);
        DateTimeOffset due;
        try
        {
            var ticket = first.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>("T-moved");
            await ticket.CreateAsync(NewTicket(Urgency.Emergency));
            due = (await ticket.DispatchAsync(new DispatchTicket(Agent, "gaj", [], "请尽快处理"))).SignDeadline!.Value;
            var jobs = first.App.Services.GetRequiredService<IScheduledJobs>();
            await jobs.CancelAsync(Supervisor, "ticket/T-moved/sign-warning", "已电话催办", CancellationToken.None);
            await jobs.RescheduleAsync(Supervisor, "ticket/T-moved/sign-overdue", due + MovedBy, "部门系统故障，顺延", CancellationToken.None);
        }
        finally
        {
            await first.App.StopAsync();
            await first.App.DisposeAsync();
        }

        // Down past the rule's due time: the overdue mark must wait for its new time, the warning must never come.
        while (TimeProvider.System.GetUtcNow() <= due + TimeSpan.FromSeconds(1))
        {
            await Task.Delay(200);
        }

        await using var second = await RunningHost.StartAsync(dataDir: dataDir, extraArgs: args);
        var restarted = second.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>("T-moved");
        var started = TimeProvider.System.GetTimestamp();
        List<TicketHistoryEntry> sign;
        do
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < PollTimeout, "the restarted host issued no overdue mark in time");
            await Task.Delay(100);
            sign = [.. (await restarted.GetHistoryAsync(Supervisor)).Where(e => e.Type.StartsWith("deadline_", StringComparison.Ordinal) && e.DetailsJson.Contains("\"Sign\"", StringComparison.Ordinal))];
        }
        while (!sign.Any(e => e.Type == "deadline_overdue"));

        var overdue = Assert.Single(sign);
        Assert.Equal("deadline_overdue", overdue.Type);
        Assert.True(overdue.At >= due + MovedBy, $"issued at {overdue.At:O}, before its new time {due + MovedBy:O}");
    }
}
