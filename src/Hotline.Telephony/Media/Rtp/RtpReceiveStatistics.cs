namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// Per-source reception statistics: extended sequence numbers with wrap-around, expected/lost counts and
/// interarrival jitter, following RFC 3550 Appendix A.1 (sequence) and §6.4.1 / A.8 (jitter).
/// Not thread-safe: one instance per receive loop.
/// </summary>
public sealed class RtpReceiveStatistics
{
    // RFC 3550 A.1: a jump larger than this restarts the sequence (the source restarted);
    // a step back within MaxMisorder is a late or duplicate packet.
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const uint SequenceModulo = 1 << 16;

    private bool _initialised;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private uint _badSequence = SequenceModulo + 1;
    private long _lastTransit;
    private bool _haveTransit;

    /// <summary>Packets accepted (duplicates included, as RFC 3550 A.3 counts them).</summary>
    public long Received { get; private set; }

    /// <summary>Highest sequence number seen, extended with the count of wrap-arounds in the high bits.</summary>
    public long ExtendedHighestSequence => _cycles + (long)_maxSequence;

    /// <summary>RFC 3550 A.3: expected = extended highest − base + 1.</summary>
    public long Expected => _initialised ? ExtendedHighestSequence - _baseSequence + 1 : 0;

    /// <summary>Cumulative packets lost; never negative even when duplicates arrive.</summary>
    public long Lost => Math.Max(0, Expected - Received);

    /// <summary>Interarrival jitter in timestamp units (RFC 3550 §6.4.1).</summary>
    public double Jitter { get; private set; }

    /// <summary>
    /// Records one packet. <paramref name="arrival"/> is the arrival time expressed in the stream's
    /// timestamp units (e.g. 8000 per second for G.711) so transit differences compare like with like.
    /// Returns false when the packet is outside the valid window and was not counted.
    /// </summary>
    public bool Update(ushort sequence, uint rtpTimestamp, long arrival)
    {
        if (!_initialised)
        {
            Restart(sequence);
            _initialised = true;
        }
        else
        {
            int delta = (ushort)(sequence - _maxSequence);
            if (delta < MaxDropout)
            {
                if (sequence < _maxSequence)
                {
                    _cycles += SequenceModulo;
                }

                _maxSequence = sequence;
            }
            else if (delta <= SequenceModulo - MaxMisorder)
            {
                // A very large jump: two sequential packets at the new place mean the source restarted.
                if (sequence == _badSequence)
                {
                    Restart(sequence);
                }
                else
                {
                    _badSequence = (uint)((sequence + 1) & (SequenceModulo - 1));
                    return false;
                }
            }

            // Otherwise a duplicate or reordered packet: counted, max unchanged.
        }

        Received++;
        UpdateJitter(rtpTimestamp, arrival);
        return true;
    }

    private void Restart(ushort sequence)
    {
        _baseSequence = sequence;
        _maxSequence = sequence;
        _cycles = 0;
        _badSequence = SequenceModulo + 1;
        Received = 0;
        _haveTransit = false;
    }

    private void UpdateJitter(uint rtpTimestamp, long arrival)
    {
        // RFC 3550 A.8: transit = arrival − timestamp; D = transit − previous transit; J += (|D| − J) / 16.
        // The timestamp is read modulo 2^32 so a wrap does not look like a 12-hour jump.
        long transit = arrival - rtpTimestamp;
        if (_haveTransit)
        {
            long d = (int)(uint)(transit - _lastTransit);
            Jitter += (Math.Abs(d) - Jitter) / 16.0;
        }

        _lastTransit = transit;
        _haveTransit = true;
    }
}
