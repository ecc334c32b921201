namespace Hotline.Silo.Calendar;

/// <summary>
/// The work calendar, bound from configuration section "Calendar". A working day is Monday–Friday,
/// minus <see cref="Holidays"/>, plus <see cref="MakeUpWorkdays"/> (调休 weekends that are worked).
/// Dates are "yyyy-MM-dd" in the calendar's time zone.
/// </summary>
internal sealed class CalendarOptions
{
    public const string SectionName = "Calendar";

    /// <summary>IANA id of the zone whose midnights bound the days. Default Asia/Shanghai (UTC+8, no DST).</summary>
    public string TimeZoneId { get; set; } = "Asia/Shanghai";

    /// <summary>Days off. Null (not configured) means the built-in 2026 mainland list, <see cref="ChineseHolidays2026"/>.</summary>
    public DateOnly[]? Holidays { get; set; }

    /// <summary>Weekend days that are worked (调休). Null means the built-in 2026 mainland list.</summary>
    public DateOnly[]? MakeUpWorkdays { get; set; }
}
