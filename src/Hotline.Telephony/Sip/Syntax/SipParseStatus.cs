namespace Hotline.Telephony.Sip.Syntax;

internal enum SipParseStatus
{
    /// <summary>A whole message was read and the buffer advanced past it.</summary>
    Complete,

    /// <summary>The bytes so far are a valid prefix; read more and call again.</summary>
    NeedMoreData,

    /// <summary>The input is not a valid message; the error says why. On a stream the connection cannot resync.</summary>
    Rejected,
}
