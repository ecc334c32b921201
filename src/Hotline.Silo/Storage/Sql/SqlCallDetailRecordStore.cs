using System.Text.Json;
using Dapper;
using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// <see cref="ICallDetailRecordStore"/> on call_records: the whole record as JSON, plus the columns reports
/// filter on. A save of a known call id replaces the row (a late survey answer re-saves the record). Records
/// are read with the progress of the callback the call left (callback_requests), which the scheduler updates.
/// </summary>
internal sealed class SqlCallDetailRecordStore(SqlDialect dialect) : ICallDetailRecordStore
{
    public const int MaxPageSize = 500;

    public async Task SaveAsync(CallDetailRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.CallId);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO call_records (call_id, arrived_at, disposition, queue_id, answered_by, ended_at, record_json)
            VALUES (@callId, @arrivedAt, @disposition, @queueId, @answeredBy, @endedAt, @json)
            ON CONFLICT (call_id) DO UPDATE SET arrived_at = excluded.arrived_at, disposition = excluded.disposition,
                queue_id = excluded.queue_id, answered_by = excluded.answered_by, ended_at = excluded.ended_at, record_json = excluded.record_json
            """,
            new
            {
                callId = record.CallId,
                arrivedAt = record.ArrivedAt is { } arrived ? dialect.ToDb(arrived) : null,
                disposition = StoredName.Of(record.Disposition),
                queueId = record.QueueId,
                answeredBy = record.AnsweredBy,
                endedAt = record.EndedAt is { } ended ? dialect.ToDb(ended) : null,
                json = JsonSerializer.Serialize(record, CallRecordJsonContext.Default.CallDetailRecord),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<CallDetailRecord?> FindAsync(string callId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<CallRecordRow>(new CommandDefinition(
            CallRecordRow.Select + " WHERE r.call_id = @callId", new { callId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : Read(row);
    }

    public async Task<CallRecordPage> ListAsync(DateTimeOffset from, DateTimeOffset to, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        if (to < from)
        {
            throw new ArgumentException($"the range ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }

        var after = string.IsNullOrEmpty(pageToken) ? null : CallRecordPageToken.Decode(pageToken, from, to);
        var afterAt = after is null ? from : new DateTimeOffset(after.ArrivedTicks, TimeSpan.Zero);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);

        // Keyset paging on (arrived_at, call_id), the index's order: a page never skips or repeats a record
        // even while new calls are saved between pages.
        var rows = (await connection.QueryAsync<CallRecordRow>(new CommandDefinition(
            $"""
            {CallRecordRow.Select}
            WHERE r.arrived_at >= @from AND r.arrived_at < @to
              {(after is null ? "" : "AND (r.arrived_at > @afterAt OR (r.arrived_at = @afterAt AND r.call_id > @afterId))")}
            ORDER BY r.arrived_at, r.call_id
            LIMIT @take
            """,
            new { from = dialect.ToDb(from), to = dialect.ToDb(to), afterAt = dialect.ToDb(afterAt), afterId = after?.CallId ?? "", take = pageSize + 1 },
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();

        var page = rows.Take(pageSize).ToList();
        string? next = null;
        if (rows.Count > pageSize)
        {
            var last = page[^1];
            next = new CallRecordPageToken(dialect.FromDb(last.ArrivedAt!).UtcTicks, last.CallId).Encode(from, to);
        }

        return new CallRecordPage(page.ConvertAll(Read), next);
    }

    private CallDetailRecord Read(CallRecordRow row) =>
        (JsonSerializer.Deserialize(row.RecordJson, CallRecordJsonContext.Default.CallDetailRecord)
            ?? throw new InvalidDataException("a stored call record is null")) with { Callback = row.Callback(dialect) };
}
