using Hotline.Silo.Calendar;
using Microsoft.Extensions.Options;

namespace Hotline.Silo.Reports;

/// <summary>
/// Computes daily snapshots from the raw records: <see cref="FillDayAsync"/> for one day,
/// <see cref="FillClosedDaysAsync"/> for every finished day without one (what a scheduler calls nightly). A day
/// is "closed" once it is over in the calendar's zone: every event is dated when it was decided, so nothing can
/// land in a closed day later and its snapshot is final.
/// </summary>
internal sealed class ReportSnapshotFill(
    ReportRecordReader records,
    ReportSnapshotStore snapshots,
    WorkCalendar calendar,
    TimeProvider timeProvider,
    IOptions<ReportOptions> options)
{
    /// <summary>How far back a fill of closed days goes, so a first start on a huge history stays bounded.</summary>
    public const int MaxDaysBack = ReportPeriod.MaxDays;

    public DateOnly Today => calendar.DateOf(timeProvider.GetUtcNow());

    /// <summary>Sums the raw records of [from, to) into daily rows without storing them.</summary>
    public async Task<DailyAggregation> ComputeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var aggregation = new DailyAggregation(from, to, calendar.DateOf, TimeSpan.FromSeconds(options.Value.ServiceLevelSeconds));
        var start = calendar.StartOf(from);
        var end = calendar.StartOf(to);
        await foreach (var call in records.ReadCallsAsync(start, end, cancellationToken).ConfigureAwait(false))
        {
            aggregation.AddCall(call);
        }

        await foreach (var history in records.ReadTicketHistoriesAsync(start, end, cancellationToken).ConfigureAwait(false))
        {
            if (TicketFactExtractor.Extract(history) is { } facts)
            {
                aggregation.AddTicket(facts);
            }
        }

        return aggregation;
    }

    /// <summary>Recomputes and stores one day's snapshot (replacing any earlier one).</summary>
    public async Task FillDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var aggregation = await ComputeAsync(day, day.AddDays(1), cancellationToken).ConfigureAwait(false);
        await snapshots.ReplaceDayAsync(day, aggregation.Rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fills every closed day in [from, to) that has no snapshot yet; returns how many it filled.</summary>
    public async Task<int> FillMissingAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var end = to < Today ? to : Today;
        if (end <= from)
        {
            return 0;
        }

        var filled = await snapshots.FilledDaysAsync(from, end, cancellationToken).ConfigureAwait(false);
        var count = 0;
        for (var day = from; day < end; day = day.AddDays(1))
        {
            if (!filled.Contains(day))
            {
                await FillDayAsync(day, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        return count;
    }

    /// <summary>Fills every closed day of the last <see cref="MaxDaysBack"/> days that has no snapshot yet.</summary>
    public async Task<int> FillClosedDaysAsync(CancellationToken cancellationToken)
    {
        var from = Today.AddDays(-MaxDaysBack);
        if (await records.EarliestAsync(cancellationToken).ConfigureAwait(false) is not { } earliest)
        {
            return 0;
        }

        var first = calendar.DateOf(earliest);
        return await FillMissingAsync(first > from ? first : from, Today, cancellationToken).ConfigureAwait(false);
    }
}
