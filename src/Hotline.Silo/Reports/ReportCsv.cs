using System.Text;

namespace Hotline.Silo.Reports;

/// <summary>
/// RFC 4180 CSV of a report, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese titles.
/// A cell a spreadsheet would run as a formula (starting with = + - @) is prefixed with ' (OWASP CSV injection).
/// </summary>
internal static class ReportCsv
{
    public static byte[] Write(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        AppendLine(text, [ReportTable.KeyTitle(report.Breakdown), .. ReportDefinitions.All.Select(d => d.Name)]);
        foreach (var (label, row) in ReportTable.Lines(report))
        {
            AppendLine(text, [label, .. row.Figures.Select(ReportTable.Format)]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var cell = cells[i];
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' && !double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                cell = "'" + cell;
            }

            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(cell);
            }
        }

        text.Append("\r\n");
    }
}
