using System.Collections.Concurrent;
using System.Net;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>
/// A token bucket per source (an IPv4 address or an IPv6 /64; burst of one second's allowance). With a rate of 0 every message
/// passes. Idle buckets are dropped once the table grows, so spoofed sources cannot exhaust memory.
/// </summary>
internal sealed class PerSourceRateLimiter : ISipRateLimiter
{
    private const int MaxTrackedSources = 100_000;

    private readonly ConcurrentDictionary<SourceKey, Bucket> _buckets = new();
    private readonly TimeProvider _time;
    private readonly int _perSecond;

    public PerSourceRateLimiter(TimeProvider time, int perSecond)
    {
        _time = time;
        _perSecond = perSecond;
    }

    public bool TryAcquire(IPAddress source)
    {
        if (_perSecond <= 0)
        {
            return true;
        }
        var now = _time.GetTimestamp();
        if (_buckets.Count > MaxTrackedSources)
        {
            _buckets.Clear();
        }
        var bucket = _buckets.GetOrAdd(SourceKey.From(source), _ => new Bucket(_perSecond, now));
        lock (bucket)
        {
            var elapsed = _time.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(_perSecond, bucket.Tokens + (elapsed * _perSecond));
            bucket.Stamp = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }
            bucket.Tokens -= 1;
            return true;
        }
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        public long Stamp { get; set; } = stamp;
    }
}
