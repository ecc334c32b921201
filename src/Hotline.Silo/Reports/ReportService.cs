using Microsoft.Extensions.Options;

namespace Hotline.Silo.Reports;

/// <summary>
/// Answers reports: closed days from the daily snapshot (filling any missing one first), today live from the
/// raw records, so a year-long query reads a few thousand small rows instead of millions of records.
/// </summary>
internal sealed class ReportService(ReportSnapshotFill fill, ReportSnapshotStore snapshots, IOptions<ReportOptions> options)
{
    public DateOnly Today => fill.Today;

    public ThreeRateWeights Weights { get; } = options.Value.ThreeRateWeights();

    /// <param name="onlyDepartment">A department's own view: only its row of the department breakdown.</param>
    public async Task<Report> GetAsync(ReportPeriod period, ReportDimension breakdown, string? onlyDepartment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (onlyDepartment is not null && breakdown != ReportDimension.Department)
        {
            throw new ReportRequestException("breakdown", "a department sees the department breakdown only (its own row).");
        }

        var today = fill.Today;
        var closedEnd = period.End < today ? period.End : today;
        var rows = new List<KeyValuePair<SnapshotKey, ReportCounters>>();
        if (closedEnd > period.Start)
        {
            await fill.FillMissingAsync(period.Start, closedEnd, cancellationToken).ConfigureAwait(false);
            rows.AddRange(await snapshots.ReadAsync(period.Start, closedEnd, breakdown, cancellationToken).ConfigureAwait(false));
        }

        if (period.End > today)
        {
            var liveFrom = period.Start > today ? period.Start : today;
            var live = await fill.ComputeAsync(liveFrom, period.End, cancellationToken).ConfigureAwait(false);
            rows.AddRange(live.Rows);
        }

        return ReportBuilder.Build(period, breakdown, rows, Weights, onlyDepartment);
    }

    /// <summary>The same report computed from the raw records only, never from snapshots (the benchmark's baseline).</summary>
    public async Task<Report> GetFromRecordsAsync(ReportPeriod period, ReportDimension breakdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var live = await fill.ComputeAsync(period.Start, period.End, cancellationToken).ConfigureAwait(false);
        return ReportBuilder.Build(period, breakdown, live.Rows, Weights);
    }
}
