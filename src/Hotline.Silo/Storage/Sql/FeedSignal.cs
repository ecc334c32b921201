using System.Collections.Concurrent;

namespace Hotline.Silo.Storage.Sql;

/// <summary>Wakes in-process feed watchers of a department when this process commits to its feed.</summary>
internal sealed class FeedSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the department's next notification; take it before reading the feed.</summary>
    public Task NextAsync(string departmentId) =>
        _waiters.GetOrAdd(departmentId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Wakes every waiter: another process committed something, and which departments it touched is not known.</summary>
    public void NotifyAll()
    {
        foreach (var departmentId in _waiters.Keys)
        {
            Notify(departmentId);
        }
    }

    public void Notify(string departmentId)
    {
        if (_waiters.TryRemove(departmentId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
