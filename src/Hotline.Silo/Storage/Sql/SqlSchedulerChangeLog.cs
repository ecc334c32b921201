using System.Data.Common;
using Dapper;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// scheduler_changes rows: alone for jobs that live in no other row of ours (the report snapshots' Quartz triggers),
/// or in the transaction of the change they record (callback requests).
/// </summary>
internal sealed class SqlSchedulerChangeLog(SqlDialect dialect)
{
    public async Task AppendAsync(SchedulerChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await AppendAsync(dialect, connection, null, change, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends the row on <paramref name="connection"/>, inside <paramref name="transaction"/> when the change it records is made there too.</summary>
    public static Task AppendAsync(SqlDialect dialect, DbConnection connection, DbTransaction? transaction, SchedulerChange change, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO scheduler_changes (job_key, action, actor, at, reason, before_at, after_at)
            VALUES (@jobKey, @action, @actor, @at, @reason, @beforeAt, @afterAt)
            """,
            new
            {
                jobKey = change.JobKey,
                action = change.Action,
                actor = change.Actor,
                at = dialect.ToDb(change.At),
                reason = change.Reason,
                beforeAt = dialect.ToDb(change.BeforeAt),
                afterAt = change.AfterAt is { } after ? dialect.ToDb(after) : DBNull.Value,
            },
            transaction, cancellationToken: cancellationToken));
}
