using Hotline.Silo.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Hotline.Silo.Storage.Sqlite;

/// <summary>
/// Applies a batch on one long-lived connection with prepared statements. The transaction is
/// BEGIN IMMEDIATE, so the version read and the writes are atomic against other processes on the
/// same file. Feed sequences are AUTOINCREMENT values handed out under that single write lock, so
/// they become visible in sequence order: a reader can never skip a smaller sequence that commits later.
/// </summary>
internal sealed class SqliteCommitWriter(SqliteDialect dialect) : ICommitWriter
{
    private SqliteConnection? _connection;
    private SqliteStatements? _statements;

    public async Task<bool[]> ApplyAsync(IReadOnlyList<TicketCommit> commits, CancellationToken cancellationToken)
    {
        try
        {
            dialect.CheckFileExists();
            return await ApplyCoreAsync(commits, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Start the next batch on a fresh connection: this one may be broken.
            await ResetAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => ResetAsync();

    private async Task<bool[]> ApplyCoreAsync(IReadOnlyList<TicketCommit> commits, CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            _connection = await dialect.OpenSqliteAsync(cancellationToken).ConfigureAwait(false);
            _statements = new SqliteStatements(_connection);
        }

        var statements = _statements!;
        var results = new bool[commits.Count];
        using var transaction = _connection.BeginTransaction(deferred: false);
        statements.Enlist(transaction);
        for (var i = 0; i < commits.Count; i++)
        {
            results[i] = Apply(statements, commits[i]);
        }

        transaction.Commit();
        return results;
    }

    private bool Apply(SqliteStatements s, TicketCommit commit)
    {
        long version = 0;
        string? storedDepartments = null;
        using (var reader = s.SelectVersion.Bind("$id", commit.TicketId).ExecuteReader())
        {
            if (reader.Read())
            {
                version = reader.GetInt64(0);
                storedDepartments = reader.GetString(1);
            }
        }

        if (version != commit.ExpectedVersion || (storedDepartments is null) != (commit.ExpectedVersion == 0))
        {
            return false;
        }

        if (commit.Request is { } request)
        {
            // Under the write lock: a request already answered (earlier, or earlier in this batch) is not applied twice.
            if (s.SelectRequest.Bind("$caller", request.Caller).Bind("$request_id", request.RequestId).ExecuteScalar() is not null)
            {
                return false;
            }

            s.InsertRequest.Bind("$caller", request.Caller).Bind("$request_id", request.RequestId).Bind("$id", commit.TicketId).ExecuteNonQuery();
        }

        var index = commit.Index;
        var departments = DepartmentList.Encode(index.DepartmentIds);
        var write = commit.ExpectedVersion == 0 ? s.InsertTicket : s.UpdateTicket;
        write.Bind("$id", commit.TicketId).Bind("$expected", commit.ExpectedVersion).Bind("$version", commit.NewVersion)
            .Bind("$state_json", commit.StateJson).Bind("$state", index.State).Bind("$caller_phone", index.CallerPhone)
            .Bind("$district", index.District).Bind("$department_ids", departments)
            .Bind("$created_at", dialect.ToDb(index.CreatedAt)).Bind("$updated_at", dialect.ToDb(index.UpdatedAt))
            .Bind("$next_alarm_at", index.NextAlarmAt is { } alarm ? dialect.ToDb(alarm) : DBNull.Value)
            .Bind("$extension_pending", index.ExtensionPending ? 1 : 0);
        if (write.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"Ticket {commit.TicketId} changed under the write lock.");
        }

        if (departments != storedDepartments)
        {
            if (storedDepartments is not null)
            {
                s.DeleteDepartments.Bind("$id", commit.TicketId).ExecuteNonQuery();
            }

            foreach (var departmentId in index.DepartmentIds)
            {
                s.InsertDepartment.Bind("$id", commit.TicketId).Bind("$department_id", departmentId).ExecuteNonQuery();
            }
        }

        foreach (var e in commit.Events)
        {
            s.InsertEvent.Bind("$id", commit.TicketId).Bind("$version", e.Version).Bind("$type", e.Type)
                .Bind("$actor", e.Actor).Bind("$at", dialect.ToDb(e.At)).Bind("$data_json", e.DataJson).ExecuteNonQuery();
        }

        foreach (var change in commit.SchedulerChanges)
        {
            s.InsertSchedulerChange.Bind("$job_key", change.JobKey).Bind("$action", change.Action).Bind("$actor", change.Actor)
                .Bind("$at", dialect.ToDb(change.At)).Bind("$reason", change.Reason).Bind("$before_at", dialect.ToDb(change.BeforeAt))
                .Bind("$after_at", change.AfterAt is { } after ? dialect.ToDb(after) : DBNull.Value).ExecuteNonQuery();
        }

        foreach (var notice in commit.Feed)
        {
            s.InsertFeed.Bind("$department_id", notice.DepartmentId).Bind("$id", commit.TicketId).Bind("$kind", notice.Kind)
                .Bind("$at", dialect.ToDb(index.UpdatedAt)).Bind("$payload_json", notice.PayloadJson).ExecuteNonQuery();
        }

        return true;
    }

    private async ValueTask ResetAsync()
    {
        _statements?.Dispose();
        _statements = null;
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }
}
