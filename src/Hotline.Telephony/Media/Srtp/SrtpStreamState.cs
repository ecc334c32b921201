namespace Hotline.Telephony.Media.Srtp;

/// <summary>
/// What SRTP remembers per SSRC (RFC 3711 §3.2.1): the highest packet index seen, whose top 32 bits are the
/// rollover counter (ROC) and low 16 the highest sequence number s_l, plus a 64-packet replay window (§3.3.2).
/// </summary>
internal sealed class SrtpStreamState
{
    private const int WindowSize = 64;

    private ulong _highest;
    private ulong _window;
    private bool _started;

    /// <summary>
    /// §3.3.1 (the estimate of Appendix A): the 48-bit index of a packet with <paramref name="sequence"/>,
    /// guessing its ROC as one below, equal to or one above ours from how far the number lies from s_l.
    /// Null for a packet from before the stream's first rollover, which no index can name.
    /// </summary>
    public ulong? EstimateIndex(ushort sequence)
    {
        if (!_started)
        {
            return sequence;
        }
        var roc = (long)(_highest >> 16);
        var highestSequence = (int)(_highest & 0xFFFF);
        long guess = roc;
        if (highestSequence < 0x8000)
        {
            if (sequence - highestSequence > 0x8000)
            {
                guess = roc - 1;
            }
        }
        else if (highestSequence - 0x8000 > sequence)
        {
            guess = roc + 1;
        }
        return guess < 0 || guess > uint.MaxValue ? null : ((ulong)guess << 16) | sequence;
    }

    /// <summary>§3.3.2: true for an index already received or too far behind the window to tell.</summary>
    public bool IsReplay(ulong index)
    {
        if (!_started || index > _highest)
        {
            return false;
        }
        var behind = _highest - index;
        return behind >= WindowSize || (_window & (1UL << (int)behind)) != 0;
    }

    /// <summary>Records an authenticated (or, sending, protected) index: the window slides when it is the newest.</summary>
    public void Accept(ulong index)
    {
        if (!_started)
        {
            _started = true;
            _highest = index;
            _window = 1;
            return;
        }
        if (index > _highest)
        {
            var ahead = index - _highest;
            _window = ahead >= WindowSize ? 1 : (_window << (int)ahead) | 1;
            _highest = index;
            return;
        }
        _window |= 1UL << (int)(_highest - index);
    }

    /// <summary>The rollover counter an index carries (§3.3.1), authenticated with the packet.</summary>
    public static uint RolloverCounter(ulong index) => (uint)(index >> 16);
}
