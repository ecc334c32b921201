using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Media.Dtmf;

/// <summary>
/// Watches both legs of a relay for RFC 4733 digits. Each side negotiated its own telephone-event payload
/// type, so each has its own detector; a detector is only fed from its leg's receive loop.
/// </summary>
public sealed class DtmfTap(byte callerEventPayloadType, byte agentEventPayloadType, Action<RtpLegSide, DtmfDigit> onDigit)
    : IRtpPacketTap
{
    private readonly DtmfDetector _caller = new(callerEventPayloadType);
    private readonly DtmfDetector _agent = new(agentEventPayloadType);

    public void OnPacket(RtpLegSide from, in RtpHeader header, ReadOnlySpan<byte> datagram)
    {
        DtmfDetector detector = from == RtpLegSide.Caller ? _caller : _agent;
        if (detector.TryAccept(header, datagram, out DtmfDigit digit))
        {
            onDigit(from, digit);
        }
    }
}
