using System.Globalization;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// Local hours in which nobody is called (Schedule:QuietHours, default 21:00–08:00). The window may wrap
/// past midnight; its start is quiet, its end is not. Plain code on instants and a time zone.
/// </summary>
internal sealed class QuietHours
{
    private readonly TimeOnly _start;
    private readonly TimeOnly _end;
    private readonly bool _none;

    private QuietHours(TimeOnly start, TimeOnly end, bool none)
    {
        _start = start;
        _end = end;
        _none = none;
    }

    public static QuietHours None { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue, none: true);

    /// <summary>"HH:mm-HH:mm", or empty for none; equal ends are refused (all day quiet would never call).</summary>
    public static bool TryParse(string? text, out QuietHours hours)
    {
        hours = None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || start == end)
        {
            return false;
        }

        hours = new QuietHours(start, end, none: false);
        return true;
    }

    public static QuietHours Parse(string? text) =>
        TryParse(text, out var hours) ? hours : throw new FormatException($"'{text}' is not HH:mm-HH:mm");

    public bool IsQuiet(DateTimeOffset instant, TimeZoneInfo zone)
    {
        if (_none)
        {
            return false;
        }

        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return _start < _end ? local >= _start && local < _end : local >= _start || local < _end;
    }

    /// <summary>The instant itself when it is not quiet, else the end of the quiet window it falls in.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!IsQuiet(instant, zone))
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= _end)
        {
            // Before midnight in a window that wraps: it ends tomorrow.
            date = date.AddDays(1);
        }

        var end = date.ToDateTime(_end, DateTimeKind.Unspecified);
        return new DateTimeOffset(end, zone.GetUtcOffset(end));
    }
}
