using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Calendar;
using Hotline.Telephony.Acd.CallRecords;
using Microsoft.Extensions.Options;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// What the wallboard reads from the stores (today's call records, open tickets near or past a deadline), shared by
/// every open wallboard and re-read at most once per <see cref="ReadEvery"/>, so many wallboards cost one read; and the
/// tickets waiting on a supervisor's decision. A supervisor's action calls <see cref="Invalidate"/>: the next read is fresh
/// and every open wallboard stream wakes at once.
/// </summary>
internal sealed class WallboardData(
    IServiceProvider services, ITicketQueries tickets, WorkCalendar calendar, IOptions<WallboardOptions> options, TimeProvider timeProvider)
{
    public static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(2);
    private const int MaxRecords = 50_000;

    /// <summary>
    /// Pending extensions have no column of their own: the open DISPATCHED/CLAIMED tickets are read this many pages
    /// (newest first, 100 a page) deep and filtered: a request on an older ticket beyond them is not on the wallboard.
    /// </summary>
    private const int MaxExtensionPages = 5;
    private static readonly Caller Reader = new(CallerKind.Staff, "wallboard", StaffRole.Supervisor);
    private static readonly TicketState[] OpenStates =
        [TicketState.Dispatched, TicketState.Claimed, TicketState.Returned, TicketState.Reopened];

    private readonly SemaphoreSlim _reading = new(1, 1);
    private (DateTimeOffset At, WallboardReading Reading)? _last;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Invalidate"/>.</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken) => Volatile.Read(ref _changed).Task.WaitAsync(cancellationToken);

    /// <summary>Something the wallboard shows changed here: drop the cached read and wake the streams.</summary>
    public void Invalidate()
    {
        _last = null;
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public async Task<WallboardReading> ReadAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (_last is not { } last || now - last.At >= ReadEvery)
            {
                last = (now, new WallboardReading(
                    await ReadCallsAsync(now, cancellationToken).ConfigureAwait(false),
                    await ReadTicketsAsync(cancellationToken).ConfigureAwait(false),
                    await ReadDecisionsAsync(cancellationToken).ConfigureAwait(false)));
                _last = last;
            }

            return last.Reading;
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
            .Where(t => t.SignStatus is DeadlineStatus.Warning or DeadlineStatus.Overdue || t.HandleStatus is DeadlineStatus.Warning or DeadlineStatus.Overdue)
            .OrderByDescending(t => t.SignStatus == DeadlineStatus.Overdue || t.HandleStatus == DeadlineStatus.Overdue)
            .ThenBy(t => t.HandleDeadline ?? t.SignDeadline)
            .Take(30)
            .ToList();
    }

    private async Task<IReadOnlyList<TicketView>> ReadDecisionsAsync(CancellationToken cancellationToken)
    {
        var decisions = new List<TicketView>();
        decisions.AddRange(await ReadPagesAsync([TicketState.Returned, TicketState.Replied], 1, _ => true, cancellationToken).ConfigureAwait(false));
        decisions.AddRange(await ReadPagesAsync([TicketState.Created, TicketState.Reopened], 1, t => t.NeedsDesignation, cancellationToken).ConfigureAwait(false));
        decisions.AddRange(await ReadPagesAsync(
            [TicketState.Dispatched, TicketState.Claimed], MaxExtensionPages, t => t.PendingExtension is not null, cancellationToken).ConfigureAwait(false));
        return decisions.OrderBy(t => t.UpdatedAt).ToList();
    }

    private async Task<List<TicketView>> ReadPagesAsync(TicketState[] states, int pages, Func<TicketView, bool> keep, CancellationToken cancellationToken)
    {
        var kept = new List<TicketView>();
        string? token = null;
        for (var page = 0; page < pages; page++)
        {
            var read = await tickets.SearchAsync(Reader, new TicketSearch(States: states, PageSize: 100, PageToken: token), cancellationToken).ConfigureAwait(false);
            kept.AddRange(read.Tickets.Where(keep));
            token = read.NextPageToken;
            if (token is null)
            {
                break;
            }
        }

        return kept;
    }
}
