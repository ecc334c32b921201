using Hotline.Contracts.Tickets;
using Hotline.Silo.Calendar;
using Hotline.Silo.Tickets;
using Hotline.Silo.Tickets.Alarms;
using Hotline.Silo.Tickets.Events;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>When alarms fall due, on the 2026 calendar (国庆 1–7 October, 调休 Saturday 10 October).</summary>
public sealed class TicketAlarmsTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly WorkCalendar Calendar = new(new CalendarOptions());
    private static readonly TicketAlarms Alarms = new(new TicketOptions(), Calendar);

    [Fact]
    public void Pending_SignDeadlineAcrossNationalDay_WarningAt80PercentOfWorkingTimeAfterTheHolidays()
    {
        var start = new DateTimeOffset(2026, 9, 30, 10, 0, 0, Shanghai);
        var state = Dispatched(new Deadline(start, Calendar.AddWorkingDays(start, 1), WorkingTime: true));

        var sign = Alarms.Pending(state).Where(a => a.Kind == DeadlineKind.Sign).ToDictionary(a => a.Level, a => a.At);

        // 24 working hours: 14 left on 30 September, then 10 on 8 October; 80% is 19.2 h, i.e. 05:12 on the 8th.
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 5, 12, 0, Shanghai), sign[AlarmLevel.Warning]);
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 10, 0, 0, Shanghai), sign[AlarmLevel.Overdue]);
        Assert.Equal(new DateTimeOffset(2026, 10, 9, 10, 0, 0, Shanghai), sign[AlarmLevel.Escalated]);
    }

    [Fact]
    public void Pending_OverdueOnFridayBeforeMakeUpSaturday_EscalatedOnTheSaturday()
    {
        var start = new DateTimeOffset(2026, 10, 9, 14, 45, 0, Shanghai);
        var state = Dispatched(new Deadline(start, start.AddMinutes(15), WorkingTime: false));

        var escalated = Alarms.Pending(state).Single(a => a.Kind == DeadlineKind.Sign && a.Level == AlarmLevel.Escalated);

        Assert.Equal(new DateTimeOffset(2026, 10, 10, 15, 0, 0, Shanghai), escalated.At);
    }

    [Fact]
    public void Due_SweepLateAfterAnOutage_IssuesEveryMissedAlarmInOrder()
    {
        var start = new DateTimeOffset(2026, 11, 23, 10, 0, 0, Shanghai);
        var state = Dispatched(new Deadline(start, start.AddMinutes(15), WorkingTime: false));

        var due = Alarms.Due(state, start.AddHours(1)).Cast<DeadlineAlarmed>().ToList();

        Assert.Equal([AlarmLevel.Warning, AlarmLevel.Overdue], due.Select(a => a.Level));
        Assert.All(due, a => Assert.Equal("D01", a.DepartmentId));
    }

    [Fact]
    public void NextAt_AlarmAlreadyFiredForThisDueTime_IsNotPendingButOneForAMovedDueTimeIs()
    {
        var start = new DateTimeOffset(2026, 11, 23, 10, 0, 0, Shanghai);
        var deadline = new Deadline(start, start.AddMinutes(15), WorkingTime: false);
        var fired = Dispatched(deadline) with
        {
            Alarms = [new FiredAlarm(DeadlineKind.Sign, AlarmLevel.Warning, deadline.Due), new FiredAlarm(DeadlineKind.Sign, AlarmLevel.Overdue, deadline.Due)],
        };
        var moved = fired with { SignDeadline = deadline with { Due = deadline.Due.AddMinutes(30) } };

        Assert.Equal(start.AddMinutes(15), Alarms.NextAt(Dispatched(deadline) with { Alarms = [new FiredAlarm(DeadlineKind.Sign, AlarmLevel.Warning, deadline.Due)] }));
        Assert.Equal(Calendar.AddWorkingDays(deadline.Due, 1), Alarms.NextAt(fired));
        Assert.Equal(start.AddMinutes(36), Alarms.NextAt(moved));
    }

    [Theory]
    [InlineData(TicketState.Returned)]
    [InlineData(TicketState.Replied)]
    [InlineData(TicketState.AwaitingCallback)]
    [InlineData(TicketState.Closed)]
    public void NextAt_TicketNotWaitingOnADepartment_NoAlarm(TicketState state)
    {
        var start = new DateTimeOffset(2026, 11, 23, 10, 0, 0, Shanghai);

        Assert.Null(Alarms.NextAt(Dispatched(new Deadline(start, start.AddMinutes(15), WorkingTime: false)) with { State = state }));
    }

    private static TicketGrainState Dispatched(Deadline sign)
    {
        var at = sign.Start;
        return new TicketGrainState("T1", TicketState.Dispatched, "13812341234", "张三", Category.Complaint, "朝阳区", "建国路1号", "楼道灯坏了", Urgency.Normal, at, at, 2)
        {
            LeadDepartmentId = "D01",
            SignDeadline = sign,
        };
    }
}
