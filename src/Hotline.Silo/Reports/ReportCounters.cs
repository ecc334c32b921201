namespace Hotline.Silo.Reports;

/// <summary>One value per <see cref="ReportMeasure"/>; adding two gives the counters of both.</summary>
internal sealed class ReportCounters
{
    private readonly long[] _values;

    public ReportCounters()
        : this(new long[ReportMeasures.Count])
    {
    }

    private ReportCounters(long[] values) => _values = values;

    public long this[ReportMeasure measure] => _values[(int)measure];

    public static ReportCounters From(IReadOnlyList<long> values)
    {
        if (values.Count != ReportMeasures.Count)
        {
            throw new ArgumentException($"expected {ReportMeasures.Count} counters, got {values.Count}", nameof(values));
        }

        return new ReportCounters([.. values]);
    }

    public void Add(ReportMeasure measure, long amount = 1) => _values[(int)measure] += amount;

    public void Add(ReportCounters other)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] += other._values[i];
        }
    }

    public IReadOnlyList<long> Values => _values;

    public bool IsEmpty => Array.TrueForAll(_values, v => v == 0);
}
