using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Sip.Transactions;

/// <summary>
/// Identifies a transaction (RFC 3261 §17.1.3 client side, §17.2.3 server side): the top Via branch,
/// its sent-by (server side only) and the method, with ACK matching the INVITE it acknowledges.
/// </summary>
internal readonly record struct SipTransactionKey(string Branch, string SentBy, string Method)
{
    public static SipTransactionKey ForServer(SipRequest request)
    {
        var via = request.TopVia;
        var method = request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method;
        var branch = via.Branch;
        if (branch is null || !branch.StartsWith(ViaHeader.MagicCookie, StringComparison.Ordinal))
        {
            // §17.2.3 fallback for RFC 2543 peers without the magic cookie: Call-ID, CSeq number, From tag, Via.
            branch = string.Join('|', "2543", request.CallId, request.CSeq.Number, request.From.Tag, via.ToString());
        }
        return new SipTransactionKey(branch, via.SentBy.ToLowerInvariant(), method);
    }

    /// <summary>§17.1.3: a response matches by its top Via branch and the CSeq method.</summary>
    public static SipTransactionKey ForClient(SipMessage message) =>
        new(message.TopVia.Branch ?? string.Empty, string.Empty, message.CSeq.Method);
}
