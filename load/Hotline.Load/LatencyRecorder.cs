using System.Diagnostics;

namespace Hotline.Load;

/// <summary>Latencies of one client (no locking: one recorder per client); merged for percentiles at the end.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> _ticks = new(capacity: 1 << 16);

    public int Count => _ticks.Count;

    public void Record(long startTimestamp) => _ticks.Add(Stopwatch.GetTimestamp() - startTimestamp);

    public static LatencySummary Summarise(IEnumerable<LatencyRecorder> recorders, TimeSpan duration)
    {
        var all = recorders.SelectMany(r => r._ticks).ToArray();
        Array.Sort(all);
        double Ms(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new LatencySummary(all.Length, all.Length / duration.TotalSeconds, Ms(0.50), Ms(0.95), Ms(0.99), Ms(1.0));
    }
}
