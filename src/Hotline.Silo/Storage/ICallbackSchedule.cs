namespace Hotline.Silo.Storage;

/// <summary>
/// The scheduler's view of stored callback requests: which are due, and each placed call. An attempt is
/// written before its call is dialled, so a crash during the call never makes it dialled twice; the next
/// attempt follows at the time written with it.
/// </summary>
internal interface ICallbackSchedule
{
    /// <summary>
    /// Up to <paramref name="max"/> pending requests not flagged for an agent whose next attempt is due at
    /// <paramref name="now"/>: untried ones at once, except queued callbacks requested after
    /// <paramref name="queuedBefore"/> (their queue still calls them back); tried ones at their next attempt time. Oldest first.
    /// </summary>
    Task<IReadOnlyList<PendingCallback>> ReadDueAsync(DateTimeOffset now, DateTimeOffset queuedBefore, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Claims attempt number <paramref name="attempt"/> (the previous count + 1) and the time of the one after;
    /// false when the request is completed or another pass already claimed it.
    /// </summary>
    Task<bool> BeginAttemptAsync(string callId, int attempt, DateTimeOffset at, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Logs how the attempt ended; with <paramref name="outcome"/> the request is also completed (reached or given up).</summary>
    Task EndAttemptAsync(string callId, int attempt, DateTimeOffset at, string result, string? outcome, CancellationToken cancellationToken);
}
