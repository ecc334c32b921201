using System.Collections.Concurrent;
using System.Net;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>
/// The edge's door policy per source address. Trunks pass always: real callers arrive through them, and a
/// busy trunk must never look like a flood. Everyone else gets the per-source rate limit, and a source
/// that keeps failing (wrong passwords, unknown users, calls to numbers it may not reach — what scanners
/// like sipvicious do) is banned for a while: its packets are dropped before parsing, unanswered, so
/// the scan learns nothing. Thread-safe.
/// </summary>
internal sealed class SipSourceGuard : ISipRateLimiter
{
    private const int MaxTrackedSources = 100_000;

    private readonly ISipRateLimiter _limit;
    private readonly HashSet<IPAddress> _exempt;
    private readonly TimeProvider _time;
    private readonly int _failuresToBan;
    private readonly TimeSpan _window;
    private readonly TimeSpan _banFor;
    private readonly ConcurrentDictionary<IPAddress, Record> _records = new();

    public SipSourceGuard(ISipRateLimiter limit, IEnumerable<IPAddress> exempt, TimeProvider time, int failuresToBan, TimeSpan window, TimeSpan banFor)
    {
        _limit = limit;
        _exempt = [.. exempt];
        _time = time;
        _failuresToBan = failuresToBan;
        _window = window;
        _banFor = banFor;
    }

    public bool TryAcquire(IPAddress source)
    {
        if (_exempt.Contains(source))
        {
            return true;
        }
        if (_records.TryGetValue(source, out var record) && IsBanned(record))
        {
            return false;
        }
        return _limit.TryAcquire(source);
    }

    public bool IsBanned(IPAddress source) => _records.TryGetValue(source, out var record) && IsBanned(record);

    /// <summary>A request from this source was refused for a reason a legitimate phone does not repeat (403, 404, malformed).</summary>
    public void Strike(IPAddress source)
    {
        if (_failuresToBan <= 0 || _exempt.Contains(source))
        {
            return;
        }
        if (_records.Count > MaxTrackedSources)
        {
            _records.Clear(); // spoofed sources must not exhaust memory; real bans are re-earned quickly
        }
        var now = _time.GetUtcNow();
        var record = _records.GetOrAdd(source, _ => new Record());
        lock (record)
        {
            if (now - record.WindowStart > _window)
            {
                record.WindowStart = now;
                record.Failures = 0;
            }
            record.Failures++;
            if (record.Failures >= _failuresToBan)
            {
                record.BannedUntil = now + _banFor;
                record.Failures = 0;
            }
        }
    }

    private bool IsBanned(Record record)
    {
        lock (record)
        {
            return record.BannedUntil > _time.GetUtcNow();
        }
    }

    private sealed class Record
    {
        public DateTimeOffset WindowStart { get; set; }

        public int Failures { get; set; }

        public DateTimeOffset BannedUntil { get; set; }
    }
}
