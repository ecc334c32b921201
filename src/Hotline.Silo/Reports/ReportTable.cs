using System.Globalization;

namespace Hotline.Silo.Reports;

/// <summary>
/// A report as the table every export shows: the key column, then one column per figure; the total row last.
/// CSV, xlsx and the page's table all come from here, so they always agree.
/// </summary>
internal static class ReportTable
{
    public static string KeyTitle(ReportDimension breakdown) => breakdown switch
    {
        ReportDimension.Department => "部门",
        ReportDimension.Category => "诉求类别",
        ReportDimension.District => "区域",
        ReportDimension.Agent => "座席",
        ReportDimension.Queue => "队列",
        _ => "日期",
    };

    public const string TotalLabel = "合计";

    /// <summary>Rows in display order with their first cell's text.</summary>
    public static IEnumerable<(string Label, ReportRow Row)> Lines(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var row in report.Rows)
        {
            yield return (row.Key, row);
        }

        if (report.Total is { } total)
        {
            yield return (TotalLabel, total);
        }
    }

    /// <summary>A figure as exported: counts whole, rates and seconds to four decimals, invariant; empty when it has no value.</summary>
    public static string Format(double? value) =>
        value is not { } v ? "" : v == Math.Floor(v) && Math.Abs(v) < 1e15 ? ((long)v).ToString(CultureInfo.InvariantCulture) : Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
