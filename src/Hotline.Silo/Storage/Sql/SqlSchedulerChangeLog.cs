using Dapper;

namespace Hotline.Silo.Storage.Sql;

/// <summary>scheduler_changes rows for jobs that live in no other row of ours (the report snapshots' Quartz triggers).</summary>
internal sealed class SqlSchedulerChangeLog(SqlDialect dialect)
{
    public async Task AppendAsync(SchedulerChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
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
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
