using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Sip.Transactions;

/// <summary>
/// RFC 3261 §9.1: a CANCEL copies the INVITE's Request-URI, Call-ID, To, From, Route and top Via (so the
/// peer matches it to the INVITE's server transaction), with the INVITE's CSeq number and method CANCEL.
/// </summary>
internal static class SipCancelFactory
{
    public static SipRequest For(SipRequest invite)
    {
        var headers = new List<SipHeader>
        {
            new(SipHeaderNames.Via, invite.TopVia.ToString()),
            new(SipHeaderNames.MaxForwards, "70"),
            new(SipHeaderNames.From, invite.Headers[SipHeaderNames.From]!),
            new(SipHeaderNames.To, invite.Headers[SipHeaderNames.To]!),
            new(SipHeaderNames.CallId, invite.CallId),
            new(SipHeaderNames.CSeq, new CSeqHeader(invite.CSeq.Number, SipMethods.Cancel).ToString()),
        };
        foreach (var route in invite.Headers.GetLines(SipHeaderNames.Route))
        {
            headers.Add(new SipHeader(SipHeaderNames.Route, route));
        }
        return SipRequest.Create(SipMethods.Cancel, invite.RequestUri, new SipHeaderCollection(headers));
    }
}
