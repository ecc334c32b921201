namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// A commit waiting in the writer queue, with the caller's completion. Its continuations run where it is
/// completed: <see cref="CommitBatcher"/> completes a whole batch from one thread-pool work item, never on its
/// writer loop, so a waiter cannot hold up the next batch and a batch of N commits costs one hop, not N.
/// </summary>
internal sealed class PendingCommit
{
    private const int Queued = 0;
    private const int Claimed = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<bool> _completion = new();
    private CancellationTokenRegistration _registration;
    private int _state;

    public PendingCommit(TicketCommit commit, CancellationToken cancellationToken)
    {
        Commit = commit;
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(static (state, token) => ((PendingCommit)state!).Cancel(token), this);
        }
    }

    public TicketCommit Commit { get; }

    public Task<bool> Task => _completion.Task;

    /// <summary>
    /// Takes the commit for a transaction. A caller cancelled before this point is skipped; once
    /// claimed the commit runs to its durable end, because a caller must never be left unsure
    /// whether an acknowledged-or-not transition applied.
    /// </summary>
    public bool TryClaim()
    {
        if (Interlocked.CompareExchange(ref _state, Claimed, Queued) != Queued)
        {
            return false;
        }

        _registration.Unregister();
        return true;
    }

    public void Complete(bool applied) => _completion.TrySetResult(applied);

    public void Fail(Exception exception) => _completion.TrySetException(exception);

    private void Cancel(CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
        {
            _completion.TrySetCanceled(token);
        }
    }
}
