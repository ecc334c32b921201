using Hotline.Silo.Reports;

namespace Hotline.Silo.Tests.Reports;

/// <summary>The fixture's figures, computed by hand from its comments (see <see cref="ReportFixture"/>).</summary>
public sealed class ReportDefinitionsTests
{
    private static readonly ReportPeriod TwoDays = ReportPeriod.Custom(ReportFixture.Day1, ReportFixture.Day2);

    [Fact]
    public void Build_HotlineTotal_MatchesHandComputedFigures()
    {
        var report = ReportBuilder.Build(TwoDays, ReportDimension.Department, ReportFixture.Aggregate().Rows, ThreeRateWeights.Default);
        var total = report.Total!;

        Assert.Equal(4, total[ReportFigure.CallsOffered]);
        Assert.Equal(3, total[ReportFigure.CallsAnswered]);
        Assert.Equal(1, total[ReportFigure.CallsAbandoned]);
        Assert.Equal(0.75, total[ReportFigure.AnswerRate]);
        Assert.Equal(1.0 / 3, total[ReportFigure.AnswerRate15Seconds]!.Value, 9);
        Assert.Equal(49.0 / 3, total[ReportFigure.AverageSpeedOfAnswerSeconds]!.Value, 9);
        Assert.Equal(120, total[ReportFigure.AverageHandleTimeSeconds]);
        Assert.Equal(0.5, total[ReportFigure.ServiceLevel]);

        // Six created, one after the period, one merged: four matters.
        Assert.Equal(4, total[ReportFigure.TicketsCreated]);
        Assert.Equal(0.5, total[ReportFigure.DirectResolutionRate]);

        // T2 went to D1 and D2 but is one dispatched ticket for the hotline.
        Assert.Equal(2, total[ReportFigure.Dispatched]);
        Assert.Equal(0.5, total[ReportFigure.OnTimeClaimRate]);
        Assert.Equal(0.5, total[ReportFigure.OnTimeReplyRate]);
        Assert.Equal(1.0, total[ReportFigure.CompletionRate]);
        Assert.Equal(0.5, total[ReportFigure.ReturnRate]);
        Assert.Equal(0.5, total[ReportFigure.ExtensionRate]);
        Assert.Equal(1, total[ReportFigure.Overdue]);

        // 超期未办结: T7's handling deadline passed unreplied on day 1 (D1), T2's extended one on day 2 (D2); T2's late
        // signing, T7's escalation and T1's alarm after its reply are not counted.
        Assert.Equal(2, total[ReportFigure.OverdueUnreplied]);

        // Three callbacks due; the unreachable attempt is not a valid visit; satisfied + basically satisfied of three.
        Assert.Equal(1.0, total[ReportFigure.CallbackRate]);
        Assert.Equal(2.0 / 3, total[ReportFigure.SatisfactionRate]!.Value, 9);
    }

    [Fact]
    public void Build_ByDepartment_RanksByWeightedThreeRates()
    {
        var report = ReportBuilder.Build(TwoDays, ReportDimension.Department, ReportFixture.Aggregate().Rows, ThreeRateWeights.Default);

        Assert.Equal(["D1", "D2"], report.Rows.Select(r => r.Key));
        var d1 = report.Rows[0];
        var d2 = report.Rows[1];
        Assert.Equal(2, d1[ReportFigure.Dispatched]);
        Assert.Equal(1.0, d1[ReportFigure.OnTimeClaimRate]);
        Assert.Equal(0.5, d1[ReportFigure.CompletionRate]);
        Assert.Equal(0.5, d1[ReportFigure.ReturnRate]);
        Assert.Equal(1.0, d1[ReportFigure.SatisfactionRate]);
        Assert.Equal(0.85, d1[ReportFigure.ThreeRateScore]!.Value, 9);
        Assert.Equal(1, d2[ReportFigure.Dispatched]);
        Assert.Equal(0.0, d2[ReportFigure.OnTimeClaimRate]);
        Assert.Equal(1.0, d2[ReportFigure.CompletionRate]);
        Assert.Equal(1.0, d2[ReportFigure.ExtensionRate]);
        Assert.Equal(1, d2[ReportFigure.Overdue]);
        Assert.Equal(1, d1[ReportFigure.OverdueUnreplied]);
        Assert.Equal(1, d2[ReportFigure.OverdueUnreplied]);
        Assert.Equal(0.7, d2[ReportFigure.ThreeRateScore]!.Value, 9);
    }

