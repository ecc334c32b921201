using System.Collections.Concurrent;
using System.Diagnostics;
using Hotline.Silo.Storage;

namespace Hotline.Load.Scheduling;

/// <summary>The store's alarm index, timing each read the sweep makes (the scheduler's whole read cost).</summary>
internal sealed class CountingAlarmIndex(IAlarmIndex inner) : IAlarmIndex
{
    public ConcurrentQueue<(double Millis, int Rows)> Reads { get; } = new();

    public async Task<IReadOnlyList<DueAlarm>> ReadDueAsync(DateTimeOffset upTo, DueAlarm? after, int max, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var rows = await inner.ReadDueAsync(upTo, after, max, cancellationToken).ConfigureAwait(false);
        Reads.Enqueue((Stopwatch.GetElapsedTime(started).TotalMilliseconds, rows.Count));
        return rows;
    }
}
