namespace Hotline.Telephony.Media.Rtp;

/// <summary>Where a locally generated RTP stream goes (the caller's media leg socket).</summary>
public interface IRtpPacketSink
{
    /// <summary>Sends one packet; the span is only valid during the call.</summary>
    void Send(ReadOnlySpan<byte> packet);
}
