using MiniExcelLibs;

namespace Hotline.Silo.Reports;

/// <summary>The report as an .xlsx workbook: sheet 报表 (the table, numbers as numbers) and sheet 指标定义 (the definitions).</summary>
internal static class ReportXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync(Report report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var keyTitle = ReportTable.KeyTitle(report.Breakdown);
        var table = ReportTable.Lines(report).Select(line =>
        {
            var cells = new Dictionary<string, object?> { [keyTitle] = line.Label };
            foreach (var definition in ReportDefinitions.All)
            {
                cells[definition.Name] = line.Row[definition.Figure] is { } value ? Math.Round(value, 6) : null;
            }

            return cells;
        }).ToList();
        var definitions = ReportDefinitions.All.Select(d => new Dictionary<string, object?> { ["指标"] = d.Name, ["字段"] = d.Id, ["口径"] = d.Definition }).ToList();
        var sheets = new Dictionary<string, object> { ["报表"] = table, ["指标定义"] = definitions };

        // MiniExcel writes synchronously to a seekable stream; buffer, then copy to the response.
        using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(sheets, cancellationToken: cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }
}
