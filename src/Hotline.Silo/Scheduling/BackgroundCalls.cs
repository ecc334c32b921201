namespace Hotline.Silo.Scheduling;

/// <summary>
/// Runs outbound calls in the background, a few at a time, so a ringing phone never holds up the next sweep.
/// Stopping cancels the calls (each was written as an attempt before it was dialled) and waits for them.
/// </summary>
internal sealed class BackgroundCalls(int maxConcurrent) : IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrent);
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<Task> _running = [];

    /// <summary>Runs <paramref name="call"/> when a slot is free; it must handle its own failures.</summary>
    public void Start(Func<CancellationToken, Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var task = Task.Run(async () =>
        {
            try
            {
                await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
                try
                {
                    await call(_stopping.Token).ConfigureAwait(false);
                }
                finally
                {
                    _slots.Release();
                }
            }
            catch (OperationCanceledException)
            {
                // Shutting down: the attempt stays counted and the next one follows at its written time.
            }
        });
        lock (_running)
        {
            _running.Add(task);
        }

        task.ContinueWith(t => { lock (_running) { _running.Remove(t); } }, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        _stopping.Dispose();
        _slots.Dispose();
    }
}
