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
    /// Bounds the decisions one read holds (memory per wallboard read); the queries below return only tickets waiting on a
    /// decision, so in practice they are read to the end.
    /// </summary>
    public const int MaxDecisions = 2_000;

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

    /// <summary>
    /// Every ticket waiting on a supervisor, oldest first: returns (a designation among them) and replies by their state,
    /// pending extensions by their own indexed flag; each query paged to its end, whatever the age of the ticket.
    /// </summary>
    private async Task<IReadOnlyList<TicketView>> ReadDecisionsAsync(CancellationToken cancellationToken)
    {
        var decisions = new List<TicketView>();
        await ReadAllAsync(new TicketSearch(States: [TicketState.Returned, TicketState.Replied], PageSize: 100), decisions, cancellationToken).ConfigureAwait(false);
        await ReadAllAsync(new TicketSearch(States: [TicketState.Dispatched, TicketState.Claimed], PageSize: 100, ExtensionPending: true), decisions, cancellationToken)
            .ConfigureAwait(false);
        return decisions.OrderBy(t => t.UpdatedAt).ToList();
    }

    private async Task ReadAllAsync(TicketSearch search, List<TicketView> into, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var read = await tickets.SearchAsync(Reader, search with { PageToken = token }, cancellationToken).ConfigureAwait(false);
            into.AddRange(read.Tickets);
            token = read.NextPageToken;
        }
        while (token is not null && into.Count < MaxDecisions);
    }
}
