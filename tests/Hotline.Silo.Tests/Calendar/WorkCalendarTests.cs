using Hotline.Silo.Calendar;

namespace Hotline.Silo.Tests.Calendar;

public sealed class WorkCalendarTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly WorkCalendar _calendar = new(new CalendarOptions());

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Shanghai);

    [Theory]
    [InlineData(11, 23, true)]   // Monday
    [InlineData(11, 27, true)]   // Friday
    [InlineData(11, 28, false)]  // Saturday
    [InlineData(11, 29, false)]  // Sunday
    [InlineData(10, 1, false)]   // 国庆 on a Thursday
    [InlineData(10, 8, true)]    // first day back
    [InlineData(10, 10, true)]   // 调休 Saturday
    [InlineData(9, 20, true)]    // 调休 Sunday
    [InlineData(2, 14, true)]    // 调休 Saturday before 春节
    [InlineData(2, 23, false)]   // 春节 on a Monday
    [InlineData(1, 4, true)]     // 调休 Sunday after 元旦
    public void IsWorkingDay_Defaults2026_FollowsWeekendsHolidaysAndMakeUpDays(int month, int day, bool expected)
    {
        Assert.Equal(expected, _calendar.IsWorkingDay(new DateOnly(2026, month, day)));
    }

    [Fact]
    public void AddWorkingDays_WithinWeek_SameTimeNextDay()
    {
        Assert.Equal(At(11, 24, 10), _calendar.AddWorkingDays(At(11, 23, 10), 1));
    }

    [Fact]
    public void AddWorkingDays_FridayAfternoon_SkipsWeekend()
    {
        Assert.Equal(At(11, 30, 17), _calendar.AddWorkingDays(At(11, 27, 17), 1));
    }

    [Fact]
    public void AddWorkingDays_StartOnSaturday_EndsAtEndOfMonday()
    {
        Assert.Equal(At(12, 1, 0), _calendar.AddWorkingDays(At(11, 28, 10), 1));
    }

    [Fact]
    public void AddWorkingDays_FromMidnightOfWorkingDay_EndsAtItsEnd()
    {
        Assert.Equal(At(11, 24, 0), _calendar.AddWorkingDays(At(11, 23, 0), 1));
    }

    [Fact]
    public void AddWorkingDays_BeforeNationalDay_LandsAfterHoliday()
    {
        // Wed 30 Sep → 1–7 Oct off → Thu 8 Oct.
        Assert.Equal(At(10, 8, 10), _calendar.AddWorkingDays(At(9, 30, 10), 1));
    }

    [Fact]
    public void AddWorkingDays_IntoMakeUpSaturday_CountsIt()
    {
        // Fri 9 Oct + 1 → Sat 10 Oct is worked (调休).
        Assert.Equal(At(10, 10, 10), _calendar.AddWorkingDays(At(10, 9, 10), 1));
    }

    [Fact]
    public void AddWorkingDays_AcrossSpringFestival_SkipsNineDays()
    {
        // Sat 14 Feb is worked; 15–23 Feb off; Tue 24 Feb.
        Assert.Equal(At(2, 24, 10), _calendar.AddWorkingDays(At(2, 14, 10), 1));
        Assert.Equal(At(2, 14, 10), _calendar.AddWorkingDays(At(2, 13, 10), 1));
    }

    [Fact]
    public void AddWorkingDays_FiveDaysOverWeekend_IsOneCalendarWeek()
    {
        Assert.Equal(At(11, 30, 10), _calendar.AddWorkingDays(At(11, 23, 10), 5));
    }

    [Fact]
    public void AddWorkingDays_Zero_ReturnsStart()
    {
        Assert.Equal(At(11, 28, 10), _calendar.AddWorkingDays(At(11, 28, 10), 0));
    }

    [Fact]
    public void AddWorkingTime_UtcInput_UsesShanghaiDayBoundaries()
    {
        // 16:30Z Friday is 00:30 Saturday in Shanghai: no working time until Monday 00:00 local.
        var start = new DateTimeOffset(2026, 11, 27, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal(At(11, 30, 2), _calendar.AddWorkingTime(start, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void AddWorkingTime_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingTime(At(11, 23, 10), TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public void WorkingTimeBetween_AcrossWeekend_CountsOnlyWorkingDays()
    {
        // Fri 17:00 → Mon 09:00: 7 h of Friday + 9 h of Monday.
        Assert.Equal(TimeSpan.FromHours(16), _calendar.WorkingTimeBetween(At(11, 27, 17), At(11, 30, 9)));
    }

    [Fact]
    public void WorkingTimeBetween_InsideHoliday_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, _calendar.WorkingTimeBetween(At(10, 2, 9), At(10, 6, 18)));
    }

    [Fact]
    public void WorkingTimeBetween_Reversed_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, _calendar.WorkingTimeBetween(At(11, 24, 10), At(11, 23, 10)));
    }

    [Fact]
    public void WorkingTimeBetween_InvertsAddWorkingTime()
    {
        var start = At(9, 29, 13, 17);
        var end = _calendar.AddWorkingTime(start, TimeSpan.FromHours(61.5));
        Assert.Equal(TimeSpan.FromHours(61.5), _calendar.WorkingTimeBetween(start, end));
    }

    [Fact]
    public void Constructor_ConfiguredLists_ReplaceDefaults()
    {
        var calendar = new WorkCalendar(new CalendarOptions
        {
            Holidays = [new DateOnly(2026, 11, 24)],
            MakeUpWorkdays = [new DateOnly(2026, 11, 28)],
        });

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 24)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 11, 28)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.Equal(At(11, 25, 10), calendar.AddWorkingDays(At(11, 23, 10), 1));
    }

    [Fact]
    public void AddWorkingDays_NoWorkingDayAtAll_ThrowsInsteadOfLooping()
    {
        var calendar = new WorkCalendar(new CalendarOptions { Holidays = [.. Enumerable.Range(0, 4000).Select(i => new DateOnly(2026, 1, 1).AddDays(i))], MakeUpWorkdays = [] });
        Assert.Throws<InvalidOperationException>(() => calendar.AddWorkingDays(At(1, 1, 0), 1));
    }
}
