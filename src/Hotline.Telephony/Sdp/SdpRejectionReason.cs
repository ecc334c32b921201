namespace Hotline.Telephony.Sdp;

public enum SdpRejectionReason
{
    /// <summary>No audio RTP/AVP stream with a non-zero port.</summary>
    NoAudioStream,

    /// <summary>An audio stream, but none of its codecs is one we accept.</summary>
    NoCommonCodec,

    /// <summary>An answer that does not fit our offer (RFC 3264 §6: same m= lines, codecs from the offer).</summary>
    AnswerMismatch,
}
