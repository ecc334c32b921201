using System.Collections.Concurrent;
using System.Threading.Channels;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Postgres;
using Hotline.Silo.Tickets;
using Npgsql;

namespace Hotline.Silo.Cluster;

/// <summary>
/// In a cluster, hears the commits of the other hosts (PostgreSQL LISTEN on <see cref="PostgresDialect.CommitChannel"/>,
/// announced inside each commit transaction, so only durable changes arrive) and hands each changed ticket,
/// as now stored, to this host's <see cref="ITicketChangeObserver"/>s: the search, duplicate and dispatch
/// indexes then see every commit in the cluster, not only this host's. A ticket is applied only when its
/// version moved past the last one applied here, so a repeat or late announcement changes nothing.
/// </summary>
internal sealed class CommitListener(
    PostgresDialect dialect,
    ITicketStore store,
    TicketViews views,
    TimeProvider time,
    IEnumerable<ITicketChangeObserver> observers,
    ILogger<CommitListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, long> _applied = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (the host starts serving after it).</summary>
    public Task Listening => _listening.Task;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        await Listening.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var applying = ApplyAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested && exception is NpgsqlException or IOException or TimeoutException)
            {
                // Announcements made while disconnected are missed; those tickets catch up at their next commit.
                ClusterLog.ListenerDisconnected(logger, exception);
                await Task.Delay(ReconnectDelay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        _changed.Writer.TryComplete();
        await applying.ConfigureAwait(false);
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(dialect.ConnectionString);
        await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
        connection.Notification += (_, e) => OnNotification(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresDialect.CommitChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
        }

        _listening.TrySetResult();
        while (true)
        {
            await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private void OnNotification(string payload)
    {
        if (!CommitAnnouncement.TryParse(payload, out var sender, out var ids) || sender == dialect.CommitSender)
        {
            return;
        }

        foreach (var id in ids)
        {
            _changed.Writer.TryWrite(id);
        }
    }

    private async Task ApplyAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _changed.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                var stored = await store.LoadAsync(id, stoppingToken).ConfigureAwait(false);
                if (stored is null)
                {
                    continue;
                }

                var state = TicketSerializer.Read(stored);
                if (_applied.TryGetValue(id, out var seen) && seen >= state.Version)
                {
                    continue;
                }

                _applied[id] = state.Version;
                var view = views.Full(state, time.GetUtcNow());
                foreach (var observer in observers)
                {
                    observer.OnCommitted(view);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                ClusterLog.AnnouncedTicketSkipped(logger, id, exception);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
