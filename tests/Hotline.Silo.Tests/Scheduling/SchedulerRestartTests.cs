using Hotline.Contracts.Grains;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>The real host's Quartz scheduler on its SQLite job store, across a stop and a start.</summary>
public sealed class SchedulerRestartTests
{
    private static readonly TimeSpan SignWithin = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Restart_AlarmsFellDueWhileTheHostWasDown_IssuedOnceEachAfterTheStart()
    {
        var dataDir = RunningHost.NewDataDir();
        string[] args = [$"--Tickets:EmergencySignWithin={SignWithin}", "--Schedule:SweepInterval=00:00:00.5"];
        var first = await RunningHost.StartAsync(dataDir: dataDir, extraArgs: args);
        DateTimeOffset due;
        try
        {
            var ticket = first.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>("T-restart");
            await ticket.CreateAsync(NewTicket(Urgency.Emergency));
            due = (await ticket.DispatchAsync(new DispatchTicket(Agent, "gaj", [], "请尽快处理"))).SignDeadline!.Value;
        }
        finally
        {
            await first.App.StopAsync();
            await first.App.DisposeAsync();
        }

        // Down past the sign deadline: its warning (80%) and overdue mark both fall due while nothing runs.
        while (TimeProvider.System.GetUtcNow() <= due)
        {
            await Task.Delay(200);
        }

        await using var second = await RunningHost.StartAsync(dataDir: dataDir, extraArgs: args);
        var restarted = second.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>("T-restart");
        var started = TimeProvider.System.GetTimestamp();
        List<TicketHistoryEntry> sign;
        do
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < PollTimeout, "the restarted host issued no overdue mark in time");
            await Task.Delay(100);
            sign = [.. (await restarted.GetHistoryAsync(Supervisor)).Where(e => e.Type.StartsWith("deadline_", StringComparison.Ordinal) && e.DetailsJson.Contains("\"Sign\"", StringComparison.Ordinal))];
        }
        while (!sign.Any(e => e.Type == "deadline_overdue"));

        Assert.Equal(["deadline_warning", "deadline_overdue"], sign.Select(e => e.Type));
        Assert.True(File.Exists(Path.Combine(dataDir, "scheduler.db")));
    }
}
