using Hotline.Contracts.Grains;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>
/// The real host (Quartz on SQLite, the real clock, a half-second sweep) run twice on one data directory: an EMERGENCY
/// ticket is dispatched on the first run, the host stays down past a time, and the second run's alarms are read from
/// the ticket's history. What the scheduler's restart tests share; each says what it changes and expects.
/// </summary>
internal sealed class SchedulerRestart(TimeSpan signWithin)
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(120);

    private readonly string[] _args = [$"--Tickets:EmergencySignWithin={signWithin}", "--Schedule:SweepInterval=00:00:00.5"];

    public string DataDir { get; } = RunningHost.NewDataDir();

    /// <summary>
    /// First run: creates and dispatches the EMERGENCY ticket, then lets <paramref name="then"/> act on the host's
    /// services (null: nothing more), and stops the host. Returns the ticket's sign deadline.
    /// </summary>
    public async Task<DateTimeOffset> DispatchThenStopAsync(string ticketId, Func<IServiceProvider, DateTimeOffset, Task>? then = null)
    {
        var first = await RunningHost.StartAsync(dataDir: DataDir, extraArgs: _args);
        try
        {
            var ticket = first.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>(ticketId);
            await ticket.CreateAsync(NewTicket(Urgency.Emergency));
            var due = (await ticket.DispatchAsync(new DispatchTicket(Agent, "gaj", [], "请尽快处理"))).SignDeadline!.Value;
            if (then is not null)
            {
                await then(first.App.Services, due);
            }

            return due;
        }
        finally
        {
            await first.App.StopAsync();
            await first.App.DisposeAsync();
        }
    }

    /// <summary>
    /// Keeps the host down until <paramref name="downUntil"/> has passed, starts it again, and polls the ticket's
    /// history until its sign deadline's overdue mark is there. Returns the sign deadline's alarm entries.
    /// </summary>
    public async Task<List<TicketHistoryEntry>> RestartAfterAsync(DateTimeOffset downUntil, string ticketId)
    {
        while (TimeProvider.System.GetUtcNow() <= downUntil)
        {
            await Task.Delay(200);
        }

        await using var second = await RunningHost.StartAsync(dataDir: DataDir, extraArgs: _args);
        var restarted = second.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>(ticketId);
        var started = TimeProvider.System.GetTimestamp();
        List<TicketHistoryEntry> sign;
        do
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < PollTimeout, "the restarted host issued no overdue mark in time");
            await Task.Delay(100);
            sign = [.. (await restarted.GetHistoryAsync(Supervisor)).Where(e => e.Type.StartsWith("deadline_", StringComparison.Ordinal) && e.DetailsJson.Contains("\"Sign\"", StringComparison.Ordinal))];
        }
        while (!sign.Any(e => e.Type == "deadline_overdue"));

        return sign;
    }
}
