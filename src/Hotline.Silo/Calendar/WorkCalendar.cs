namespace Hotline.Silo.Calendar;

/// <summary>
/// Working-time arithmetic. A working day counts whole (midnight to midnight in the calendar's zone);
/// office hours are not modelled because the published limits (签收 1 个工作日, 办理 N 个工作日) are in
/// days and departments' systems sign around the clock. So "1 working day" from Friday 17:00 is Monday
/// 17:00, and from Saturday 10:00 it is the end of Monday. Results are exact to the tick.
/// </summary>
internal sealed class WorkCalendar
{
    // A calendar with no working day in ten years is misconfigured; stop instead of looping forever.
    private const int MaxDaysScanned = 3660;

    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;

    public WorkCalendar(CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TimeZone = ResolveZone(options.TimeZoneId);
        _holidays = [.. options.Holidays ?? ChineseHolidays2026.Holidays];
        _makeUpWorkdays = [.. options.MakeUpWorkdays ?? ChineseHolidays2026.MakeUpWorkdays];
    }

    public TimeZoneInfo TimeZone { get; }

    public bool IsWorkingDay(DateOnly date) =>
        _makeUpWorkdays.Contains(date)
        || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date));

    /// <summary>The local date an instant falls on.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>Local midnight at the start of a date, as an instant.</summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return AddWorkingTime(start, TimeSpan.FromDays(days));
    }

    /// <summary>The instant at which <paramref name="amount"/> of working time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        if (amount == TimeSpan.Zero)
        {
            return start;
        }

        var remaining = amount;
        var at = start;
        for (var scanned = 0; scanned < MaxDaysScanned; scanned++)
        {
            var date = DateOf(at);
            var dayEnd = StartOf(date.AddDays(1));
            if (IsWorkingDay(date))
            {
                var available = dayEnd - at;
                if (remaining <= available)
                {
                    return TimeZoneInfo.ConvertTime(at + remaining, TimeZone);
                }

                remaining -= available;
            }

            at = dayEnd;
        }

        throw new InvalidOperationException($"the work calendar has no working day within {MaxDaysScanned} days of {start:O}");
    }

    /// <summary>Working time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        var at = from;
        while (at < to)
        {
            var date = DateOf(at);
            var dayEnd = StartOf(date.AddDays(1));
            var end = dayEnd < to ? dayEnd : to;
            if (IsWorkingDay(date))
            {
                total += end - at;
            }

            at = end;
        }

        return total;
    }

    private static TimeZoneInfo ResolveZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == "Asia/Shanghai")
        {
            // Hosts without tzdata still get the default right: China has kept UTC+8 without DST since 1991.
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}
