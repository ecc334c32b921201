using Dapper;

namespace Hotline.Silo.Storage.Sql;

/// <summary><see cref="IAlarmIndex"/> on tickets.next_alarm_at (a partial index holds only tickets with an alarm pending).</summary>
internal sealed class SqlAlarmIndex(SqlDialect dialect) : IAlarmIndex
{
    public async Task<IReadOnlyList<DueAlarm>> ReadDueAsync(DateTimeOffset upTo, DueAlarm? after, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var sql = after is null
            ? "SELECT id, next_alarm_at FROM tickets WHERE next_alarm_at IS NOT NULL AND next_alarm_at <= @upTo ORDER BY next_alarm_at, id LIMIT @max"
            : """
              SELECT id, next_alarm_at FROM tickets
              WHERE next_alarm_at IS NOT NULL AND next_alarm_at <= @upTo
                AND (next_alarm_at > @afterAt OR (next_alarm_at = @afterAt AND id > @afterId))
              ORDER BY next_alarm_at, id LIMIT @max
              """;
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Id, object At)>(new CommandDefinition(sql, new
        {
            upTo = dialect.ToDb(upTo),
            afterAt = after is null ? null : dialect.ToDb(after.At),
            afterId = after?.TicketId,
            max,
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new DueAlarm(r.Id, dialect.FromDb(r.At)))];
    }
}
