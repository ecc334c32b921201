using System.Collections.Concurrent;
using System.Net;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>
/// The edge's door policy per source (an IPv4 address or an IPv6 /64, see <see cref="SourceKey"/>). Trunks
/// pass always: real callers arrive through them, and a busy trunk must never look like a flood. Everyone
/// else gets the per-source rate limit, and a source that keeps failing (wrong passwords, unknown users,
/// calls to numbers it may not reach, malformed messages — what scanners like sipvicious do) is banned for
/// a while: its packets are dropped before parsing, unanswered, so the scan learns nothing.
/// The table is bounded so spoofed sources cannot exhaust memory, and evicts the sources struck longest ago
/// first. An active ban is never dropped, so no flood of new sources can lift one: when the whole table is
/// live bans, a new source is not remembered until a ban ends. Lookups are lock-free; strikes take one
/// lock. Thread-safe.
/// </summary>
internal sealed class SipSourceGuard : ISipRateLimiter
{
    /// <summary>Sources remembered at once, banned or not.</summary>
    public const int DefaultMaxTrackedSources = 100_000;

    private readonly ISipRateLimiter _limit;
    private readonly HashSet<IPAddress> _exempt;
    private readonly TimeProvider _time;
    private readonly int _failuresToBan;
    private readonly TimeSpan _window;
    private readonly TimeSpan _banFor;
    private readonly int _maxTracked;
    private readonly ConcurrentDictionary<SourceKey, Record> _records = new();
    private readonly Lock _lock = new();

    /// <summary>Sources not banned, least recently struck first.</summary>
    private readonly LinkedList<Record> _watched = new();

    /// <summary>Banned sources in the order they were banned (bans all last as long, so also by expiry).</summary>
    private readonly LinkedList<Record> _banned = new();

    public SipSourceGuard(ISipRateLimiter limit, IEnumerable<IPAddress> exempt, TimeProvider time, int failuresToBan, TimeSpan window, TimeSpan banFor, int maxTracked = DefaultMaxTrackedSources)
    {
        _limit = limit;
        _exempt = [.. exempt.Select(a => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a)];
        _time = time;
        _failuresToBan = failuresToBan;
        _window = window;
        _banFor = banFor;
        _maxTracked = Math.Max(1, maxTracked);
    }

    /// <summary>Sources remembered now (for tests and metrics).</summary>
    public int TrackedCount => _records.Count;

    public bool TryAcquire(IPAddress source)
    {
        if (IsExempt(source))
        {
            return true;
        }
        return !IsBanned(source) && _limit.TryAcquire(source);
    }

    public bool IsBanned(IPAddress source) =>
        !_records.IsEmpty && _records.TryGetValue(SourceKey.From(source), out var record) && record.BannedUntil > _time.GetUtcNow().UtcTicks;

    /// <summary>A request from this source was refused for a reason a legitimate phone does not repeat (403, 404, malformed).</summary>
    public void Strike(IPAddress source)
    {
        if (_failuresToBan <= 0 || IsExempt(source))
        {
            return;
        }
        var key = SourceKey.From(source);
        var now = _time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            if (!_records.TryGetValue(key, out var record))
            {
                if (!TryMakeRoom(now))
                {
                    return;
                }
                record = new Record(key);
                record.Node = _watched.AddLast(record);
                _records[key] = record;
            }
            else if (record.Node.List == _banned)
            {
                if (record.BannedUntil > now)
                {
                    return; // already banned; its packets should not even get here
                }
                Move(record, _watched);
                record.Failures = 0;
            }
            else
            {
                Move(record, _watched);
            }
            if (now - record.WindowStart > _window.Ticks)
            {
                record.WindowStart = now;
                record.Failures = 0;
            }
            if (++record.Failures >= _failuresToBan)
            {
                record.Failures = 0;
                record.BannedUntil = now + _banFor.Ticks;
                Move(record, _banned);
            }
        }
    }

    /// <summary>Under the lock: expired bans go first, then the least recently struck sources; false when only live bans are left.</summary>
    private bool TryMakeRoom(long now)
    {
        while (_banned.First is { } expired && expired.Value.BannedUntil <= now)
        {
            Forget(expired.Value);
        }
        while (_records.Count >= _maxTracked)
        {
            if (_watched.First is not { } leastRecent)
            {
                return false;
            }
            Forget(leastRecent.Value);
        }
        return true;
    }

    private void Forget(Record record)
    {
        record.Node.List!.Remove(record.Node);
        _records.TryRemove(record.Key, out _);
    }

    private static void Move(Record record, LinkedList<Record> to)
    {
        record.Node.List!.Remove(record.Node);
        to.AddLast(record.Node);
    }

    private bool IsExempt(IPAddress source) =>
        _exempt.Count > 0 && _exempt.Contains(source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source);

    private sealed class Record(SourceKey key)
    {
        public SourceKey Key { get; } = key;

        public LinkedListNode<Record> Node { get; set; } = null!;

        public long WindowStart { get; set; }

        public int Failures { get; set; }

        /// <summary>UTC ticks; read without the lock by <see cref="IsBanned(IPAddress)"/>, so kept in one atomic field.</summary>
        public long BannedUntil
        {
            get => Volatile.Read(ref _bannedUntil);
            set => Volatile.Write(ref _bannedUntil, value);
        }

        private long _bannedUntil;
    }
}
