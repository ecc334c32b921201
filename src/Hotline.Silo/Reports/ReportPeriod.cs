using System.Globalization;

namespace Hotline.Silo.Reports;

/// <summary>Whole local days from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
internal sealed record ReportPeriod(ReportPeriodKind Kind, DateOnly Start, DateOnly End)
{
    /// <summary>The longest custom range: two years of daily rows is still a small query.</summary>
    public const int MaxDays = 731;

    public int Days => End.DayNumber - Start.DayNumber;

    public IEnumerable<DateOnly> EachDay()
    {
        for (var day = Start; day < End; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>The period of the kind that contains <paramref name="date"/>.</summary>
    public static ReportPeriod Containing(ReportPeriodKind kind, DateOnly date) => kind switch
    {
        ReportPeriodKind.Day => new(kind, date, date.AddDays(1)),
        ReportPeriodKind.Week => WeekOf(date),
        ReportPeriodKind.Month => new(kind, new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1)),
        _ => throw new ArgumentException("a custom period needs 'from' and 'to'", nameof(kind)),
    };

    /// <summary>From <paramref name="from"/> to <paramref name="to"/>, both inclusive, as a person writes a range.</summary>
    public static ReportPeriod Custom(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ReportRequestException("to", $"the range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        var period = new ReportPeriod(ReportPeriodKind.Custom, from, to.AddDays(1));
        return period.Days <= MaxDays ? period : throw new ReportRequestException("to", $"a custom range covers at most {MaxDays} days, not {period.Days}.");
    }

    /// <summary>Reads a request's period, date, from and to (dates as yyyy-MM-dd); <paramref name="today"/> when no date is given.</summary>
    public static ReportPeriod Parse(string? period, string? date, string? from, string? to, DateOnly today)
    {
        var kind = ParseKind(period);
        if (kind == ReportPeriodKind.Custom)
        {
            return Custom(ParseDate("from", from) ?? throw new ReportRequestException("from", "a custom period needs 'from' (yyyy-MM-dd)."),
                ParseDate("to", to) ?? throw new ReportRequestException("to", "a custom period needs 'to' (yyyy-MM-dd)."));
        }

        return Containing(kind, ParseDate("date", date) ?? today);
    }

    private static ReportPeriodKind ParseKind(string? period) => period?.Trim().ToLowerInvariant() switch
    {
        null or "" or "day" => ReportPeriodKind.Day,
        "week" => ReportPeriodKind.Week,
        "month" => ReportPeriodKind.Month,
        "custom" => ReportPeriodKind.Custom,
        _ => throw new ReportRequestException("period", $"'{period}' is not a period; use day, week, month or custom."),
    };

    private static DateOnly? ParseDate(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ReportRequestException(field, $"'{text}' is not a date (yyyy-MM-dd).");
    }

    private static ReportPeriod WeekOf(DateOnly date)
    {
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        return new(ReportPeriodKind.Week, monday, monday.AddDays(7));
    }
}
