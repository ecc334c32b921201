using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Scheduling;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.Tickets.Grain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>The deadline sweep against real ticket grains on SQLite, on a clock that moves only when told.</summary>
public sealed class AlarmSweepTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task Sweep_EmergencySign_WarningAt80PercentThenOverdue_EachIssuedOnceAndFedToTheLead()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1", Urgency.Emergency);
        var dispatchedAt = host.Time.GetUtcNow();
        await host.DispatchAsync("T1", "D01");
        var sweep = Sweep(host);

        host.AdvanceTo(dispatchedAt + TimeSpan.FromMinutes(11));
        var before = await sweep.RunAsync(CancellationToken.None);
        host.AdvanceTo(dispatchedAt + TimeSpan.FromMinutes(12));
        var warning = await sweep.RunAsync(CancellationToken.None);
        var again = await sweep.RunAsync(CancellationToken.None);
        host.AdvanceTo(dispatchedAt + TimeSpan.FromMinutes(15));
        var overdue = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(0, before.Alarms);
        Assert.Equal(1, warning.Alarms);
        Assert.Equal(0, again.Tickets);
        Assert.Equal(1, overdue.Alarms);
        var alarms = await AlarmHistoryAsync(host, "T1");
        Assert.Equal(["deadline_warning", "deadline_overdue"], alarms.Select(a => a.Type));
        Assert.All(alarms, a => Assert.Equal("system:scheduler", a.Actor));
        Assert.Equal(dispatchedAt + TimeSpan.FromMinutes(12), alarms[0].At);
        var feed = await host.Cluster.SiloServices(0).GetRequiredService<ITicketStore>().ReadFeedAsync("D01", 0, 100, CancellationToken.None);
        Assert.Equal(["dispatched", "deadline_warning", "deadline_overdue"], feed.Select(f => f.Kind));
    }

    [Fact]
    public async Task Sweep_ClaimedBeforeTheWarning_SignAlarmsAreCancelled()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1", Urgency.Emergency);
        await host.DispatchAsync("T1", "D01");
        await host.Ticket("T1").ClaimAsync(new ClaimTicket(D01));

        host.Time.Advance(TimeSpan.FromMinutes(30));
        var result = await Sweep(host).RunAsync(CancellationToken.None);

        Assert.Equal(0, result.Tickets);
        Assert.Empty(await AlarmHistoryAsync(host, "T1"));
    }

    [Fact]
    public async Task Sweep_ExtensionApproved_MovesTheHandlingAlarmsToTheNewDueTime()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1");
        await host.DispatchAsync("T1", "D01");
        await host.Ticket("T1").ClaimAsync(new ClaimTicket(D01));
        await host.Ticket("T1").RequestExtensionAsync(new RequestExtension(D01, 3, "需要协调施工单位"));
        await host.Ticket("T1").DecideExtensionAsync(new DecideExtension(Supervisor, true, null));
        var sweep = Sweep(host);

        // D01 has 5 working days: first due Monday 11-30 10:00; three more make Thursday 12-03 10:00.
        host.AdvanceTo(new DateTimeOffset(2026, 11, 30, 10, 1, 0, Shanghai));
        var atOldDue = await sweep.RunAsync(CancellationToken.None);
        host.AdvanceTo(new DateTimeOffset(2026, 12, 3, 10, 1, 0, Shanghai));
        var atNewDue = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(0, atOldDue.Alarms);
        Assert.Equal(2, atNewDue.Alarms);
        var alarms = await AlarmHistoryAsync(host, "T1");
        Assert.Equal(["deadline_warning", "deadline_overdue"], alarms.Select(a => a.Type));
        Assert.All(alarms, a => Assert.Contains("2026-12-03T10:00:00", a.DetailsJson, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweep_OverdueOnFriday_EscalatedOneWorkingDayLaterOnMondayNotAtTheWeekend()
    {
        await using var host = await StartAsync();
        host.AdvanceTo(new DateTimeOffset(2026, 11, 27, 15, 0, 0, Shanghai));
        await host.CreateAsync("T1", Urgency.Emergency);
        await host.DispatchAsync("T1", "D01");
        var sweep = Sweep(host);

        host.AdvanceTo(new DateTimeOffset(2026, 11, 29, 23, 0, 0, Shanghai));
        await sweep.RunAsync(CancellationToken.None);
        var sunday = await AlarmHistoryAsync(host, "T1");
        host.AdvanceTo(new DateTimeOffset(2026, 11, 30, 15, 16, 0, Shanghai));
        await sweep.RunAsync(CancellationToken.None);
        var monday = await AlarmHistoryAsync(host, "T1");

        Assert.DoesNotContain(sunday, a => a.Type == "deadline_escalated");
        var escalated = Assert.Single(monday, a => a.Type == "deadline_escalated");
        Assert.Contains("\"deadline\":\"Sign\"", escalated.DetailsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_ManyTicketsDueAtOnce_ReadsInBatchesAndIssuesEveryAlarm()
    {
        await using var host = await StartAsync();
        for (var i = 0; i < 25; i++)
        {
            await host.CreateAsync($"T{i}", Urgency.Emergency);
            await host.DispatchAsync($"T{i}", "D01");
        }

        host.Time.Advance(TimeSpan.FromMinutes(13));
        var result = await Sweep(host, batch: 4).RunAsync(CancellationToken.None);

        Assert.Equal(25, result.Tickets);
        Assert.Equal(25, result.Alarms);
        Assert.Equal(0, result.Failed);
    }

    /// <summary>A sweep like the host's, its return-visit calls placed on <paramref name="line"/> (none expected when null).</summary>
    internal static AlarmSweep Sweep(TicketGrainHost host, int batch = 500, IReturnVisitLine? line = null)
    {
        var services = host.Cluster.SiloServices(0);
        return new AlarmSweep(
            services.GetRequiredService<IAlarmIndex>(),
            host.Grains,
            host.Time,
            Options.Create(new ScheduleOptions { SweepBatch = batch, SweepParallelism = 4 }),
            new ReturnVisitDialer(line ?? new ScriptedReturnVisitLine(host.Time), host.Grains, NullLogger<ReturnVisitDialer>.Instance),
            NullLogger<AlarmSweep>.Instance);
    }

    private static async Task<List<TicketHistoryEntry>> AlarmHistoryAsync(TicketGrainHost host, string id) =>
        [.. (await host.Ticket(id).GetHistoryAsync(Supervisor)).Where(e => e.Type.StartsWith("deadline_", StringComparison.Ordinal))];
}
