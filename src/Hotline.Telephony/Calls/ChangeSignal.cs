namespace Hotline.Telephony.Calls;

/// <summary>
/// A task that completes at the next <see cref="Signal"/>: wallboards wait on it instead of polling. Each wait
/// takes the current task, so a signal wakes every waiter once and costs nothing when nobody waits.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitAsync(CancellationToken cancellationToken) => Volatile.Read(ref _next).Task.WaitAsync(cancellationToken);

    public void Signal() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
