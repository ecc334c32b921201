using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Tickets.Grain;

public sealed class TicketGrainDeadlineTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task Get_EmergencySignDeadline_OnTimeThenWarningAt80PercentThenOverdue()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1", Urgency.Emergency);
        var dispatchedAt = host.Time.GetUtcNow();
        var dispatched = await host.DispatchAsync("T1", "D01");

        host.AdvanceTo(dispatchedAt + TimeSpan.FromMinutes(11));
        var before80 = await host.Ticket("T1").GetAsync(Agent);
        host.AdvanceTo(dispatchedAt + TimeSpan.FromMinutes(12));
        var at80 = await host.Ticket("T1").GetAsync(D01);
        host.AdvanceTo(dispatchedAt + TimeSpan.FromMinutes(15));
        var atDue = await host.Ticket("T1").GetAsync(Agent);
        host.AdvanceTo(dispatchedAt + TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var after = await host.Ticket("T1").GetAsync(Agent);

        Assert.Equal(dispatchedAt + TimeSpan.FromMinutes(15), dispatched.SignDeadline);
        Assert.Equal(DeadlineStatus.OnTime, dispatched.SignStatus);
        Assert.Equal(DeadlineStatus.OnTime, before80.SignStatus);
        Assert.Equal(DeadlineStatus.Warning, at80.SignStatus);
        Assert.Equal(DeadlineStatus.Warning, atDue.SignStatus);
        Assert.Equal(DeadlineStatus.Overdue, after.SignStatus);
        Assert.Equal(dispatchedAt + TimeSpan.FromHours(2), after.HandleDeadline);
        Assert.Equal(DeadlineStatus.OnTime, after.HandleStatus);
    }

    [Fact]
    public async Task Claim_EmergencyTicket_SignDeadlineStopsRunning()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1", Urgency.Emergency);
        await host.DispatchAsync("T1", "D01");
        await host.Ticket("T1").ClaimAsync(new ClaimTicket(D01));

        host.Time.Advance(TimeSpan.FromMinutes(30));
        var view = await host.Ticket("T1").GetAsync(Agent);

        Assert.Equal(DeadlineStatus.None, view.SignStatus);
        Assert.Equal(DeadlineStatus.OnTime, view.HandleStatus);
    }

    [Fact]
    public async Task Dispatch_NormalOnFriday_HandleDeadlineCountsDepartmentWorkingDaysAcrossWeekend()
    {
        await using var host = await StartAsync();
        var friday15 = new DateTimeOffset(2026, 11, 27, 15, 0, 0, Shanghai);
        host.AdvanceTo(friday15);
        await host.CreateAsync("T1");

        var dispatched = await host.DispatchAsync("T1", "D01"); // D01 allows 5 working days.
        host.AdvanceTo(new DateTimeOffset(2026, 12, 3, 12, 0, 0, Shanghai));
        var thursdayNoon = await host.Ticket("T1").GetAsync(Agent);
        host.AdvanceTo(new DateTimeOffset(2026, 12, 3, 15, 0, 0, Shanghai));
        var thursday15 = await host.Ticket("T1").GetAsync(Agent);
        host.AdvanceTo(new DateTimeOffset(2026, 12, 4, 15, 0, 1, Shanghai));
        var fridayAfterDue = await host.Ticket("T1").GetAsync(Agent);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, Shanghai), dispatched.SignDeadline);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 15, 0, 0, Shanghai), dispatched.HandleDeadline);

        // 93 of 120 working hours used, as the weekend does not count; in calendar time (141 of 168 h) it would warn.
        Assert.Equal(DeadlineStatus.OnTime, thursdayNoon.HandleStatus);

        // 96 of 120 working hours: exactly 80%.
        Assert.Equal(DeadlineStatus.Warning, thursday15.HandleStatus);
        Assert.Equal(DeadlineStatus.Overdue, fridayAfterDue.HandleStatus);
        Assert.Equal(DeadlineStatus.Overdue, fridayAfterDue.SignStatus);
    }

    [Fact]
    public async Task Dispatch_NormalToDepartmentWithOtherLimit_UsesThatDepartmentsDays()
    {
        await using var host = await StartAsync();
        var friday15 = new DateTimeOffset(2026, 11, 27, 15, 0, 0, Shanghai);
        host.AdvanceTo(friday15);
        await host.CreateAsync("T1");

        var dispatched = await host.DispatchAsync("T1", "D02"); // D02 allows 3 working days.

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 15, 0, 0, Shanghai), dispatched.HandleDeadline);
    }
}
