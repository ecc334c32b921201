namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// Sees every valid RTP packet a relay forwards (the recorder, the DTMF detector). Called on the
/// receive loop of the leg the packet came in on, so the two legs may call concurrently; the span
/// is only valid during the call.
/// </summary>
public interface IRtpPacketTap
{
    void OnPacket(RtpLegSide from, in RtpHeader header, ReadOnlySpan<byte> datagram);
}
