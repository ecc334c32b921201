using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;

namespace Hotline.Silo.Tests.Storage;

/// <summary>Wraps a real commit writer: records batch sizes and holds the first batch until released, so tests can make commits queue up.</summary>
internal sealed class GatedCommitWriter(ICommitWriter inner) : ICommitWriter
{
    private readonly TaskCompletionSource _firstBatchStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<int> BatchSizes { get; } = [];

    public Task FirstBatchStarted => _firstBatchStarted.Task;

    public void Release() => _release.TrySetResult();

    public async Task<bool[]> ApplyAsync(IReadOnlyList<TicketCommit> commits, CancellationToken cancellationToken)
    {
        lock (BatchSizes)
        {
            BatchSizes.Add(commits.Count);
        }

        _firstBatchStarted.TrySetResult();
        await _release.Task;
        return await inner.ApplyAsync(commits, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
