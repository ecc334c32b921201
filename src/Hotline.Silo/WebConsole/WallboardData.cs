using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Calendar;
using Hotline.Telephony.Acd.CallRecords;
using Microsoft.Extensions.Options;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// What the wallboard reads from the stores (today's call records, open tickets near or past a deadline), shared by
/// every open wallboard and re-read at most once per <see cref="ReadEvery"/>, so many wallboards cost one read.
/// </summary>
internal sealed class WallboardData(
    IServiceProvider services, ITicketQueries tickets, WorkCalendar calendar, IOptions<WallboardOptions> options, TimeProvider timeProvider)
{
    public static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(2);
    private const int MaxRecords = 50_000;
    private static readonly Caller Reader = new(CallerKind.Staff, "wallboard", StaffRole.Supervisor);
    private static readonly TicketState[] OpenStates =
        [TicketState.Dispatched, TicketState.Claimed, TicketState.Returned, TicketState.Reopened];

    private readonly SemaphoreSlim _reading = new(1, 1);
    private (DateTimeOffset At, CallFigures Calls, IReadOnlyList<TicketView> Tickets)? _last;

    public async Task<(CallFigures Calls, IReadOnlyList<TicketView> Tickets)> ReadAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (_last is not { } last || now - last.At >= ReadEvery)
            {
                last = (now, await ReadCallsAsync(now, cancellationToken).ConfigureAwait(false), await ReadTicketsAsync(cancellationToken).ConfigureAwait(false));
                _last = last;
            }

            return (last.Calls, last.Tickets);
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task<CallFigures> ReadCallsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromSeconds(options.Value.ServiceLevelSeconds);
        if (services.GetService<ICallDetailRecordStore>() is not { } store)
        {
            return CallFigures.Compute([], wait);
        }

        // Today is the hotline's calendar day (Asia/Shanghai), not UTC's.
        var local = TimeZoneInfo.ConvertTime(now, calendar.TimeZone);
        var midnight = new DateTimeOffset(local.Date, local.Offset);
        var records = new List<CallDetailRecord>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(midnight, now.AddSeconds(1), 500, token, cancellationToken).ConfigureAwait(false);
            records.AddRange(page.Records);
            token = page.NextPageToken;
        }
        while (token is not null && records.Count < MaxRecords);

        return CallFigures.Compute(records, wait);
    }

    private async Task<IReadOnlyList<TicketView>> ReadTicketsAsync(CancellationToken cancellationToken)
    {
        var page = await tickets.SearchAsync(Reader, new TicketSearch(States: OpenStates, PageSize: 100), cancellationToken).ConfigureAwait(false);
        return page.Tickets
            .Where(t => t.SignStatus != DeadlineStatus.OnTime || t.HandleStatus != DeadlineStatus.OnTime)
            .OrderByDescending(t => t.SignStatus == DeadlineStatus.Overdue || t.HandleStatus == DeadlineStatus.Overdue)
            .ThenBy(t => t.HandleDeadline ?? t.SignDeadline)
            .Take(30)
            .ToList();
    }
}
