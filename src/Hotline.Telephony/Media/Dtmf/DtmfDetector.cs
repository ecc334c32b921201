using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Media.Dtmf;

/// <summary>
/// Turns a stream of RFC 4733 telephone-event packets into digits. All packets of one event share its
/// RTP timestamp (§2.3.1) and the end packet is sent three times (§2.5.1.4), so an event is identified by
/// (SSRC, timestamp) and reported on its first end packet only. If all end packets are lost, the event
/// is reported when the next one starts. Not thread-safe: one instance per stream.
/// </summary>
public sealed class DtmfDetector(byte payloadType, int clockRate = 8000)
{
    private bool _open;
    private uint _ssrc;
    private uint _timestamp;
    private TelephoneEvent _last;
    private bool _haveEnded;
    private uint _endedSsrc;
    private uint _endedTimestamp;

    /// <summary>The negotiated telephone-event payload type (a=rtpmap:101 telephone-event/8000).</summary>
    public byte PayloadType { get; } = payloadType;

    /// <summary>Feeds one packet; returns true when it completes a digit not reported before.</summary>
    public bool TryAccept(in RtpHeader header, ReadOnlySpan<byte> datagram, out DtmfDigit digit)
    {
        digit = default;
        if (header.PayloadType != PayloadType
            || !TelephoneEvent.TryParse(datagram.Slice(header.PayloadOffset, header.PayloadLength), out TelephoneEvent evt))
        {
            return false;
        }

        bool sameEvent = _open && header.Ssrc == _ssrc && header.Timestamp == _timestamp;
        bool alreadyEnded = _haveEnded && header.Ssrc == _endedSsrc && header.Timestamp == _endedTimestamp;
        if (alreadyEnded)
        {
            return false;
        }

        DtmfDigit? unfinished = null;
        if (_open && !sameEvent)
        {
            // A new event began while the previous had no end packet: the previous one was lost at its end.
            unfinished = ToDigit(_last);
        }

        _open = true;
        _ssrc = header.Ssrc;
        _timestamp = header.Timestamp;
        _last = evt;
        if (evt.End)
        {
            _open = false;
            _haveEnded = true;
            _endedSsrc = header.Ssrc;
            _endedTimestamp = header.Timestamp;
            if (unfinished is null && ToDigit(evt) is { } ended)
            {
                digit = ended;
                return true;
            }
        }

        if (unfinished is { } lost)
        {
            // The newly ended event (if any) is reported on its retransmission instead.
            if (evt.End)
            {
                _haveEnded = false;
            }

            digit = lost;
            return true;
        }

        return false;
    }

    private DtmfDigit? ToDigit(TelephoneEvent evt) =>
        evt.Digit is { } c ? new DtmfDigit(c, TimeSpan.FromSeconds(evt.Duration / (double)clockRate)) : null;
}
