namespace Hotline.Telephony.Sdp;

/// <summary>Why an SDP body was rejected; every parse failure answers SIP 400 (RFC 3261 §21.4.1).</summary>
public enum SdpParseError
{
    None,
    TooLarge,
    MissingVersion,
    UnsupportedVersion,
    MalformedLine,
    MissingOrigin,
    MalformedOrigin,
    MissingSessionName,
    MalformedConnection,
    MalformedTiming,
    MalformedMedia,
    MalformedRtpMap,
    MissingConnection,
}
