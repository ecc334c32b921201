using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Edge;

/// <summary>
/// Passes a server transaction through, and counts a strike against the source when the answer is one a
/// working phone does not keep getting: 403 (forbidden number, mismatched identity), 404 (unknown number),
/// or a new 401/407 challenge to a request that already carried credentials (a wrong password or unknown
/// user: the edge challenges both alike so as not to reveal which ids exist). A plain challenge is the
/// normal first step of digest authentication, and a stale-nonce challenge a normal refresh; neither counts.
/// </summary>
internal sealed class StrikingTransaction(ISipServerTransaction inner, SipSourceGuard guard) : ISipServerTransaction
{
    public SipInbound Inbound => inner.Inbound;

    public SipRequest Request => inner.Request;

    public SipTransactionState State => inner.State;

    public void Respond(SipResponse response)
    {
        if (response.StatusCode is 403 or 404 || (response.StatusCode is 401 or 407 && FailedCredentials(response)))
        {
            guard.Strike(inner.Inbound.Remote.Address);
        }
        inner.Respond(response);
    }

    private bool FailedCredentials(SipResponse challenge)
    {
        var carried = Request.Headers[SipHeaderNames.Authorization] is not null || Request.Headers[SipHeaderNames.ProxyAuthorization] is not null;
        var stale = (challenge.Headers[SipHeaderNames.WwwAuthenticate] ?? challenge.Headers[SipHeaderNames.ProxyAuthenticate] ?? string.Empty)
            .Contains("stale=true", StringComparison.OrdinalIgnoreCase);
        return carried && !stale;
    }
}
