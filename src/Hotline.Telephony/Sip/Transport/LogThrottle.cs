namespace Hotline.Telephony.Sip.Transport;

/// <summary>
/// Lets at most a fixed number of log entries through per interval, so traffic an attacker controls
/// (malformed datagrams, refused connections) cannot fill the disk through the log. What was held back
/// is counted and reported with the first entry of the next interval. Thread-safe.
/// </summary>
internal sealed class LogThrottle
{
    private readonly TimeProvider _time;
    private readonly long _interval;
    private readonly int _perInterval;
    private readonly Lock _lock = new();
    private long _windowStart;
    private int _written;
    private int _suppressed;

    public LogThrottle(TimeProvider time, TimeSpan interval, int perInterval)
    {
        _time = time;
        _interval = (long)(interval.TotalSeconds * time.TimestampFrequency);
        _perInterval = perInterval;
        _windowStart = time.GetTimestamp();
    }

    /// <summary>True when this entry may be written; <paramref name="suppressed"/> is how many were held back before it.</summary>
    public bool TryEnter(out int suppressed)
    {
        var now = _time.GetTimestamp();
        lock (_lock)
        {
            if (now - _windowStart >= _interval)
            {
                _windowStart = now;
                _written = 0;
            }
            if (_written >= _perInterval)
            {
                _suppressed++;
                suppressed = 0;
                return false;
            }
            _written++;
            suppressed = _suppressed;
            _suppressed = 0;
            return true;
        }
    }
}
