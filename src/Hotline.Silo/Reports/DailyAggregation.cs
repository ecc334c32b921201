using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Silo.Reports;

/// <summary>
/// Sums calls and ticket facts into per-day rows for every breakdown. Pure: the caller supplies the records and
/// how an instant maps to a local day. Only facts dated inside [<see cref="From"/>, <see cref="To"/>) are kept, so
/// a ticket read because one of its events fell in the window adds nothing for its other days.
/// </summary>
internal sealed class DailyAggregation(DateOnly from, DateOnly to, Func<DateTimeOffset, DateOnly> dayOf, TimeSpan serviceLevel)
{
    private readonly Dictionary<SnapshotKey, ReportCounters> _rows = [];

    public DateOnly From { get; } = from;

    public DateOnly To { get; } = to;

    public IReadOnlyDictionary<SnapshotKey, ReportCounters> Rows => _rows;

    public void AddCall(CallDetailRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.ArrivedAt is not { } arrived || !Inside(dayOf(arrived)))
        {
            return;
        }

        var counters = new ReportCounters();
        if (!CallFacts.AddTo(counters, call, serviceLevel))
        {
            return;
        }

        var day = dayOf(arrived);
        Row(day, ReportDimension.All, "").Add(counters);
        Row(day, ReportDimension.Queue, call.QueueId ?? "").Add(counters);
        if (call.AnsweredBy is { } agent)
        {
            Row(day, ReportDimension.Agent, agent).Add(counters);
        }
    }

    public void AddTicket(TicketFacts ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        foreach (var fact in ticket.Facts)
        {
            var day = dayOf(fact.At);
            if (!Inside(day))
            {
                continue;
            }

            if (fact.Scope == ReportScope.Department)
            {
                Row(day, ReportDimension.Department, fact.DepartmentId ?? "").Add(fact.Measure);
                continue;
            }

            Row(day, ReportDimension.All, "").Add(fact.Measure);
            Row(day, ReportDimension.Category, ticket.Category).Add(fact.Measure);
            Row(day, ReportDimension.District, ticket.District).Add(fact.Measure);
            if (ticket.Agent.Length > 0)
            {
                Row(day, ReportDimension.Agent, ticket.Agent).Add(fact.Measure);
            }
        }
    }

    private bool Inside(DateOnly day) => day >= From && day < To;

    private ReportCounters Row(DateOnly day, ReportDimension dimension, string key)
    {
        var snapshotKey = new SnapshotKey(day, dimension, key);
        if (!_rows.TryGetValue(snapshotKey, out var counters))
        {
            counters = new ReportCounters();
            _rows[snapshotKey] = counters;
        }

        return counters;
    }
}
