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
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _watchingGate = new();
    private Task? _watchingOtherHosts;

    public SqlTicketStore(SqlDialect dialect, TimeProvider timeProvider, ILogger<SqlTicketStore> logger, TimeSpan? feedPollInterval = null)
    {
        _dialect = dialect;
        _timeProvider = timeProvider;
        _feedPollInterval = feedPollInterval ?? DefaultFeedPollInterval;
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

    public async Task<StoredTicket?> LoadIfChangedAsync(string ticketId, long knownVersion, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, long Version, string StateJson)?>(new CommandDefinition(
            "SELECT id, version, state_json FROM tickets WHERE id = @ticketId AND version <> @knownVersion",
            new { ticketId, knownVersion }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? new StoredTicket(r.Id, r.Version, r.StateJson) : null;
    }

    public Task<bool> CommitAsync(TicketCommit commit, CancellationToken cancellationToken)
    {
        CommitValidation.Validate(commit);
        return _batcher.EnqueueAsync(commit, cancellationToken);
    }

    public async Task<string?> FindRequestAsync(TicketRequestKey key, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT ticket_id FROM ticket_requests WHERE caller = @caller AND request_id = @requestId",
            new { caller = key.Caller, requestId = key.RequestId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
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
        await StartWatchingOtherHostsAsync().ConfigureAwait(false);

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

        await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // Not disposed: the container may dispose this store twice (it is registered under two types).
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _batcher.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Commits of this process wake feeds at once (<see cref="OnApplied"/>); another process on the same
    /// database (a second host, a shared file) cannot signal us. So one check per interval for the whole
    /// process, not one per waiting stream, looks for a newer feed entry and wakes every waiter when it finds one.
    /// </summary>
    private Task StartWatchingOtherHostsAsync()
    {
        lock (_watchingGate)
        {
            return _watchingOtherHosts ??= StartAsync();
        }

        // The newest entry is read before the first waiter looks, so anything another process commits after
        // that look changes it and wakes the waiter.
        async Task StartAsync()
        {
            try
            {
                var seen = await NewestFeedEntryAsync(_stopping.Token).ConfigureAwait(false);
                _ = WatchOtherHostsAsync(seen, _stopping.Token);
            }
            catch
            {
                lock (_watchingGate)
                {
                    _watchingOtherHosts = null;
                }

                throw;
            }
        }
    }

    private async Task<long> NewestFeedEntryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(sequence) FROM department_feed", cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;
    }

    private async Task WatchOtherHostsAsync(long seen, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_feedPollInterval, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    var newest = await NewestFeedEntryAsync(stopping).ConfigureAwait(false);
                    if (newest != seen)
                    {
                        seen = newest;
                        _feedSignal.NotifyAll();
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Storage is down; the health check reports it. Waiters wake when it is back.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The store is being disposed.
        }
    }

    private void OnApplied(TicketCommit commit)
    {
        foreach (var notice in commit.Feed)
        {
            _feedSignal.Notify(notice.DepartmentId);
        }
    }
}
