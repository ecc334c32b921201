namespace Hotline.Silo.Calendar;

/// <summary>
/// Mainland China's 2026 public holidays and make-up working days (国务院办公厅 notice of 2025-11-04),
/// the calendar's defaults. Each holiday run is listed in full, weekend days included.
/// </summary>
internal static class ChineseHolidays2026
{
    public static IReadOnlyList<DateOnly> Holidays { get; } =
    [
        .. Run(2026, 1, 1, 3),   // 元旦
        .. Run(2026, 2, 15, 9),  // 春节
        .. Run(2026, 4, 4, 3),   // 清明节
        .. Run(2026, 5, 1, 5),   // 劳动节
        .. Run(2026, 6, 19, 3),  // 端午节
        .. Run(2026, 9, 25, 3),  // 中秋节
        .. Run(2026, 10, 1, 7),  // 国庆节
    ];

    public static IReadOnlyList<DateOnly> MakeUpWorkdays { get; } =
    [
        new(2026, 1, 4),
        new(2026, 2, 14),
        new(2026, 2, 28),
        new(2026, 5, 9),
        new(2026, 9, 20),
        new(2026, 10, 10),
    ];

    private static IEnumerable<DateOnly> Run(int year, int month, int day, int days) =>
        Enumerable.Range(0, days).Select(i => new DateOnly(year, month, day).AddDays(i));
}
