using System.Globalization;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Sip.Dialogs;

/// <summary>
/// Dialog state (RFC 3261 §12.1): identifiers, local and remote URIs with tags, the remote target from
/// Contact, the route set from Record-Route, and both CSeq spaces. Builds in-dialog requests (§12.2.1.1).
/// </summary>
internal sealed class SipDialog
{
    private readonly object _gate = new();
    private long _localCSeq;
    private long _remoteCSeq;

    private SipDialog(DialogId id, NameAddressHeader local, NameAddressHeader remote, SipUri remoteTarget, IReadOnlyList<string> routeSet, long remoteCSeq)
    {
        Id = id;
        Local = local;
        Remote = remote;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        _remoteCSeq = remoteCSeq;
        // §12.1.1: the UAS's own sequence space starts wherever it likes; 1 keeps traces readable.
        _localCSeq = 0;
    }

    public DialogId Id { get; }

    public NameAddressHeader Local { get; }

    public NameAddressHeader Remote { get; }

    public SipUri RemoteTarget { get; }

    /// <summary>Record-Route values in the order the UAS keeps them (§12.1.1: as received).</summary>
    public IReadOnlyList<string> RouteSet { get; }

    /// <summary>§12.1.1: the UAS side of a dialog created by an INVITE and its 2xx.</summary>
    public static SipDialog? CreateAsServer(SipRequest invite, string localTag)
    {
        var contact = invite.Headers[SipHeaderNames.Contact];
        if (contact is null || !NameAddressHeader.TryParse(contact, out var target) || invite.From.Tag is null
            || !invite.Headers.TryGetValues(SipHeaderNames.RecordRoute, out var routes))
        {
            return null;
        }
        var id = new DialogId(invite.CallId, localTag, invite.From.Tag);
        return new SipDialog(id, invite.To.WithTag(localTag), invite.From, target.Uri, routes, invite.CSeq.Number);
    }

    /// <summary>§12.2.2: a request with a CSeq below the last one seen is out of order (answered 500).</summary>
    public bool AcceptRemoteCSeq(SipRequest request)
    {
        if (request.Method == SipMethods.Ack)
        {
            return true; // ACK and CANCEL reuse the INVITE's number.
        }
        lock (_gate)
        {
            if (request.CSeq.Number < _remoteCSeq)
            {
                return false;
            }
            _remoteCSeq = request.CSeq.Number;
            return true;
        }
    }

    /// <summary>§12.2.1.1: a new request inside the dialog (BYE, re-INVITE …) with the next local CSeq.</summary>
    public SipRequest CreateRequest(string method, string viaSentBy, string transport, string contact)
    {
        long cseq;
        lock (_gate)
        {
            cseq = ++_localCSeq;
        }
        var headers = new List<SipHeader>
        {
            new(SipHeaderNames.Via, $"SIP/2.0/{transport} {viaSentBy};branch={SipIdentifiers.NewBranch()};rport"),
            new(SipHeaderNames.MaxForwards, "70"),
            new(SipHeaderNames.From, Local.ToString()),
            new(SipHeaderNames.To, Remote.ToString()),
            new(SipHeaderNames.CallId, Id.CallId),
            new(SipHeaderNames.CSeq, cseq.ToString(CultureInfo.InvariantCulture) + " " + method),
            new(SipHeaderNames.Contact, contact),
        };
        foreach (var route in RouteSet)
        {
            headers.Add(new SipHeader(SipHeaderNames.Route, route));
        }
        return SipRequest.Create(method, RemoteTarget, new SipHeaderCollection(headers));
    }
}
