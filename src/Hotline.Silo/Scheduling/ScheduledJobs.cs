using Hotline.Contracts.Grains;
using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;
using Hotline.Silo.Tickets;
using Hotline.Silo.Tickets.Alarms;
using Orleans;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// <see cref="IScheduledJobs"/> over the tickets: a ticket's jobs are computed from its stored state by
/// <see cref="TicketAlarms"/> (the same code the sweep fires by), found through the indexed next-alarm column;
/// changes go to the ticket grain, which commits them with the ticket so the sweep obeys them at once and
/// after any restart. Pending callback requests follow the tickets' jobs in an unfiltered list (<see cref="CallbackJobs"/>).
/// </summary>
internal sealed class ScheduledJobs(ITicketStore store, IAlarmIndex index, TicketAlarms alarms, IGrainFactory grains, CallbackJobs callbacks) : IScheduledJobs
{
    /// <summary>Tickets read per index query while filling a page.</summary>
    private const int BatchSize = 100;

    /// <summary>A page ends after this many tickets even when few matched, so a narrow filter never scans the whole table in one call.</summary>
    private const int MaxTicketsPerPage = 2_000;

    private const int MaxJobIdLength = 128;

    /// <summary>Page tokens of the callbacks part of a list (the tickets' part uses <see cref="ScheduledJobToken"/>).</summary>
    private const string CallbackTokenVersion = "cb1";

