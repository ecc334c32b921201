namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// Extends 32-bit RTP timestamps (RFC 3550 §5.1: they wrap and start at a random value) into a 64-bit
/// timeline relative to the first timestamp seen. Steps are read as signed 32-bit differences, so a wrap
/// and a late (slightly older) packet both come out right.
/// </summary>
public sealed class RtpTimestampUnwrapper
{
    private bool _started;
    private uint _last;
    private long _lastExtended;

    /// <summary>Returns the timestamp's offset from the first one seen, in timestamp units.</summary>
    public long Unwrap(uint timestamp)
    {
        if (!_started)
        {
            _started = true;
            _last = timestamp;
            _lastExtended = 0;
            return 0;
        }

        long extended = _lastExtended + (int)(timestamp - _last);
        if (extended > _lastExtended)
        {
            _last = timestamp;
            _lastExtended = extended;
        }

        return extended;
    }

    /// <summary>Forgets the timeline, e.g. after the sender changed SSRC.</summary>
    public void Reset() => _started = false;
}
