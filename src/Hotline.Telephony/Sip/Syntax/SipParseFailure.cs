namespace Hotline.Telephony.Sip.Syntax;

/// <summary>Why a message was rejected; <see cref="SipParseError.StatusCode"/> maps each to a SIP status.</summary>
internal enum SipParseFailure
{
    MalformedStartLine,
    UnsupportedVersion,
    RequestUriTooLong,
    MalformedHeader,
    HeaderSectionTooLarge,
    TooManyHeaders,
    MissingRequiredHeader,
    DuplicateSingleHeader,
    InvalidHeaderValue,
    CSeqMethodMismatch,
    MissingContentLength,
    InvalidContentLength,
    BodyTooLarge,
    TruncatedBody,
}
