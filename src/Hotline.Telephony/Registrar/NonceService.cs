using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Hotline.Telephony.Registrar;

/// <summary>
/// Stateless nonces: issue time plus randomness, signed with a per-process HMAC key, so any nonce can be
/// checked without a table. Only nonce-counts are tracked (RFC 7616 §3.4: nc must grow per nonce,
/// which stops replays), and only for nonces still within their lifetime.
/// </summary>
internal sealed class NonceService
{
    private const int PayloadLength = 16;
    private const int MacLength = 16;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, long> _lastCount = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private long _lastSweep;

    public NonceService(TimeProvider time, TimeSpan lifetime)
    {
        _time = time;
        _lifetime = lifetime;
    }

    public int TrackedCount => _lastCount.Count;

    public string Create()
    {
        Span<byte> nonce = stackalloc byte[PayloadLength + MacLength];
        BinaryPrimitives.WriteInt64BigEndian(nonce, _time.GetUtcNow().UtcTicks);
        RandomNumberGenerator.Fill(nonce[8..PayloadLength]);
        Sign(nonce[..PayloadLength], nonce[PayloadLength..]);
        return Convert.ToBase64String(nonce).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Checks signature and age, then that <paramref name="nonceCount"/> is above any seen for this nonce.</summary>
    public NonceValidity Check(string nonce, long nonceCount)
    {
        Span<byte> bytes = stackalloc byte[PayloadLength + MacLength + 2];
        var base64 = nonce.Replace('-', '+').Replace('_', '/') + "==";
        if (nonce.Length != 43 || !Convert.TryFromBase64String(base64[..44], bytes, out var written) || written != PayloadLength + MacLength)
        {
            return NonceValidity.Invalid;
        }
        Span<byte> expected = stackalloc byte[MacLength];
        Sign(bytes[..PayloadLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadLength..(PayloadLength + MacLength)]))
        {
            return NonceValidity.Invalid;
        }
        var issued = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(bytes), TimeSpan.Zero);
        var now = _time.GetUtcNow();
        if (now - issued > _lifetime || issued > now + TimeSpan.FromMinutes(1))
        {
            return NonceValidity.Stale;
        }
        SweepExpired(now);
        var accepted = false;
        _lastCount.AddOrUpdate(
            nonce,
            _ =>
            {
                accepted = nonceCount >= 1;
                return nonceCount;
            },
            (_, last) =>
            {
                accepted = nonceCount > last;
                return accepted ? nonceCount : last;
            });
        return accepted ? NonceValidity.Valid : NonceValidity.Invalid;
    }

    private void Sign(ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_key, payload, full);
        full[..MacLength].CopyTo(mac);
    }

    /// <summary>Drops counts of expired nonces at most once per lifetime/4, keeping the table bounded by the issue rate.</summary>
    private void SweepExpired(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now.UtcTicks - last < _lifetime.Ticks / 4 || Interlocked.CompareExchange(ref _lastSweep, now.UtcTicks, last) != last)
        {
            return;
        }
        foreach (var entry in _lastCount)
        {
            if (!IsLive(entry.Key))
            {
                _lastCount.TryRemove(entry);
            }
        }

        bool IsLive(string nonce)
        {
            var bytes = Convert.FromBase64String(nonce.Replace('-', '+').Replace('_', '/') + "=");
            var issued = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(bytes), TimeSpan.Zero);
            return now - issued <= _lifetime;
        }
    }
}
