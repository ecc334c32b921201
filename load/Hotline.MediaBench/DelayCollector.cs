using System.Diagnostics;

namespace Hotline.MediaBench;

/// <summary>
/// Keeps one-way transit times through the relay per stream. "Added jitter" is each packet's transit minus
/// the smallest transit of its stream: the delay variation the relay path added on top of its best case.
/// </summary>
internal sealed class DelayCollector(int streams, long expectedSamples)
{
    private readonly long[] _minimum = Enumerable.Repeat(long.MaxValue, streams).ToArray();
    private readonly int[] _stream = new int[expectedSamples + 1024];
    private readonly long[] _transit = new long[expectedSamples + 1024];
    private long _count;
    private long _received;

    public long Received => Interlocked.Read(ref _received);

    public void Add(int stream, long transitTicks, bool measured)
    {
        Interlocked.Increment(ref _received);
        if (!measured || (uint)stream >= _minimum.Length)
        {
            return;
        }

        long slot = Interlocked.Increment(ref _count) - 1;
        if (slot < _transit.Length)
        {
            _stream[slot] = stream;
            _transit[slot] = transitTicks;
        }
    }

    /// <summary>Added jitter percentiles in milliseconds.</summary>
    public (double P50, double P99, double Max) AddedJitter()
    {
        long count = Math.Min(_count, _transit.Length);
        if (count == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        for (long i = 0; i < count; i++)
        {
            _minimum[_stream[i]] = Math.Min(_minimum[_stream[i]], _transit[i]);
        }

        var added = new double[count];
        for (long i = 0; i < count; i++)
        {
            added[i] = (_transit[i] - _minimum[_stream[i]]) * 1000.0 / Stopwatch.Frequency;
        }

        Array.Sort(added);
        return (added[(long)(count * 0.50)], added[Math.Min(count - 1, (long)(count * 0.99))], added[count - 1]);
    }
}
