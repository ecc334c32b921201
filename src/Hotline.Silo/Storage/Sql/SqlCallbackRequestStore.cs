using System.Text.Json;
using Dapper;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// <see cref="ICallbackRequestStore"/> on callback_requests. A request is durable before SaveAsync returns,
/// so the caller is told "we will call you back" only for a request that survives a crash. Times are kept to
/// the microsecond (PostgreSQL's timestamptz), the wait to the tick. The scheduler's attempts are kept on the
/// same row (<see cref="ICallbackSchedule"/>): their count, the next one's time, and a JSON log of each.
/// </summary>
internal sealed class SqlCallbackRequestStore(SqlDialect dialect, TimeProvider timeProvider) : ICallbackRequestStore, ICallbackSchedule
{
    private const string Columns = "call_id, number, queue_id, kind, requested_at, waited_ticks, flag_reason";

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

    public async Task<int> CancelForNumberAsync(string number, DateTimeOffset before, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE callback_requests SET completed_at = @now, outcome = @outcome WHERE number = @number AND completed_at IS NULL AND requested_at < @before",
            new { number, outcome, before = dialect.ToDb(before), now = dialect.ToDb(timeProvider.GetUtcNow()) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PendingCallback>> ReadDueAsync(DateTimeOffset now, DateTimeOffset queuedBefore, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, MaxList);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string CallId, string Number, string QueueId, string Kind, object RequestedAt, long WaitedTicks, string? FlagReason, long Attempts)>(new CommandDefinition(
            $"""
            SELECT {Columns}, attempts FROM callback_requests
            WHERE completed_at IS NULL AND flag_reason IS NULL
              AND ((next_attempt_at IS NULL AND (kind <> @queued OR requested_at <= @queuedBefore)) OR next_attempt_at <= @now)
            ORDER BY requested_at, call_id LIMIT @max
            """,
            new { now = dialect.ToDb(now), queuedBefore = dialect.ToDb(queuedBefore), queued = StoredName.Of(CallbackKind.Queued), max },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new PendingCallback(
            new CallbackRequest(r.CallId, r.Number, r.QueueId, StoredName.Parse<CallbackKind>(r.Kind), dialect.FromDb(r.RequestedAt), TimeSpan.FromTicks(r.WaitedTicks), r.FlagReason),
            (int)r.Attempts)).ToList();
    }

    public async Task<bool> BeginAttemptAsync(string callId, int attempt, DateTimeOffset at, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        // The count is the claim: of two passes that read the same row, only one moves it from attempt - 1.
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE callback_requests SET attempts = @attempt, next_attempt_at = @next WHERE call_id = @callId AND completed_at IS NULL AND attempts = @previous",
            new { callId, attempt, previous = attempt - 1, next = dialect.ToDb(nextAttemptAt) }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task EndAttemptAsync(string callId, int attempt, DateTimeOffset at, string result, string? outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var log = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT attempt_log FROM callback_requests WHERE call_id = @callId", new { callId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (log is null)
        {
            return;
        }

        var attempts = ReadLog(log);
        attempts.Add(new CallbackAttempt(attempt, at, result.Length > 200 ? result[..200] : result));
        // Only this attempt's claimant writes its end, so the read-modify-write of the log has no rival. A request
        // cancelled meanwhile (the citizen called in) keeps its first outcome.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE callback_requests SET attempt_log = @log,
                completed_at = COALESCE(completed_at, @completedAt), outcome = COALESCE(outcome, @outcome)
            WHERE call_id = @callId
            """,
            new { callId, log = JsonSerializer.Serialize(attempts, CallRecordJsonContext.Default.ListCallbackAttempt), completedAt = outcome is null ? null : dialect.ToDb(at), outcome },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public static List<CallbackAttempt> ReadLog(string json) =>
        JsonSerializer.Deserialize(json, CallRecordJsonContext.Default.ListCallbackAttempt) ?? [];

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
