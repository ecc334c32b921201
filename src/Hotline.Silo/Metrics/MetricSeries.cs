namespace Hotline.Silo.Metrics;

/// <summary>The aggregated value of one instrument for one set of tags.</summary>
internal sealed class MetricSeries(string labels, int bucketCount)
{
    private readonly object _gate = new();
    private readonly long[] _buckets = new long[bucketCount];
    private double _value;
    private long _count;

    /// <summary>The series' labels, already rendered as <c>a="x",b="y"</c> (empty when untagged).</summary>
    public string Labels { get; } = labels;

    public void Add(double increment)
    {
        lock (_gate)
        {
            _value += increment;
        }
    }

    public void Set(double value)
    {
        lock (_gate)
        {
            _value = value;
        }
    }

    /// <summary>Counts the measurement in the first bucket whose upper bound holds it (the last slot is +Inf).</summary>
    public void Observe(double value, double[] bounds)
    {
        var index = Array.BinarySearch(bounds, value);
        if (index < 0)
        {
            index = ~index;
        }

        lock (_gate)
        {
            _buckets[index]++;
            _value += value;
            _count++;
        }
    }

    public (double Value, long Count, long[] Buckets) Snapshot()
    {
        lock (_gate)
        {
            return (_value, _count, [.. _buckets]);
        }
    }
}
