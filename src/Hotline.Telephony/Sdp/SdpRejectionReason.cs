namespace Hotline.Telephony.Sdp;

public enum SdpRejectionReason
{
    /// <summary>No audio RTP/AVP or RTP/SAVP stream with a non-zero port.</summary>
    NoAudioStream,

    /// <summary>An audio stream, but none of its codecs is one we accept.</summary>
    NoCommonCodec,

    /// <summary>An answer that does not fit our offer (RFC 3264 §6: same m= lines, codecs from the offer).</summary>
    AnswerMismatch,

    /// <summary>RTP/SAVP offered without an a=crypto we can use (AES_CM_128_HMAC_SHA1_80, inline key, no MKI).</summary>
    NoUsableCrypto,
}
