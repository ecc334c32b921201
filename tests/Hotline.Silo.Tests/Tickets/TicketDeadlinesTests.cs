using Hotline.Contracts.Tickets;
using Hotline.Silo.Tests.Fakes;

namespace Hotline.Silo.Tests.Tickets;

public sealed class TicketDeadlinesTests
{
    [Theory]
    [InlineData(Urgency.Emergency, 15)]
    [InlineData(Urgency.Utility, 30)]
    public void Dispatch_UrgentOnSaturdayNight_SignDeadlineInCalendarMinutes(Urgency urgency, int minutes)
    {
        var saturdayNight = new DateTimeOffset(2026, 11, 28, 23, 50, 0, TimeSpan.FromHours(8));
        var scenario = new TicketScenario { Now = saturdayNight }.Create(urgency).Dispatch();

        Assert.Equal(saturdayNight.AddMinutes(minutes), scenario.View.SignDeadline);
    }

    [Theory]
    [InlineData(Urgency.Emergency, 2)]
    [InlineData(Urgency.Utility, 24)]
    public void Dispatch_Urgent_HandleDeadlineInCalendarHours(Urgency urgency, int hours)
    {
        var scenario = new TicketScenario().Create(urgency).Dispatch();

        Assert.Equal(TicketScenario.Monday10.AddHours(hours), scenario.View.HandleDeadline);
    }

    [Fact]
    public void Dispatch_NormalOnFriday_SignByMondayAndHandleInDepartmentWorkingDays()
    {
        var friday = new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.FromHours(8));
        var scenario = new TicketScenario { Now = friday }.Create().Dispatch("D02");

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.FromHours(8)), scenario.View.SignDeadline);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.FromHours(8)), scenario.View.HandleDeadline);
    }

    [Fact]
    public void Dispatch_DepartmentWithoutLimit_UsesDefaultWorkingDays()
    {
        var scenario = new TicketScenario();
        scenario.Known["D09"] = new("D09", "未配置时限", 0);
        scenario.Create().Dispatch("D09");

        Assert.Equal(TicketScenario.Monday10.AddDays(7), scenario.View.HandleDeadline);
    }

    [Fact]
    public void SignStatus_EmergencyAt79And80PercentAndPastDue_OnTimeWarningOverdue()
    {
        var clock = new FakeTimeProvider(TicketScenario.Monday10);
        var scenario = new TicketScenario().Create(Urgency.Emergency).Dispatch();

        clock.Advance(TimeSpan.FromSeconds(711)); // 79% of 15 min
        Assert.Equal(DeadlineStatus.OnTime, scenario.Views.Full(scenario.State, clock.GetUtcNow()).SignStatus);
        clock.Advance(TimeSpan.FromSeconds(9));   // 80%
        Assert.Equal(DeadlineStatus.Warning, scenario.Views.Full(scenario.State, clock.GetUtcNow()).SignStatus);
        clock.Advance(TimeSpan.FromSeconds(180)); // exactly due
        Assert.Equal(DeadlineStatus.Warning, scenario.Views.Full(scenario.State, clock.GetUtcNow()).SignStatus);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(DeadlineStatus.Overdue, scenario.Views.Full(scenario.State, clock.GetUtcNow()).SignStatus);
    }

    [Fact]
    public void HandleStatus_NormalMeasuredInWorkingTime_WeekendDoesNotCount()
    {
        // D01: 5 working days from Monday 10:00 → next Monday 10:00; 80% = 4 working days = Friday 10:00.
        var clock = new FakeTimeProvider(TicketScenario.Monday10);
        var scenario = new TicketScenario().Create().Dispatch();
        scenario.Claim();

        clock.SetTo(new DateTimeOffset(2026, 11, 27, 9, 59, 0, TimeSpan.FromHours(8)));
        Assert.Equal(DeadlineStatus.OnTime, scenario.Views.Full(scenario.State, clock.GetUtcNow()).HandleStatus);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(DeadlineStatus.Warning, scenario.Views.Full(scenario.State, clock.GetUtcNow()).HandleStatus);
        clock.SetTo(new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(DeadlineStatus.Warning, scenario.Views.Full(scenario.State, clock.GetUtcNow()).HandleStatus);
        clock.SetTo(new DateTimeOffset(2026, 11, 30, 10, 0, 1, TimeSpan.FromHours(8)));
        Assert.Equal(DeadlineStatus.Overdue, scenario.Views.Full(scenario.State, clock.GetUtcNow()).HandleStatus);
    }

    [Fact]
    public void Statuses_BeforeDispatchAndAfterReply_None()
    {
        var scenario = new TicketScenario().Create();
        Assert.Equal(DeadlineStatus.None, scenario.View.SignStatus);
        Assert.Equal(DeadlineStatus.None, scenario.View.HandleStatus);

        scenario.Dispatch().Claim();
        Assert.Equal(DeadlineStatus.None, scenario.View.SignStatus);
        Assert.Equal(DeadlineStatus.OnTime, scenario.View.HandleStatus);

        scenario.Reply();
        Assert.Equal(DeadlineStatus.None, scenario.View.HandleStatus);
    }

    [Fact]
    public void SignStatus_CustomWarningFraction_Honoured()
    {
        var scenario = new TicketScenario(new Silo.Tickets.TicketOptions { WarningFraction = 0.5 }).Create(Urgency.Emergency).Dispatch();

        Assert.Equal(DeadlineStatus.OnTime, scenario.Views.Full(scenario.State, TicketScenario.Monday10.AddSeconds(449)).SignStatus);
        Assert.Equal(DeadlineStatus.Warning, scenario.Views.Full(scenario.State, TicketScenario.Monday10.AddSeconds(450)).SignStatus);
    }
}
