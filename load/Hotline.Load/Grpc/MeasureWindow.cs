using System.Diagnostics;

namespace Hotline.Load.Grpc;

/// <summary>The run's timeline: warm-up, then the measured window; clients stop starting calls when it closes.</summary>
internal sealed class MeasureWindow(TimeSpan warmup, TimeSpan duration)
{
    private readonly long _measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
    private readonly long _end = Stopwatch.GetTimestamp() + (long)((warmup + duration).TotalSeconds * Stopwatch.Frequency);

    public TimeSpan Total => warmup + duration;

    public bool Running => Stopwatch.GetTimestamp() < _end;

    public bool IsMeasuring(long timestamp) => timestamp >= _measureFrom && timestamp < _end;
}
