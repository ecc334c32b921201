using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Sip.Transactions;

/// <summary>The end of a client transaction: a final response, or a failure that stands in for one.</summary>
internal sealed record SipClientResult(SipResponse? Response, SipClientFailure Failure)
{
    public static SipClientResult Timeout { get; } = new(null, SipClientFailure.Timeout);

    public static SipClientResult TransportError { get; } = new(null, SipClientFailure.TransportError);

    /// <summary>The status to act on: the response's, 408 for a timeout, 503 for a transport error (§8.1.3.1).</summary>
    public int StatusCode => Response?.StatusCode ?? (Failure == SipClientFailure.Timeout ? 408 : 503);
}