    public async Task<ScheduledJobPage> ListAsync(ScheduledJobQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = ScheduledJobToken.Scope(query);
        if (query.PageToken is { } token
            && KeysetToken.TryDecode(token, CallbackTokenVersion, scope, out var ticks, out var callId) == KeysetTokenStatus.Valid)
        {
            return await CallbacksAsync(query, [], (new DateTimeOffset(ticks, TimeSpan.Zero), callId), scope, cancellationToken).ConfigureAwait(false);
        }

        var cursor = query.PageToken is null ? null : ScheduledJobToken.Decode(query.PageToken, scope);
        if (query.TicketId is { } ticketId)
        {
            return query.Kind is ScheduledJobKind.Callback or ScheduledJobKind.ReportSnapshot
                ? new ScheduledJobPage([], null)
                : await OneTicketAsync(ticketId, query, cursor, scope, cancellationToken).ConfigureAwait(false);
        }

        switch (query.Kind)
        {
            case ScheduledJobKind.Callback:
                return await CallbacksAsync(query, [], null, scope, cancellationToken).ConfigureAwait(false);
            case ScheduledJobKind.ReportSnapshot:
                return new ScheduledJobPage([], null);
            case null:
                // The tickets' jobs first; once they are all listed the page goes on with the callbacks.
                var tickets = await AllTicketsAsync(query, cursor, scope, cancellationToken).ConfigureAwait(false);
                return tickets.NextPageToken is null && tickets.Jobs.Count < query.PageSize
                    ? await CallbacksAsync(query, tickets.Jobs, null, scope, cancellationToken).ConfigureAwait(false)
                    : tickets;
            default:
                return await AllTicketsAsync(query, cursor, scope, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ScheduledJob> RescheduleAsync(Caller caller, string jobId, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken)
    {
        if (CallbackIdOf(jobId) is { } callId)
        {
            return await callbacks.RescheduleAsync(caller, callId, dueAt, reason, cancellationToken).ConfigureAwait(false);
        }

        var (ticketId, name) = Parse(jobId);
        return await grains.GetGrain<ITicketGrain>(ticketId).RescheduleJobAsync(caller, name, dueAt, reason).ConfigureAwait(false);
    }

    public async Task CancelAsync(Caller caller, string jobId, string reason, CancellationToken cancellationToken)
    {
        if (CallbackIdOf(jobId) is { } callId)
        {
            await callbacks.CancelAsync(caller, callId, reason, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (ticketId, name) = Parse(jobId);
        await grains.GetGrain<ITicketGrain>(ticketId).CancelJobAsync(caller, name, reason).ConfigureAwait(false);
    }

    private static string? CallbackIdOf(string jobId) =>
        jobId.StartsWith(SqlCallbackJobStore.Prefix, StringComparison.Ordinal) && jobId.Length > SqlCallbackJobStore.Prefix.Length
            && jobId.Length <= MaxJobIdLength && jobId.All(c => c is >= '!' and <= '~')
            ? jobId[SqlCallbackJobStore.Prefix.Length..]
            : null;

    private async Task<ScheduledJobPage> CallbacksAsync(
        ScheduledJobQuery query, IReadOnlyList<ScheduledJob> before, (DateTimeOffset At, string CallId)? after, string scope, CancellationToken cancellationToken)
    {
        var room = query.PageSize - before.Count;

        // One more than fits tells whether another page follows.
        var found = await callbacks.ListAsync(query, after, room + 1, cancellationToken).ConfigureAwait(false);
        var page = found.Take(room).ToList();
        var next = found.Count > room && page.Count > 0
            ? KeysetToken.Encode(CallbackTokenVersion, page[^1].DueAt.UtcTicks, page[^1].JobId[SqlCallbackJobStore.Prefix.Length..], scope)
            : null;
        return new ScheduledJobPage([.. before, .. page], next);
    }

    private static (string TicketId, string Name) Parse(string jobId) =>
        jobId.Length <= MaxJobIdLength && JobNames.TryParseId(jobId, out var ticketId, out var name) && ticketId.All(c => c is >= '!' and <= '~')
            ? (ticketId, name)
            : throw TicketRefusedException.Invalid("job_id", "is not a job id from ListScheduledJobs (ticket/<ticket id>/<job>, e.g. ticket/20261207-101500-123456/handle-overdue, or callback/<call id>)");

    private async Task<ScheduledJobPage> OneTicketAsync(string ticketId, ScheduledJobQuery query, ScheduledJobToken? cursor, string scope, CancellationToken cancellationToken)
    {
        var jobs = await MatchingAsync(ticketId, query, cancellationToken).ConfigureAwait(false)
            ?? throw TicketRefusedException.NotFound(ticketId);
        var skip = cursor?.Taken ?? 0;
        var page = jobs.Skip(skip).Take(query.PageSize).ToList();
        var next = skip + page.Count < jobs.Count ? new ScheduledJobToken(DateTimeOffset.UnixEpoch, ticketId, skip + page.Count).Encode(scope) : null;
        return new ScheduledJobPage(page, next);
    }

    private async Task<ScheduledJobPage> AllTicketsAsync(ScheduledJobQuery query, ScheduledJobToken? cursor, string scope, CancellationToken cancellationToken)
    {
        var page = new List<ScheduledJob>();
        DueAlarm? after = cursor is null ? null : new DueAlarm(cursor.TicketId, cursor.At);
        if (cursor is { Taken: > 0 })
        {
            // The last page stopped inside this ticket's jobs.
            var rest = await MatchingAsync(cursor.TicketId, query, cancellationToken).ConfigureAwait(false) ?? [];
            page.AddRange(rest.Skip(cursor.Taken).Take(query.PageSize));
            if (cursor.Taken + page.Count < rest.Count)
            {
                return new ScheduledJobPage(page, (cursor with { Taken = cursor.Taken + page.Count }).Encode(scope));
            }

            if (page.Count == query.PageSize)
            {
                return new ScheduledJobPage(page, (cursor with { Taken = 0 }).Encode(scope));
            }
        }

        var upTo = query.To ?? DateTimeOffset.MaxValue;
        var scanned = 0;
        while (page.Count < query.PageSize && scanned < MaxTicketsPerPage)
        {
            var batch = await index.ReadDueAsync(upTo, after, BatchSize, cancellationToken).ConfigureAwait(false);
            foreach (var due in batch)
            {
                scanned++;
                var jobs = await MatchingAsync(due.TicketId, query, cancellationToken).ConfigureAwait(false) ?? [];
                var room = query.PageSize - page.Count;
                page.AddRange(jobs.Take(room));
                if (jobs.Count > room)
                {
                    return new ScheduledJobPage(page, new ScheduledJobToken(due.At, due.TicketId, room).Encode(scope));
                }

                after = due;
                if (page.Count == query.PageSize || scanned == MaxTicketsPerPage)
                {
                    return new ScheduledJobPage(page, new ScheduledJobToken(due.At, due.TicketId, 0).Encode(scope));
                }
            }

            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        return new ScheduledJobPage(page, null);
    }

    /// <summary>The ticket's pending jobs that pass the filters, by due time; null when the ticket does not exist.</summary>
    private async Task<List<ScheduledJob>?> MatchingAsync(string ticketId, ScheduledJobQuery query, CancellationToken cancellationToken)
    {
        if (await store.LoadAsync(ticketId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        return [.. alarms.Jobs(TicketSerializer.Read(stored))
            .Where(j => (query.Kind is null || j.Kind == query.Kind) && (query.From is null || j.DueAt >= query.From) && (query.To is null || j.DueAt < query.To))
            .OrderBy(j => j.DueAt).ThenBy(j => j.JobId, StringComparer.Ordinal)];
    }
}