    [Fact]
    public void Build_OtherWeights_ChangeTheRanking()
    {
        // Only 解决率 counts: D2 (1.0) now ranks above D1 (0.5).
        var report = ReportBuilder.Build(TwoDays, ReportDimension.Department, ReportFixture.Aggregate().Rows, new ThreeRateWeights(0, 1, 0));

        Assert.Equal(["D2", "D1"], report.Rows.Select(r => r.Key));
    }

    [Fact]
    public void Build_ByAgentAndQueue_SplitsCallsAndTickets()
    {
        var rows = ReportFixture.Aggregate().Rows;
        var agents = ReportBuilder.Build(TwoDays, ReportDimension.Agent, rows, ThreeRateWeights.Default).Rows.ToDictionary(r => r.Key);
        var queues = ReportBuilder.Build(TwoDays, ReportDimension.Queue, rows, ThreeRateWeights.Default).Rows.ToDictionary(r => r.Key);

        Assert.Equal(3, agents["A01"][ReportFigure.TicketsCreated]);
        Assert.Equal(2, agents["A01"][ReportFigure.CallsAnswered]);
        Assert.Equal(1, agents["A02"][ReportFigure.TicketsCreated]);
        Assert.Equal(3, queues["Q1"][ReportFigure.CallsOffered]);
        Assert.Equal(2.0 / 3, queues["Q1"][ReportFigure.AnswerRate]!.Value, 9);
        Assert.Equal(1, queues["Q2"][ReportFigure.CallsOffered]);
    }

    [Fact]
    public void Build_Trend_OneRowPerDaySummingToTheTotal()
    {
        var report = ReportBuilder.Build(TwoDays, ReportDimension.Category, ReportFixture.Aggregate().Rows, ThreeRateWeights.Default);

        Assert.Equal(["2026-03-02", "2026-03-03"], report.Trend.Select(r => r.Key));
        Assert.Equal(3, report.Trend[0][ReportFigure.TicketsCreated]);
        Assert.Equal(1, report.Trend[1][ReportFigure.TicketsCreated]);
        Assert.Equal(3, report.Trend[0][ReportFigure.CallsOffered]);
        Assert.Equal(1, report.Trend[1][ReportFigure.CallsOffered]);
        Assert.Equal(1, report.Trend[0][ReportFigure.OverdueUnreplied]);
        Assert.Equal(1, report.Trend[1][ReportFigure.OverdueUnreplied]);
        Assert.Equal(report.Total![ReportFigure.CallsAnswered], report.Trend.Sum(r => r[ReportFigure.CallsAnswered]));
    }

    [Fact]
    public void Build_OneDepartmentsView_HasOnlyItsRowAndNoTotal()
    {
        var report = ReportBuilder.Build(TwoDays, ReportDimension.Department, ReportFixture.Aggregate().Rows, ThreeRateWeights.Default, onlyKey: "D2");

        Assert.Equal(["D2"], report.Rows.Select(r => r.Key));
        Assert.Null(report.Total);
        Assert.Empty(report.Trend);
    }

    [Fact]
    public void Compute_NoDenominator_HasNoValue()
    {
        var row = ReportRow.Of("empty", new ReportCounters(), ThreeRateWeights.Default);

        Assert.Null(row[ReportFigure.AnswerRate]);
        Assert.Null(row[ReportFigure.SatisfactionRate]);
        Assert.Null(row[ReportFigure.ThreeRateScore]);
        Assert.Equal(0, row[ReportFigure.CallsOffered]);
    }

    [Theory]
    [InlineData("week", "2026-03-04", "2026-03-02", "2026-03-09")]
    [InlineData("month", "2026-02-14", "2026-02-01", "2026-03-01")]
    [InlineData("day", "2026-03-04", "2026-03-04", "2026-03-05")]
    public void Parse_Periods_WholeDays(string period, string date, string start, string end)
    {
        var parsed = ReportPeriod.Parse(period, date, null, null, ReportFixture.Day1);

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), parsed.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), parsed.End);
    }

    [Theory]
    [InlineData("year", null, null, null, "period")]
    [InlineData("day", "03/04/2026", null, null, "date")]
    [InlineData("custom", null, null, "2026-03-01", "from")]
    [InlineData("custom", null, "2026-03-05", "2026-03-01", "to")]
    [InlineData("custom", null, "2020-01-01", "2026-03-01", "to")]
    public void Parse_BadInput_NamesTheField(string period, string? date, string? from, string? to, string field)
    {
        var error = Assert.Throws<ReportRequestException>(() => ReportPeriod.Parse(period, date, from, to, ReportFixture.Day1));

        Assert.Equal(field, error.Field);
    }
}
