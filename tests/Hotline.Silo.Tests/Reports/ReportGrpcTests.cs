using Grpc.Core;
using Grpc.Net.Client;
using V1 = Hotline.Api.V1;

namespace Hotline.Silo.Tests.Reports;

public sealed class ReportGrpcTests
{
    [Fact]
    public async Task GetReport_Supervisor_SameFiguresAsTheFixture()
    {
        await using var host = await ReportHost.StartAsync();
        using var channel = GrpcChannel.ForAddress(host.Host.GrpcBase);
        var client = new V1.Supervision.SupervisionClient(channel);
        var request = new V1.GetReportRequest { Period = "custom", From = "2026-03-02", To = "2026-03-03", Breakdown = "department" };

        var report = await client.GetReportAsync(request, Bearer(host.Supervisor));
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await client.GetReportAsync(request, Bearer(host.DepartmentD2)));
        var invalid = await Assert.ThrowsAsync<RpcException>(async () => await client.GetReportAsync(new V1.GetReportRequest { Period = "year" }, Bearer(host.Supervisor)));

        Assert.Equal("2026-03-02", report.Start);
        Assert.Equal("2026-03-03", report.End);
        Assert.Equal(["D1", "D2"], report.Rows.Select(r => r.Key));
        Assert.Equal(0.85, report.Rows[0].Figures["three_rate_score"], 9);
        Assert.Equal(4, report.Total.Figures["tickets_created"]);
        Assert.Equal(2.0 / 3, report.Total.Figures["satisfaction_rate"], 9);
        Assert.False(report.Rows[0].Figures.ContainsKey("answer_rate"));
        Assert.Equal(2, report.Trend.Count);
        Assert.Equal(2, report.Total.Figures["overdue_unreplied"]);
        Assert.Equal([1.0, 1.0], report.Rows.Select(r => r.Figures["overdue_unreplied"]));
        Assert.Equal([1.0, 1.0], report.Trend.Select(r => r.Figures["overdue_unreplied"]));
        Assert.Contains(report.Definitions, d => d.Id == "overdue_unreplied" && d.Name == "超期未办结");
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Contains("period", invalid.Status.Detail, StringComparison.Ordinal);
    }

    private static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };
}
