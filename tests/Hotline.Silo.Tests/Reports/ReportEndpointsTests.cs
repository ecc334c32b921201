using System.Net;
using System.Text;
using System.Text.Json;
using Hotline.Silo.Reports;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Hotline.Silo.Tests.Reports;

public sealed class ReportEndpointsTests
{
    [Fact]
    public async Task Json_Supervisor_HandComputedFiguresFromFilledSnapshots()
    {
        await using var host = await ReportHost.StartAsync();

        using var response = await host.GetAsync("/api/reports?" + ReportHost.TwoDays + "&breakdown=department", host.Supervisor);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var total = root.GetProperty("total").GetProperty("figures");
        Assert.Equal(4, total.GetProperty("tickets_created").GetDouble());
        Assert.Equal(0.75, total.GetProperty("answer_rate").GetDouble());
        Assert.Equal(0.666667, total.GetProperty("satisfaction_rate").GetDouble());
        Assert.Equal(16.333333, total.GetProperty("asa_seconds").GetDouble());
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["D1", "D2"], rows.Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(0.85, rows[0].GetProperty("figures").GetProperty("three_rate_score").GetDouble());
        Assert.Equal(2, total.GetProperty("overdue_unreplied").GetDouble());
        Assert.Equal([1.0, 1.0], rows.Select(r => r.GetProperty("figures").GetProperty("overdue_unreplied").GetDouble()));
        Assert.Equal(2, root.GetProperty("trend").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("figures").GetProperty("answer_rate").ValueKind);

        // Both closed days were filled on demand and are read from the snapshot from now on.
        var store = host.Host.App.Services.GetRequiredService<ReportSnapshotStore>();
        var filled = await store.FilledDaysAsync(ReportFixture.Day1, ReportFixture.Day2.AddDays(1), CancellationToken.None);
        Assert.Equal([ReportFixture.Day1, ReportFixture.Day2], filled.Order());
    }

    [Fact]
    public async Task Json_ByCaller_DepartmentSeesOnlyItsRowOthersRefused()
    {
        await using var host = await ReportHost.StartAsync();

        using var department = await host.GetAsync("/api/reports?" + ReportHost.TwoDays, host.DepartmentD2);
        using var departmentOther = await host.GetAsync("/api/reports?" + ReportHost.TwoDays + "&breakdown=category", host.DepartmentD2);
        using var anonymous = await host.GetAsync("/api/reports?" + ReportHost.TwoDays, null);
        using var agent = await host.GetAsync("/api/reports?" + ReportHost.TwoDays, host.Agent);
        using var anonymousCsv = await host.GetAsync("/api/reports/export.csv", null);
        using var anonymousPage = await host.GetAsync("/reports", null);

        Assert.Equal(HttpStatusCode.OK, department.StatusCode);
        using var json = JsonDocument.Parse(await department.Content.ReadAsStringAsync());
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["D2"], rows.Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("total").ValueKind);
        Assert.Equal(0, json.RootElement.GetProperty("trend").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, departmentOther.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousCsv.StatusCode);
        // Pages send an anonymous browser to the console's sign-in page; JSON answers 401.
        Assert.Equal("/", anonymousPage.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [InlineData("period=year", "period")]
    [InlineData("period=custom&from=2026-03-05&to=2026-03-01", "to")]
    [InlineData("date=yesterday", "date")]
    [InlineData("breakdown=street", "breakdown")]
    [InlineData("breakdown=1", "breakdown")]
    public async Task Json_BadQuery_400NamingTheField(string query, string field)
    {
        await using var host = await ReportHost.StartAsync();

        using var response = await host.GetAsync("/api/reports?" + query, host.Supervisor);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, json.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Exports_CsvAndXlsx_HoldTheTableFigures()
    {
        await using var host = await ReportHost.StartAsync();

        using var csv = await host.GetAsync("/api/reports/export.csv?" + ReportHost.TwoDays + "&breakdown=department", host.Supervisor);
        using var xlsx = await host.GetAsync("/api/reports/export.xlsx?" + ReportHost.TwoDays + "&breakdown=department", host.Supervisor);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
        var lines = Encoding.UTF8.GetString(csvBytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal("部门", header[0]);
        var satisfaction = Array.IndexOf(header, "满意率");
        var created = Array.IndexOf(header, "受理工单量");
        Assert.Equal(["D1", "D2", "合计"], lines[1..].Select(l => l.Split(',')[0]));
        Assert.Equal("0.6667", lines[3].Split(',')[satisfaction]);
        Assert.Equal("4", lines[3].Split(',')[created]);
        var overdueUnreplied = Array.IndexOf(header, "超期未办结");
        Assert.Equal(["1", "1", "2"], lines[1..].Select(l => l.Split(',')[overdueUnreplied]));

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(ReportXlsx.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["报表", "指标定义"], workbook.GetSheetNames());
        var sheet = workbook.Query(useHeaderRow: true, sheetName: "报表").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["D1", "D2", "合计"], sheet.Select(r => r["部门"]?.ToString()));
        Assert.Equal(0.85, Convert.ToDouble(sheet[0]["三率综合得分"], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(4, Convert.ToDouble(sheet[2]["受理工单量"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([1.0, 1.0, 2.0], sheet.Select(r => Convert.ToDouble(r["超期未办结"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Page_Supervisor_ServedWithContentSecurityPolicyAndEcharts()
    {
        await using var host = await ReportHost.StartAsync();

        using var page = await host.GetAsync("/reports", host.Supervisor);
        using var echarts = await host.GetAsync("/reports/echarts.min.js", host.Supervisor);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("热线运营报表", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, echarts.StatusCode);
        Assert.True((await echarts.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }
}
