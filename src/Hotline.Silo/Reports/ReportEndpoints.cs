using System.Security.Claims;
using Hotline.Silo.Staff;
using Hotline.Silo.WebConsole;

namespace Hotline.Silo.Reports;

/// <summary>
/// The reports on the HTTP port: JSON at /api/reports, CSV and .xlsx exports beside it, the definitions, and the
/// /reports page (<see cref="ReportPage"/>). Supervisors see every row; a department only its own row of the
/// department breakdown. Query: period (day|week|month|custom), date or from/to (yyyy-MM-dd), breakdown.
/// </summary>
internal static class ReportEndpoints
{
    public static void MapReports(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/reports").RequireAuthorization(ReportPolicies.Readers);
        api.MapGet("", async (HttpContext context, ReportService reports) =>
            await AnswerAsync(context, reports, report => Results.Json(ReportJson.Write(report))));
        api.MapGet("/export.csv", async (HttpContext context, ReportService reports) =>
            await AnswerAsync(context, reports, report => Results.File(ReportCsv.Write(report), "text/csv; charset=utf-8", FileName(report, "csv"))));
        api.MapGet("/export.xlsx", async (HttpContext context, ReportService reports) =>
            await AnswerAsync(context, reports, report => Results.Stream(
                stream => ReportXlsx.WriteAsync(report, stream, context.RequestAborted), ReportXlsx.ContentType, FileName(report, "xlsx"))));
        api.MapGet("/definitions", () => Results.Json(ReportJson.Definitions()));
        endpoints.MapReportPage();
    }

    private static async Task<IResult> AnswerAsync(HttpContext context, ReportService reports, Func<Report, IResult> answer)
    {
        var query = context.Request.Query;
        var department = context.User.IsInRole(ReportPolicies.DepartmentRole) ? context.User.FindFirstValue(ClaimTypes.NameIdentifier)
            : context.User.IsInRole(nameof(ConsoleRole.Liaison)) ? context.User.FindFirstValue(ConsoleSchemes.DepartmentClaim)
            : null;
        try
        {
            var period = ReportPeriod.Parse(query["period"], query["date"], query["from"], query["to"], reports.Today);
            var breakdown = ParseBreakdown(query["breakdown"], department is null ? ReportDimension.Category : ReportDimension.Department);
            if (department is not null && breakdown != ReportDimension.Department)
            {
                return Results.Json(new { field = "breakdown", error = "a department sees only its own row of the department breakdown." }, statusCode: StatusCodes.Status403Forbidden);
            }

            return answer(await reports.GetAsync(period, breakdown, department, context.RequestAborted));
        }
        catch (ReportRequestException error)
        {
            return Results.Json(new { field = error.Field, error = error.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    public static ReportDimension ParseBreakdown(string? text, ReportDimension fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return Enum.TryParse<ReportDimension>(text.Trim(), ignoreCase: true, out var dimension) && dimension != ReportDimension.All
            && Enum.IsDefined(dimension) && !int.TryParse(text, out _)
            ? dimension
            : throw new ReportRequestException("breakdown", $"'{text}' is not a breakdown; use department, category, district, agent or queue.");
    }

    private static string FileName(Report report, string extension) =>
        $"report-{ReportSnapshotStore.Dimension(report.Breakdown)}-{report.Period.Start:yyyyMMdd}-{report.Period.End.AddDays(-1):yyyyMMdd}.{extension}";
}
