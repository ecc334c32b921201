using Dapper;
using Microsoft.Extensions.Logging;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// <see cref="ITicketStore"/> on a SQL database. Reads use pooled connections; writes go through
/// the <see cref="CommitBatcher"/> (group commit) and the dialect's <see cref="ICommitWriter"/>.
/// </summary>
internal sealed partial class SqlTicketStore : ITicketStore, IAsyncDisposable
{
    private static readonly TimeSpan DefaultFeedPollInterval = TimeSpan.FromSeconds(1);

    private readonly SqlDialect _dialect;
    private readonly CommitBatcher _batcher;
    private readonly FeedSignal _feedSignal = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _feedPollInterval;

    public SqlTicketStore(SqlDialect dialect, TimeProvider timeProvider, ILogger<SqlTicketStore> logger, TimeSpan? feedPollInterval = null)
    {
        _dialect = dialect;
        _timeProvider = timeProvider;
        // Alone on its database this process sees every commit, so a waiting feed sleeps until signalled;
        // only a database other hosts write to needs polling.
        _feedPollInterval = dialect.SharedByHosts ? feedPollInterval ?? DefaultFeedPollInterval : Timeout.InfiniteTimeSpan;
        _batcher = new CommitBatcher(Enumerable.Range(0, dialect.WriterCount).Select(_ => dialect.CreateCommitWriter()).ToList(), OnApplied, logger);
    }

    public bool SharedWithOtherHosts => _dialect.SharedByHosts;

    public async Task<StoredTicket?> LoadAsync(string ticketId, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, long Version, string StateJson)?>(new CommandDefinition(
            "SELECT id, version, state_json FROM tickets WHERE id = @ticketId", new { ticketId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? new StoredTicket(r.Id, r.Version, r.StateJson) : null;
    }

    public Task<bool> CommitAsync(TicketCommit commit, CancellationToken cancellationToken)
    {
        CommitValidation.Validate(commit);
        return _batcher.EnqueueAsync(commit, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadHistoryAsync(string ticketId, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long Version, string Type, string Actor, object At, string DataJson)>(new CommandDefinition(
            "SELECT version, type, actor, at, data_json FROM ticket_events WHERE ticket_id = @ticketId ORDER BY version",
            new { ticketId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new StoredEvent(r.Version, r.Type, r.Actor, _dialect.FromDb(r.At), r.DataJson)).ToList();
    }

    public async Task<IReadOnlyList<FeedEntry>> ReadFeedAsync(string departmentId, long afterSequence, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long Sequence, string DepartmentId, string TicketId, string Kind, object At, string PayloadJson)>(new CommandDefinition(
            """
            SELECT sequence, department_id, ticket_id, kind, at, payload_json FROM department_feed
            WHERE department_id = @departmentId AND sequence > @afterSequence ORDER BY sequence LIMIT @max
            """,
            new { departmentId, afterSequence, max }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new FeedEntry(r.Sequence, r.DepartmentId, r.TicketId, r.Kind, _dialect.FromDb(r.At), r.PayloadJson)).ToList();
    }

    public async Task WaitForFeedAsync(string departmentId, long afterSequence, CancellationToken cancellationToken)
    {
        // Take the signal before looking, so a commit between the look and the wait still wakes us.
        var signal = _feedSignal.NextAsync(departmentId);
        await using (var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            var newer = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT MIN(sequence) FROM department_feed WHERE department_id = @departmentId AND sequence > @afterSequence",
                new { departmentId, afterSequence }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (newer is not null)
            {
                return;
            }
        }

        try
        {
            await signal.WaitAsync(_feedPollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Another host sharing the database may have written; the caller reads and waits again.
        }
    }

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    private void OnApplied(TicketCommit commit)
    {
        foreach (var notice in commit.Feed)
        {
            _feedSignal.Notify(notice.DepartmentId);
        }
    }
}
