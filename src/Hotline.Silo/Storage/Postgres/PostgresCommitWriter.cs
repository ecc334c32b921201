using Hotline.Silo.Storage.Sql;
using Npgsql;

namespace Hotline.Silo.Storage.Postgres;

/// <summary>
/// Applies a batch in three round trips: lock and read the tickets' versions (SELECT … FOR UPDATE,
/// in id order so two hosts cannot deadlock on each other's rows), decide every commit in memory,
/// then send all writes as one pipelined batch of array statements, and commit.
/// <para>
/// Feed order across hosts: identity values are handed out when rows are inserted, not when the
/// transaction commits, so without care a reader could see sequence 11 and move its cursor past a
/// sequence 10 that commits a moment later. Every transaction that writes to the feed therefore
/// takes one transaction-scoped advisory lock before its feed insert and holds it until commit;
/// feed transactions thus commit one after another, in the order of their sequences, and a reader
/// resuming "after N" never skips a row. It is taken after the row locks; the one cycle left (two
/// hosts creating the same new ticket id at once) is broken by PostgreSQL's deadlock detector, after
/// which the batch is retried and the duplicate create fails its version check.
/// </para>
/// </summary>
internal sealed class PostgresCommitWriter(PostgresDialect dialect) : ICommitWriter
{
    private const int MaxAttempts = 3;

    public async Task<bool[]> ApplyAsync(IReadOnlyList<TicketCommit> commits, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(commits, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (attempt < MaxAttempts && ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected)
            {
                // Another host created one of our new tickets first (its insert committed while ours
                // waited). Nothing of ours was written; the next attempt's locked read sees that
                // ticket, so our create fails its version check like any other lost race.
            }
        }
    }

    private async Task<bool[]> ApplyOnceAsync(IReadOnlyList<TicketCommit> commits, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenNpgsqlAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var stored = await LockVersionsAsync(connection, transaction, commits, cancellationToken).ConfigureAwait(false);
        var answered = await AnsweredRequestsAsync(connection, transaction, commits, cancellationToken).ConfigureAwait(false);
        var plan = PostgresWritePlan.Decide(commits, stored, answered);
        if (plan.HasWrites)
        {
            await using var batch = plan.ToBatch(connection, transaction, dialect.CommitSender);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            plan.CheckUpdated(batch);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return plan.Results;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<HashSet<TicketRequestKey>> AnsweredRequestsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TicketCommit> commits, CancellationToken cancellationToken)
    {
        var keys = commits.Where(c => c.Request is not null).Select(c => c.Request!).ToList();
        var answered = new HashSet<TicketRequestKey>();
        if (keys.Count == 0)
        {
            return answered;
        }

        await using var command = new NpgsqlCommand(
            "SELECT r.caller, r.request_id FROM ticket_requests r JOIN unnest(@caller, @request_id) AS k(caller, request_id) USING (caller, request_id)",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("caller", keys.ConvertAll(k => k.Caller).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("request_id", keys.ConvertAll(k => k.RequestId).ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            answered.Add(new TicketRequestKey(reader.GetString(0), reader.GetString(1)));
        }

        return answered;
    }

    private static async Task<Dictionary<string, (long Version, string Departments)>> LockVersionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TicketCommit> commits, CancellationToken cancellationToken)
    {
        var ids = commits.Select(c => c.TicketId).Distinct(StringComparer.Ordinal).ToArray();
        await using var command = new NpgsqlCommand("SELECT id, version, department_ids FROM tickets WHERE id = ANY(@ids) ORDER BY id FOR UPDATE", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", ids));
        var versions = new Dictionary<string, (long, string)>(ids.Length, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions[reader.GetString(0)] = (reader.GetInt64(1), reader.GetString(2));
        }

        return versions;
    }
}
