using Hotline.Silo.Storage.Sql;
using Npgsql;

namespace Hotline.Silo.Storage.Postgres;

/// <summary>
/// Applies a batch in two round trips, however many tickets it holds: first BEGIN (Npgsql sends it with the
/// next statement), the tickets' versions locked and read (SELECT … FOR UPDATE, in id order so two hosts
/// cannot deadlock on each other's rows) and the batch's request keys already stored; then, after every
/// commit is decided in memory, all writes as one pipelined batch of array statements ending in COMMIT.
/// So the batch's events reach the disk in one WAL flush, and no caller hears back before it has.
/// If any statement fails PostgreSQL skips the rest of the batch, COMMIT included, and disposing the
/// transaction rolls it back: nothing of the batch is written.
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

        var (stored, answered) = await ReadLockedAsync(connection, transaction, commits, cancellationToken).ConfigureAwait(false);
        var plan = PostgresWritePlan.Decide(commits, stored, answered);
        await using var batch = plan.HasWrites ? plan.ToBatch(connection, transaction, dialect.CommitSender) : new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        plan.CheckUpdated(batch);
        return plan.Results;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>One round trip: the batch's tickets locked with their versions, and which of its request keys are already stored.</summary>
    private static async Task<(Dictionary<string, (long Version, string Departments)> Stored, HashSet<TicketRequestKey> Answered)> ReadLockedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TicketCommit> commits, CancellationToken cancellationToken)
    {
        var ids = commits.Select(c => c.TicketId).Distinct(StringComparer.Ordinal).ToArray();
        var keys = commits.Where(c => c.Request is not null).Select(c => c.Request!).ToList();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var locking = new NpgsqlBatchCommand("SELECT id, version, department_ids FROM tickets WHERE id = ANY(@ids) ORDER BY id FOR UPDATE");
        locking.Parameters.Add(new NpgsqlParameter<string[]>("ids", ids));
        batch.BatchCommands.Add(locking);
        if (keys.Count > 0)
        {
            var requests = new NpgsqlBatchCommand(
                "SELECT r.caller, r.request_id FROM ticket_requests r JOIN unnest(@caller, @request_id) AS k(caller, request_id) USING (caller, request_id)");
            requests.Parameters.Add(new NpgsqlParameter<string[]>("caller", keys.ConvertAll(k => k.Caller).ToArray()));
            requests.Parameters.Add(new NpgsqlParameter<string[]>("request_id", keys.ConvertAll(k => k.RequestId).ToArray()));
            batch.BatchCommands.Add(requests);
        }

        var stored = new Dictionary<string, (long, string)>(ids.Length, StringComparer.Ordinal);
        var answered = new HashSet<TicketRequestKey>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            stored[reader.GetString(0)] = (reader.GetInt64(1), reader.GetString(2));
        }

        if (keys.Count > 0 && await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                answered.Add(new TicketRequestKey(reader.GetString(0), reader.GetString(1)));
            }
        }

        return (stored, answered);
    }
}
