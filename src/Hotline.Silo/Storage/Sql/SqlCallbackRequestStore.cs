using Dapper;
using Hotline.Telephony.Acd;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// <see cref="ICallbackRequestStore"/> on callback_requests. A request is durable before SaveAsync returns,
/// so the caller is told "we will call you back" only for a request that survives a crash. Times are kept to
/// the microsecond (PostgreSQL's timestamptz), the wait to the tick.
/// </summary>
internal sealed class SqlCallbackRequestStore(SqlDialect dialect, TimeProvider timeProvider) : ICallbackRequestStore
{
    public const int MaxList = 1000;

    public async Task SaveAsync(CallbackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.CallId);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO callback_requests (call_id, number, queue_id, kind, requested_at, waited_ticks, flag_reason)
            VALUES (@callId, @number, @queueId, @kind, @requestedAt, @waitedTicks, @flagReason)
            ON CONFLICT (call_id) DO NOTHING
            """,
            new
            {
                callId = request.CallId,
                number = request.Number,
                queueId = request.QueueId,
                kind = StoredName.Of(request.Kind),
                requestedAt = dialect.ToDb(request.RequestedAt),
                waitedTicks = request.Waited.Ticks,
                flagReason = request.FlagReason,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CallbackRequest>> ListPendingAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxList);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string CallId, string Number, string QueueId, string Kind, object RequestedAt, long WaitedTicks, string? FlagReason)>(new CommandDefinition(
            """
            SELECT call_id, number, queue_id, kind, requested_at, waited_ticks, flag_reason FROM callback_requests
            WHERE completed_at IS NULL ORDER BY requested_at, call_id LIMIT @limit
            """,
            new { limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new CallbackRequest(
            r.CallId, r.Number, r.QueueId, StoredName.Parse<CallbackKind>(r.Kind), dialect.FromDb(r.RequestedAt), TimeSpan.FromTicks(r.WaitedTicks), r.FlagReason)).ToList();
    }

    public async Task<bool> CompleteAsync(string callId, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var completed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE callback_requests SET completed_at = @now, outcome = @outcome WHERE call_id = @callId AND completed_at IS NULL",
            new { callId, outcome, now = dialect.ToDb(timeProvider.GetUtcNow()) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (completed == 1)
        {
            return true;
        }

        // Already completed: the first outcome stands, and the request is known.
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT call_id FROM callback_requests WHERE call_id = @callId", new { callId }, cancellationToken: cancellationToken)).ConfigureAwait(false) is not null;
    }
}
