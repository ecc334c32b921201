using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;
using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Silo.Reports;

/// <summary>
/// Reads the raw records reports are computed from: call records by arrival, and the whole history of every
/// ticket with an event in the window (through the ticket_events_at index). Streams: a day of a busy hotline
/// is never held in memory at once.
/// </summary>
internal sealed class ReportRecordReader(SqlDialect dialect)
{
    public async IAsyncEnumerable<CallDetailRecord> ReadCallsAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = connection.QueryUnbufferedAsync<string>(
            "SELECT record_json FROM call_records WHERE arrived_at >= @from AND arrived_at < @to",
            new { from = dialect.ToDb(from), to = dialect.ToDb(to) });
        await foreach (var json in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return JsonSerializer.Deserialize(json, CallRecordJsonContext.Default.CallDetailRecord)
                ?? throw new InvalidDataException("a stored call record is null");
        }
    }

    /// <summary>Each ticket's events in version order, one ticket at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<StoredEvent>> ReadTicketHistoriesAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = connection.QueryUnbufferedAsync<(string TicketId, long Version, string Type, string Actor, object At, string DataJson)>(
            """
            SELECT e.ticket_id, e.version, e.type, e.actor, e.at, e.data_json
            FROM (SELECT DISTINCT ticket_id FROM ticket_events WHERE at >= @from AND at < @to) touched
            JOIN ticket_events e ON e.ticket_id = touched.ticket_id
            ORDER BY e.ticket_id, e.version
            """,
            new { from = dialect.ToDb(from), to = dialect.ToDb(to) });
        string? current = null;
        var history = new List<StoredEvent>();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (row.TicketId != current && history.Count > 0)
            {
                yield return history;
                history = [];
            }

            current = row.TicketId;
            history.Add(new StoredEvent(row.Version, row.Type, row.Actor, dialect.FromDb(row.At), row.DataJson));
        }

        if (history.Count > 0)
        {
            yield return history;
        }
    }

    /// <summary>The earliest moment any call or ticket event is dated, or null for an empty store.</summary>
    public async Task<DateTimeOffset?> EarliestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var calls = await connection.ExecuteScalarAsync<object?>(new CommandDefinition("SELECT MIN(arrived_at) FROM call_records", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var events = await connection.ExecuteScalarAsync<object?>(new CommandDefinition("SELECT MIN(at) FROM ticket_events", cancellationToken: cancellationToken)).ConfigureAwait(false);
        DateTimeOffset? earliest = null;
        foreach (var value in new[] { calls, events })
        {
            if (value is not null and not DBNull && dialect.FromDb(value) is var at && (earliest is null || at < earliest))
            {
                earliest = at;
            }
        }

        return earliest;
    }
}
