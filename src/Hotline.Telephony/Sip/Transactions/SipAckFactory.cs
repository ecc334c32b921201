using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Sip.Transactions;

/// <summary>The ACK a client INVITE transaction sends for a non-2xx final response (RFC 3261 §17.1.1.3).</summary>
internal static class SipAckFactory
{
    public static SipRequest ForNon2xx(SipRequest invite, SipResponse response)
    {
        var headers = new List<SipHeader>
        {
            // Only the top Via, same branch: the ACK belongs to the INVITE's transaction.
            new(SipHeaderNames.Via, invite.TopVia.ToString()),
            new(SipHeaderNames.MaxForwards, "70"),
            new(SipHeaderNames.From, invite.Headers[SipHeaderNames.From]!),
            new(SipHeaderNames.To, response.Headers[SipHeaderNames.To]!),
            new(SipHeaderNames.CallId, invite.CallId),
            new(SipHeaderNames.CSeq, new CSeqHeader(invite.CSeq.Number, SipMethods.Ack).ToString()),
        };
        foreach (var route in invite.Headers.GetLines(SipHeaderNames.Route))
        {
            headers.Add(new SipHeader(SipHeaderNames.Route, route));
        }
        return SipRequest.Create(SipMethods.Ack, invite.RequestUri, new SipHeaderCollection(headers));
    }
}
