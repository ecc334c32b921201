using System.Data.Common;
using Dapper;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// Supervisors' view and changes of pending callback requests as scheduled jobs ("callback/{call id}"): each is
/// due at its next attempt's time, or when requested if it was never tried. A change and its scheduler_changes
/// row are one transaction, so the audit never misses a change nor records one that did not happen.
/// </summary>
internal sealed class SqlCallbackJobStore(SqlDialect dialect)
{
    public const string Prefix = "callback/";

    private const string Due = "COALESCE(next_attempt_at, requested_at)";

    private const string Pending = "completed_at IS NULL AND flag_reason IS NULL";

    /// <summary>Pending requests due in [from, to), by due time then call id, after the keyset <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<CallbackJobRow>> ListAsync(DateTimeOffset? from, DateTimeOffset? to, (DateTimeOffset At, string CallId)? after, int limit, CancellationToken cancellationToken)
    {
        // Only the filters given are in the statement: PostgreSQL cannot type a parameter that is only compared with NULL.
        var where = new List<string> { Pending };
        var parameters = new DynamicParameters(new { prefix = Prefix, limit });
        if (from is { } f)
        {
            where.Add($"{Due} >= @from");
            parameters.Add("from", dialect.ToDb(f));
        }

        if (to is { } t)
        {
            where.Add($"{Due} < @to");
            parameters.Add("to", dialect.ToDb(t));
        }

        if (after is { } a)
        {
            where.Add($"({Due} > @afterAt OR ({Due} = @afterAt AND call_id > @afterId))");
            parameters.Add("afterAt", dialect.ToDb(a.At));
            parameters.Add("afterId", a.CallId);
        }

        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string CallId, object DueAt, long Attempts, long Moved)>(new CommandDefinition(
            $"""
            SELECT call_id, {Due}, attempts,
                (SELECT COUNT(*) FROM scheduler_changes WHERE job_key = @prefix || call_id AND action = 'reschedule')
            FROM callback_requests
            WHERE {string.Join(" AND ", where)}
            ORDER BY {Due}, call_id LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new CallbackJobRow(r.CallId, dialect.FromDb(r.DueAt), (int)r.Attempts, r.Moved > 0))];
    }

    /// <summary>The request's job if it is pending; null when completed, flagged for an agent, or unknown.</summary>
    public async Task<CallbackJobRow?> FindAsync(string callId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, null, callId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the pending request's next attempt to <paramref name="change"/>'s AfterAt; false when it is no longer pending.</summary>
    public Task<bool> RescheduleAsync(string callId, SchedulerChange change, CancellationToken cancellationToken) =>
        ChangeAsync(callId, change, $"UPDATE callback_requests SET next_attempt_at = @at WHERE call_id = @callId AND {Pending}",
            new { callId, at = dialect.ToDb(change.AfterAt!.Value) }, cancellationToken);

    /// <summary>Completes the pending request with <paramref name="outcome"/> so it is never called; false when it is no longer pending.</summary>
    public Task<bool> CancelAsync(string callId, string outcome, SchedulerChange change, CancellationToken cancellationToken) =>
        ChangeAsync(callId, change, $"UPDATE callback_requests SET completed_at = @now, outcome = @outcome WHERE call_id = @callId AND {Pending}",
            new { callId, now = dialect.ToDb(change.At), outcome }, cancellationToken);

    private async Task<bool> ChangeAsync(string callId, SchedulerChange change, string update, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await connection.ExecuteAsync(new CommandDefinition(update, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) != 1)
        {
            return false;
        }

        await SqlSchedulerChangeLog.AppendAsync(dialect, connection, transaction, change, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<CallbackJobRow?> FindAsync(DbConnection connection, DbTransaction? transaction, string callId, CancellationToken cancellationToken)
    {
        var row = await connection.QueryFirstOrDefaultAsync<(string CallId, object DueAt, long Attempts)?>(new CommandDefinition(
            $"SELECT call_id, {Due}, attempts FROM callback_requests WHERE call_id = @callId AND {Pending}",
            new { callId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? new CallbackJobRow(r.CallId, dialect.FromDb(r.DueAt), (int)r.Attempts, false) : null;
    }
}
