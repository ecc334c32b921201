using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// Group commit: every concurrent <see cref="ITicketStore.CommitAsync"/> is queued and one writer loop
/// applies whatever has gathered in one transaction, so many transitions share one fsync. Each commit
/// is version-checked on its own; a conflicting one fails alone. When a transaction fails as a whole
/// (say one commit breaks a constraint) the batch is retried one commit per transaction, so only the
/// faulty commit's caller sees the error. A dialect may ask for more than one writer loop so that one
/// batch's writes overlap another's commit (PostgreSQL); each loop has its own writer and connection.
/// </summary>
internal sealed class CommitBatcher : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<PendingCommit> _queue = Channel.CreateUnbounded<PendingCommit>(
        new UnboundedChannelOptions { SingleReader = false, AllowSynchronousContinuations = false });
    private readonly ICommitWriter[] _writers;
    private readonly Action<TicketCommit> _applied;
    private readonly ILogger _logger;
    private readonly Task[] _loops;

    /// <param name="applied">Called for every commit that applied, after its transaction is durable.</param>
    public CommitBatcher(IReadOnlyList<ICommitWriter> writers, Action<TicketCommit> applied, ILogger logger)
    {
        _writers = [.. writers];
        _applied = applied;
        _logger = logger;
        _loops = Array.ConvertAll(_writers, writer => Task.Run(() => RunAsync(writer)));
    }

    public Task<bool> EnqueueAsync(TicketCommit commit, CancellationToken cancellationToken)
    {
        var pending = new PendingCommit(commit, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(CommitBatcher), "The ticket store is shutting down.");
        }

        return pending.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops).ConfigureAwait(false);
        foreach (var writer in _writers)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task RunAsync(ICommitWriter writer)
    {
        var batch = new List<PendingCommit>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                if (pending.TryClaim())
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                await ApplyAsync(writer, batch).ConfigureAwait(false);
            }
        }
    }

    private async Task ApplyAsync(ICommitWriter writer, List<PendingCommit> batch)
    {
        try
        {
            var results = await writer.ApplyAsync(batch.ConvertAll(p => p.Commit), CancellationToken.None).ConfigureAwait(false);
            Complete(batch, results);
            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            StorageLog.BatchFailed(_logger, batch.Count, ex);
        }
        catch (Exception ex)
        {
            StorageLog.CommitFailed(_logger, batch[0].Commit.TicketId, ex);
            Fail(batch[0], ex);
            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                var results = await writer.ApplyAsync([pending.Commit], CancellationToken.None).ConfigureAwait(false);
                Complete([pending], results);
            }
            catch (Exception ex)
            {
                StorageLog.CommitFailed(_logger, pending.Commit.TicketId, ex);
                Fail(pending, ex);
            }
        }
    }

    /// <summary>
    /// Tells every caller of a durable batch its result from one thread-pool work item (see <see cref="PendingCommit"/>):
    /// the writer loop goes straight on to the next batch.
    /// </summary>
    private void Complete(List<PendingCommit> batch, bool[] results)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i])
            {
                _applied(batch[i].Commit);
            }
        }

        var done = batch.ToArray();
        ThreadPool.UnsafeQueueUserWorkItem(
            static state =>
            {
                for (var i = 0; i < state.Done.Length; i++)
                {
                    state.Done[i].Complete(state.Results[i]);
                }
            },
            (Done: done, Results: results),
            preferLocal: false);
    }

    private static void Fail(PendingCommit pending, Exception exception) =>
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Pending.Fail(state.Exception), (Pending: pending, Exception: exception), preferLocal: false);
}
