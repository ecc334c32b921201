namespace Hotline.Silo.Metrics;

/// <summary>How an instrument's measurements aggregate, and which Prometheus TYPE it is exposed as.</summary>
internal enum MetricKind
{
    /// <summary>Counter: measurements are increments of a monotonic total (TYPE counter).</summary>
    MonotonicSum,

    /// <summary>UpDownCounter: increments that may be negative (TYPE gauge).</summary>
    Sum,

    /// <summary>Observable instruments and Gauge: each measurement replaces the value.</summary>
    LastValue,

    /// <summary>Observable counter: reports its own running total (TYPE counter).</summary>
    MonotonicLastValue,

    Histogram,
}
