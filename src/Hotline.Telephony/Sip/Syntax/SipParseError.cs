namespace Hotline.Telephony.Sip.Syntax;

/// <summary>A typed rejection from the parser: the reason, a human detail, and the SIP status to answer with.</summary>
internal sealed record SipParseError(SipParseFailure Failure, string Detail)
{
    /// <summary>
    /// The response status for a request rejected this way (RFC 3261 §21.4): 505 for another SIP version,
    /// 414 for an over-long Request-URI, 413 for a body over the limit, 513 for an over-large header
    /// section, 400 for everything malformed.
    /// </summary>
    public int StatusCode => Failure switch
    {
        SipParseFailure.UnsupportedVersion => 505,
        SipParseFailure.RequestUriTooLong => 414,
        SipParseFailure.BodyTooLarge => 413,
        SipParseFailure.HeaderSectionTooLarge or SipParseFailure.TooManyHeaders => 513,
        _ => 400,
    };

    public override string ToString() => $"{Failure}: {Detail}";
}
