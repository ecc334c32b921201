using Hotline.Contracts.Reports;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Calls;

/// <summary>A report sheet as the Supervision.GetReport response: figures keyed by their ids, absent where they have no value.</summary>
internal static class ReportMessages
{
    public static V1.GetReportResponse ToMessage(ReportSheet sheet)
    {
        var response = new V1.GetReportResponse { Start = sheet.Start, End = sheet.End, Breakdown = sheet.Breakdown, Total = Row(sheet, sheet.Total) };
        response.Definitions.AddRange(sheet.Figures.Select(f => new V1.ReportFigureDefinition { Id = f.Id, Name = f.Name, Definition = f.Definition, Percent = f.Percent }));
        response.Rows.AddRange(sheet.Rows.Select(r => Row(sheet, r)));
        response.Trend.AddRange(sheet.Trend.Select(r => Row(sheet, r)));
        return response;
    }

    private static V1.ReportRow Row(ReportSheet sheet, ReportSheetLine line)
    {
        var row = new V1.ReportRow { Key = line.Key };
        for (var i = 0; i < sheet.Figures.Count; i++)
        {
            if (line.Values[i] is { } value)
            {
                row.Figures[sheet.Figures[i].Id] = value;
            }
        }

        return row;
    }
}
