using System.Globalization;
using System.Net;
using System.Text.Json;
using Hotline.Silo.Staff;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.WebConsole;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Hotline.Silo.Tests.Reports;

/// <summary>
/// The reports page in Debian's headless chromium, signed in through the console's form, over the hand-computed
/// <see cref="ReportFixture"/>: the table shows the hand-computed figures, both ECharts charts hold the tables'
/// numbers, and the page's Excel link downloads a workbook holding the same figures.
/// Screenshot: <c>{test output}/screenshots/reports-fixture.png</c>.
/// </summary>
public sealed class ReportBrowserTests
{
    private const string Password = "correct-horse-1";

    [Fact]
    public async Task ReportsPage_Fixture_TableChartsAndXlsxShowTheHandComputedFigures()
    {
        await using var host = await ReportHost.StartAsync();
        await host.Host.App.Services.GetRequiredService<IStaffStore>()
            .AddAsync("boss", ConsoleRole.Supervisor, null, StaffPassword.Hash(Password), default);
        using var browser = ConsoleBrowser.Start(host.Host.HttpBase);
        browser.SignIn("boss", Password);
        await browser.WaitForAsync(() => browser.Driver.Url.EndsWith("/wallboard", StringComparison.Ordinal), "the supervisor's home");

        browser.Open("/reports?" + ReportHost.TwoDays + "&breakdown=department");
        await browser.WaitForAsync(() => browser.Driver.ExecuteScript("return document.body.dataset.loaded === 'true';") is true, "the loaded report");
        var table = ReadTable(browser, "report-table");
        var trendTable = ReadTable(browser, "trend-table");
        var bars = ChartOption(browser, "breakdown-chart");
        var trend = ChartOption(browser, "trend-chart");
        var xlsxLink = (string?)browser.Driver.ExecuteScript("return document.getElementById('xlsx').href;");
        var cookie = browser.Driver.Manage().Cookies.GetCookieNamed("hotline_console");
        browser.Screenshot("reports-fixture");

        // The table, as a person reads it, holds the figures computed by hand in ReportDefinitionsTests.
        var header = table[0];
        Assert.Equal("部门", header[0]);
        Assert.Equal(["D1", "D2", "合计"], table.Skip(1).Select(r => r[0]));
        string Shown(string row, string column) => table.Single(r => r[0] == row)[Array.IndexOf(header, column)];
        Assert.Equal("4", Shown("合计", "呼入量"));
        Assert.Equal("3", Shown("合计", "接通量"));
        Assert.Equal("1", Shown("合计", "放弃量"));
        Assert.Equal("75.0%", Shown("合计", "接通率"));
        Assert.Equal("33.3%", Shown("合计", "15秒接通率"));
        Assert.Equal("16.3", Shown("合计", "平均应答时长(秒)"));
        Assert.Equal("120", Shown("合计", "平均通话时长(秒)"));
        Assert.Equal("50.0%", Shown("合计", "服务水平"));
        Assert.Equal("4", Shown("合计", "受理工单量"));
        Assert.Equal("50.0%", Shown("合计", "直办率"));
        Assert.Equal("2", Shown("合计", "派单量"));
        Assert.Equal("100.0%", Shown("合计", "回访率"));
        Assert.Equal("66.7%", Shown("合计", "满意率"));
        Assert.Equal("2", Shown("D1", "派单量"));
        Assert.Equal("100.0%", Shown("D1", "及时签收率"));
        Assert.Equal("50.0%", Shown("D1", "办结率"));
        Assert.Equal("50.0%", Shown("D1", "退单率"));
        Assert.Equal("85.0%", Shown("D1", "三率综合得分"));
        Assert.Equal("0.0%", Shown("D2", "及时签收率"));
        Assert.Equal("100.0%", Shown("D2", "延期率"));
        Assert.Equal("1", Shown("D2", "超期件"));
        Assert.Equal("1", Shown("D1", "超期未办结"));
        Assert.Equal("1", Shown("D2", "超期未办结"));
        Assert.Equal("2", Shown("合计", "超期未办结"));
        Assert.Contains("办理时限到期时承办部门仍未提交办结回复的工单数", browser.Find("definitions").Text, StringComparison.Ordinal);

        // Every figure the table shows is defined on the page, each with its own text.
        var defined = JsonSerializer.Deserialize<string[]>((string)browser.Driver.ExecuteScript(
            "return JSON.stringify([...document.querySelectorAll('#definitions dt')].filter(t => t.nextElementSibling.textContent.trim().length > 0).map(t => t.textContent));")!)!;
        Assert.All(header.Skip(1), column => Assert.Contains(column, defined));

        // The printable page: the print stylesheet drops the query form and export links, the table and charts stay.
        browser.Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "print" });
        var formShownInPrint = browser.Driver.ExecuteScript("return getComputedStyle(document.getElementById('query')).display !== 'none';");
        var tableShownInPrint = browser.Driver.ExecuteScript("return getComputedStyle(document.getElementById('report-table')).display !== 'none';");
        browser.Screenshot("reports-print");
        browser.Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "" });
        Assert.Equal(false, formShownInPrint);
        Assert.Equal(true, tableShownInPrint);
        Assert.Equal("70.0%", Shown("D2", "三率综合得分"));
        Assert.Equal("—", Shown("D1", "接通率"));

        // The bar chart's numbers are the table's: per department, the three-rate score column.
        Assert.Equal("三率综合得分", bars.GetProperty("series")[0].GetProperty("name").GetString());
        Assert.Equal(["D1", "D2"], Strings(bars.GetProperty("xAxis")[0].GetProperty("data")));
        AssertSameFigures(
            table.Skip(1).Where(r => r[0] != "合计").Select(r => r[Array.IndexOf(header, "三率综合得分")]),
            bars.GetProperty("series")[0].GetProperty("data"));

        // The trend chart's lines are the trend table's columns, day by day (3 then 1 offered calls and tickets).
        Assert.Equal(["2026-03-02", "2026-03-03"], Strings(trend.GetProperty("xAxis")[0].GetProperty("data")));
        Assert.Equal(["2026-03-02", "2026-03-03"], trendTable.Skip(1).Select(r => r[0]));
        var lines = trend.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["呼入量", "接通量", "受理工单量", "超期未办结"], lines.Select(s => s.GetProperty("name").GetString()));
        foreach (var line in lines)
        {
            var column = Array.IndexOf(trendTable[0], line.GetProperty("name").GetString());
            AssertSameFigures(trendTable.Skip(1).Select(r => r[column]), line.GetProperty("data"));
        }

        Assert.Equal([3.0, 1.0], lines[0].GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([2.0, 1.0], lines[1].GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([1.0, 1.0], lines[3].GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));

        // The page's Excel link, fetched with the browser's session cookie, reads back as the same table.
        Assert.NotNull(cookie);
        Assert.NotNull(xlsxLink);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Get, xlsxLink);
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        using var download = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var workbook = new MemoryStream(await download.Content.ReadAsByteArrayAsync());
        var sheet = workbook.Query(useHeaderRow: true, sheetName: "报表").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(table.Skip(1).Select(r => r[0]), sheet.Select(r => r["部门"]?.ToString()));
        for (var row = 1; row < table.Count; row++)
        {
            for (var column = 1; column < header.Length; column++)
            {
                var shown = table[row][column];
                var cell = sheet[row - 1][header[column]];
                var stored = cell is null || cell is string { Length: 0 } ? (double?)null : Convert.ToDouble(cell, CultureInfo.InvariantCulture);
                Assert.True(SameFigure(shown, stored), $"{table[row][0]} {header[column]}: page shows {shown}, the workbook holds {cell}");
            }
        }
    }

    private static List<string[]> ReadTable(ConsoleBrowser browser, string id)
    {
        var json = (string?)browser.Driver.ExecuteScript(
            "return JSON.stringify([...document.getElementById(arguments[0]).rows].map(r => [...r.cells].map(c => c.textContent)));", id);
        Assert.False(json is null, $"no table #{id}");
        return JsonSerializer.Deserialize<List<string[]>>(json)!;
    }

    /// <summary>The option ECharts itself holds for the chart in the element: what it draws, not what the page meant to give it.</summary>
    private static JsonElement ChartOption(ConsoleBrowser browser, string id)
    {
        var json = (string?)browser.Driver.ExecuteScript(
            "const c = echarts.getInstanceByDom(document.getElementById(arguments[0])); return c ? JSON.stringify(c.getOption()) : null;", id);
        Assert.False(json is null, $"no ECharts instance on #{id}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static void AssertSameFigures(IEnumerable<string> shown, JsonElement charted)
    {
        var drawn = charted.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToList();
        var texts = shown.ToList();
        Assert.Equal(texts.Count, drawn.Count);
        Assert.All(texts.Zip(drawn), pair => Assert.True(SameFigure(pair.First, pair.Second), $"the table shows {pair.First}, the chart draws {pair.Second}"));
    }

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(v => v.GetString());

    /// <summary>A figure as the page shows it ("85.0%", "16.3", "—") back as a number; rates as fractions.</summary>
    private static double? Number(string shown) => shown == "—" ? null
        : shown.EndsWith('%') ? double.Parse(shown[..^1], CultureInfo.InvariantCulture) / 100
        : double.Parse(shown, CultureInfo.InvariantCulture);

    /// <summary>Whether the page's rounded figure is the workbook's exact one (rates to 0.1 %, others to one decimal).</summary>
    private static bool SameFigure(string shown, double? stored)
    {
        var number = Number(shown);
        if (number is null || stored is null)
        {
            return number is null && stored is null;
        }

        var rounding = shown.EndsWith('%') ? 0.0005 : 0.05;
        return Math.Abs(number.Value - stored.Value) <= rounding + 1e-9;
    }
}
